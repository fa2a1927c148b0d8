/**
 * The `reference-tree` scenario's rows and elements: a tree of bare rows,
 * rendered every one (`<bench-reference-tree-all>`, lit `repeat()`) or
 * windowed by our `VirtualRowsController` (`<bench-reference-tree-windowed>`).
 *
 * Not a widget: no data path, no figures, no person chips. The rows are the
 * shape the team's shared PERFORMANCE.md ("Trees and tables") measured its
 * reference with — a `treeitem` div with its ARIA figures, a twisty and a
 * title — so the scenario re-measures that reference on the machine of the
 * day, and a reader can tell how much faster or slower the machine is than
 * when the goal tree's targets were derived from it.
 */
import { css, html, LitElement, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import { cssRowHeight, VirtualRowsController } from '../../../src/controllers/virtual-rows.js';
import { styleProperties } from '../../../src/directives/style-properties.js';

/** One visible row of the flattened tree, with what a virtualized row must say about its place (it cannot be computed from the DOM). */
export interface ReferenceRow {
  readonly key: string;
  readonly title: string;
  /** 1 company goal, 2 department goal, 3 individual goal. */
  readonly level: 1 | 2 | 3;
  readonly posInSet: number;
  readonly setSize: number;
  readonly expanded: boolean;
}

const COMPANY_GOALS = 5;
const DEPARTMENTS_PER_GOAL = 8;
const AIMS = ['grow revenue', 'cut churn', 'ship faster', 'lower costs', 'win accounts', 'hire engineers', 'raise quality'] as const;
const REGIONS = 12;

/**
 * `count` rows, every one visible: 5 company goals, each open on 8
 * departments, each open on its share of the individual goals (closed on
 * their key results, as the goal tree shows them). The same rows on every
 * call: both variants must render the same thing.
 */
export function referenceRows(count = 10_000): ReferenceRow[] {
  const departments = COMPANY_GOALS * DEPARTMENTS_PER_GOAL;
  const individuals = count - COMPANY_GOALS - departments;
  if (individuals < departments) throw new Error(`referenceRows(${count}): too few rows for ${departments} departments with goals.`);
  const rows: ReferenceRow[] = [];
  const push = (key: string, level: ReferenceRow['level'], posInSet: number, setSize: number, expanded: boolean) => {
    const number = rows.length + 1;
    const title = `Goal ${number} – ${AIMS[number % AIMS.length]!} in region ${(number % REGIONS) + 1}`;
    rows.push({ key, title, level, posInSet, setSize, expanded });
  };
  for (let company = 0; company < COMPANY_GOALS; company += 1) {
    const companyKey = `c${company + 1}`;
    push(companyKey, 1, company + 1, COMPANY_GOALS, true);
    for (let department = 0; department < DEPARTMENTS_PER_GOAL; department += 1) {
      const index = company * DEPARTMENTS_PER_GOAL + department;
      // The first departments take one more goal each, so the whole tree has exactly `count` rows.
      const goals = Math.floor(individuals / departments) + (index < individuals % departments ? 1 : 0);
      const departmentKey = `${companyKey}.d${department + 1}`;
      push(departmentKey, 2, department + 1, DEPARTMENTS_PER_GOAL, true);
      for (let goal = 0; goal < goals; goal += 1) push(`${departmentKey}.g${goal + 1}`, 3, goal + 1, goals, false);
    }
  }
  return rows;
}

/** Rows of one fixed height, as the windowing assumes and as the reference's rows were. */
const ROW_HEIGHT_REM = 2;

/** What both variants share: the container, the row template and its styles. */
abstract class ReferenceTree extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-family: system-ui, sans-serif;
    }

    [role='tree'] {
      display: block;
      box-sizing: border-box;
    }

    [role='treeitem'] {
      display: flex;
      align-items: center;
      box-sizing: border-box;
      height: ${ROW_HEIGHT_REM}rem;
      white-space: nowrap;
      overflow: hidden;
    }

    .twisty {
      flex: none;
      width: 1rem;
    }

    .title {
      overflow: hidden;
      text-overflow: ellipsis;
    }
  `;

  /** Set before connecting: the first render is the one measured. */
  rows: readonly ReferenceRow[] = [];

  protected renderRow(row: ReferenceRow): TemplateResult {
    // No whitespace between the spans: text nodes a reader of the DOM-node count would have to subtract.
    return html`<div
      role="treeitem"
      aria-level=${row.level}
      aria-setsize=${row.setSize}
      aria-posinset=${row.posInSet}
      aria-expanded=${row.expanded}
      style="padding-left: calc(${row.level} * 1.25rem)"
    ><span class="twisty"></span><span class="title">${row.title}</span></div>`;
  }
}

/** Every row in the DOM, keyed by `repeat()`: PERFORMANCE.md's "render every row (Lit `repeat`)". */
export class BenchReferenceTreeAll extends ReferenceTree {
  protected override render(): TemplateResult {
    return html`<div role="tree" aria-label="Goals">${repeat(this.rows, (row) => row.key, (row) => this.renderRow(row))}</div>`;
  }
}

/** The rows on screen only, as `<tandem-goal-tree>` windows them (see its `renderRows`), with the same bare rows. */
export class BenchReferenceTreeWindowed extends ReferenceTree {
  private readonly virtualRows = new VirtualRowsController(this, cssRowHeight(this, '--bench-reference-tree-row-height', ROW_HEIGHT_REM));

  private readonly attachRows = (element: Element | undefined): void => this.virtualRows.attach(element);

  protected override render(): TemplateResult {
    const { first, end, before, total } = this.virtualRows.window(this.rows.length);
    const rows = this.rows.slice(first, end);
    // Lengths, not a custom property: the widget's choice (an inherited property would restyle every row as the window moves).
    return html`<div
      role="tree"
      aria-label="Goals"
      ${styleProperties({ height: `calc(${ROW_HEIGHT_REM}rem * ${total})`, 'padding-top': `calc(${ROW_HEIGHT_REM}rem * ${before})` })}
      ${ref(this.attachRows)}
    >${repeat(rows, (row) => row.key, (row) => this.renderRow(row))}</div>`;
  }
}

customElements.define('bench-reference-tree-all', BenchReferenceTreeAll);
customElements.define('bench-reference-tree-windowed', BenchReferenceTreeWindowed);

declare global {
  interface HTMLElementTagNameMap {
    'bench-reference-tree-all': BenchReferenceTreeAll;
    'bench-reference-tree-windowed': BenchReferenceTreeWindowed;
  }
}
