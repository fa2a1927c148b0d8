/**
 * The machine of the day against the one the goal tree's targets were set
 * on: the team's shared PERFORMANCE.md ("Trees and tables") recorded, for 10,000
 * goals fully expanded, 785 ms to first render with every row in the DOM
 * (Lit `repeat`, 40,006 nodes) and 57 ms with @lit-labs/virtualizer, and the
 * issues' targets were derived from those. This scenario re-measures the
 * same kind of reference in every run — 10,000 bare rows, not a widget — so
 * a reader can scale the recorded figures (and the targets) by how fast
 * the machine is today.
 *
 * Candidate: the rows windowed by our VirtualRowsController. Baseline: every
 * row with lit `repeat()`. See support/reference-tree.ts.
 */
import { defineScenario } from '../harness/scenario.js';
import { afterNextPaint, countNodes, listFingerprint, whenDom } from '../support/frames.js';
import { BenchReferenceTreeAll, BenchReferenceTreeWindowed, referenceRows, type ReferenceRow } from '../support/reference-tree.js';

const ROW_COUNT = 10_000;
const rowSelector = '[role="treeitem"]';

interface Prepared {
  rows: readonly ReferenceRow[];
  host: HTMLElement;
}

function prepare(): Prepared {
  const host = document.createElement('div');
  document.body.append(host);
  return { rows: referenceRows(ROW_COUNT), host };
}

/**
 * From creating the element with its rows to the first painted frame with a
 * row; the check and the node count come after the clock (counting yields,
 * so `timeMs` says where the clock stopped).
 */
async function renderFirstFrame(kind: 'windowed' | 'all', { rows, host }: Prepared) {
  const start = performance.mark('reference-tree:start').startTime;
  // `new`, not `createElement`: a class never used as a value would be dropped from the bundle, its `define` with it.
  const tree = kind === 'windowed' ? new BenchReferenceTreeWindowed() : new BenchReferenceTreeAll();
  tree.rows = rows;
  host.append(tree);
  const root = tree.shadowRoot!;
  await whenDom(root, () => root.querySelector(rowSelector) !== null, 'the first row');
  await afterNextPaint();
  const painted = performance.mark('reference-tree:painted').startTime;

  const rendered = root.querySelectorAll(rowSelector);
  const first = rendered[0]!;
  // The first row's key, as both variants must show it: its title (which carries the goal's number) and ARIA figures.
  const firstRow = ['aria-level', 'aria-posinset', 'aria-setsize', 'aria-expanded'].map((name) => first.getAttribute(name) ?? '');
  firstRow.push(first.querySelector('.title')?.textContent ?? '');
  const nodesShadow = (await countNodes(root)) - 1;
  return {
    timeMs: painted - start,
    check: `${tree.rows.length} rows, first ${listFingerprint(firstRow)}`,
    metrics: { rowsInDom: rendered.length, nodesShadow },
  };
}

const count = ROW_COUNT.toLocaleString('en');

export default defineScenario<null, Prepared, Prepared>({
  title: `Reference: first render of ${count} bare tree rows (this machine vs PERFORMANCE.md's 785 ms / 57 ms)`,
  description:
    `How fast this machine is against the one PERFORMANCE.md's "Trees and tables" figures come from: ${count} goals fully expanded ` +
    'took 785 ms to first render with every row in the DOM (Lit repeat, 40,006 DOM nodes) and 57 ms with @lit-labs/virtualizer; ' +
    "the goal tree's targets were derived from them. Bare rows, not a widget: a treeitem div with aria-level/-setsize/-posinset/-expanded " +
    'and its indent, a twisty and a title, 2rem high, system-ui, in a LitElement with a role=tree container; 5 company goals × 8 departments × ' +
    'individual goals, built in prepare. Time from creating the element with its rows to the first painted frame with a row ' +
    '(rows in the DOM, then rAF + a posted message). Baseline: every row with lit repeat() (the recorded 785 ms setup). ' +
    'Candidate: the same rows windowed by VirtualRowsController (what the goal tree uses instead of the virtualizer; compare with 57 ms). ' +
    "DOM nodes here include Lit's comment markers, which the recorded 40,006 may not.",
  samples: 9,
  warmup: 1,
  timeoutMs: 60_000,
  show: ['longtasks', 'dom-nodes', 'heap'],
  metrics: {
    rowsInDom: { label: 'rows in the DOM at the painted frame', unit: 'count' },
    nodesShadow: { label: "nodes in the element's shadow tree (counted in page)", unit: 'count' },
  },
  candidate: {
    label: 'bare rows, windowed (VirtualRowsController)',
    prepare: async () => prepare(),
    run: async (_context, prepared) => renderFirstFrame('windowed', prepared),
    cleanup: async (_context, prepared) => prepared.host.remove(),
  },
  baseline: {
    label: 'bare rows, every row (lit repeat())',
    prepare: async () => prepare(),
    run: async (_context, prepared) => renderFirstFrame('all', prepared),
    cleanup: async (_context, prepared) => prepared.host.remove(),
  },
});
