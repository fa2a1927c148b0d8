/**
 * `<bench-render-all-tree>`: the goal tree the obvious way, for the
 * benchmarks' baselines — every visible row in the DOM, rendered with Lit's
 * keyed `repeat()`.
 *
 * It loads and arranges with the widget's own functions (`loadGoalTree`
 * and `loadGoalTreeFigures` through the same adapter, `buildGoalForest`,
 * `groupByPillar`, and `flattenPillarGroups`, which lists what the widget's
 * `VisibleRows` finds on demand, over the same expanded keys), so the two
 * show the same rows in the same order with the same ARIA figures. The
 * difference is what each does before its first frame: this one derives
 * every figure and renders every row; the widget renders the rows on screen
 * and works out figures after that frame. Rows use the widget's stylesheet and class
 * names (same grid, same row height) and the same shape: a `treeitem` div
 * with `aria-level`/`-setsize`/`-posinset`/`-expanded`, twisty, title and
 * level, owner initials and name, status badge, progress bar. They are
 * lighter than the widget's — no person-chip element, no pace, confidence or
 * check-in cells, no action buttons — which flatters the baseline, never the
 * widget.
 *
 * Clicking a row's twisty opens or closes it, as in the widget.
 */
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { DataAdapter } from '../../../src/data/adapter.js';
import { formatter } from '../../../src/i18n/format.js';
import { translator } from '../../../src/i18n/locale.js';
import {
  buildGoalForest,
  flattenPillarGroups,
  groupByPillar,
  type GoalForest,
  type GoalTreeRow,
  type NodeKey,
  type PillarGroup,
  type PillarRow,
} from '../../../src/model/goal-tree.js';
import { displayName, initialsOf } from '../../../src/model/people.js';
import type { Id } from '../../../src/model/records.js';
import { widgetBaseStyles } from '../../../src/styles/shared.js';
import { loadGoalTree, loadGoalTreeFigures, type GoalTreeData, type GoalTreeFigures } from '../../../src/widgets/goal-tree/goal-tree-data.js';
import { goalTreeStyles } from '../../../src/widgets/goal-tree/goal-tree.styles.js';
import type { RowShape } from './bench-goal-tree.js';

type FlatRow = GoalTreeRow | PillarRow;

const keyOf = (row: FlatRow): NodeKey => ('group' in row ? row.group.key : row.node.key);

export class BenchRenderAllTree extends LitElement {
  static override styles = [
    widgetBaseStyles,
    goalTreeStyles,
    css`
      .chip {
        display: inline-flex;
        align-items: center;
        gap: 0.5rem;
        min-width: 0;
      }
      .avatar {
        display: inline-grid;
        place-items: center;
        flex: none;
        width: 1.75rem;
        height: 1.75rem;
        border-radius: 50%;
        background: var(--tandem-color-accent-soft, #e8eefc);
        font-size: 0.75rem;
      }
      .name {
        overflow: hidden;
        text-overflow: ellipsis;
      }
    `,
  ];

  adapter: DataAdapter | undefined;
  sessionPersonId: Id | undefined;
  now: Date = new Date();
  openOnLoad: ReadonlySet<NodeKey> = new Set();

  private readonly t = translator('en');
  private readonly format = formatter('en');
  private data: GoalTreeData | undefined;
  private figures: GoalTreeFigures | undefined;
  private forest: GoalForest | undefined;
  private groups: PillarGroup[] = [];
  private expanded = new Set<NodeKey>();
  private flat: FlatRow[] = [];

  /**
   * What the first load cost before rendering, by step: `loadGoalTree` and
   * `loadGoalTreeFigures` (reads and the figures derived from them), arranging
   * the forest and pillars, flattening the rows.
   */
  phases: { loadMs: number; forestMs: number; flattenMs: number } | undefined;

  /** Every row of the flattened tree, in the shape the benchmarks compare. */
  get allRows(): readonly RowShape[] {
    return this.flat.map((row) => ({ key: keyOf(row), level: row.level, setSize: row.setSize, posInSet: row.posInSet, expanded: row.expanded }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.adapter) return;
    const started = performance.now();
    const signal = new AbortController().signal;
    const data = await loadGoalTree(this.adapter, { cycleId: undefined, root: undefined, sessionPersonId: this.sessionPersonId, now: this.now }, signal);
    // The obvious way: every figure before the first frame.
    this.figures = await loadGoalTreeFigures(this.adapter, data, this.now, signal, { stepwise: false });
    const loaded = performance.now();
    this.data = data;
    this.forest = buildGoalForest(data.goals, data.keyResults, { locale: 'en' });
    this.groups = groupByPillar(this.forest, data.strategies);
    const arranged = performance.now();
    this.expanded = new Set([...this.groups.map((group) => group.key), ...this.openOnLoad]);
    this.flatten();
    this.phases = { loadMs: loaded - started, forestMs: arranged - loaded, flattenMs: performance.now() - arranged };
  }

  private flatten(): void {
    if (!this.forest) return;
    this.flat = flattenPillarGroups(this.forest, this.groups, this.expanded);
    this.requestUpdate();
  }

  private readonly onClick = (event: MouseEvent): void => {
    const path = event.composedPath();
    if (!path.some((target) => target instanceof HTMLElement && target.classList.contains('twisty'))) return;
    const rowElement = path.find((target): target is HTMLElement => target instanceof HTMLElement && target.dataset['key'] !== undefined);
    const key = rowElement?.dataset['key'];
    const row = key === undefined ? undefined : this.flat.find((candidate) => keyOf(candidate) === key);
    if (!row || !row.hasChildren) return;
    if (row.expanded) this.expanded.delete(key!);
    else this.expanded.add(key!);
    this.flatten();
  };

  protected override render() {
    if (!this.data) return nothing;
    return html`<div class="scroll">
      <div part="tree" role="tree" aria-label=${this.t('goalTree.label', { cycle: this.data.cycle?.name ?? '' })} @click=${this.onClick}>
        ${repeat(this.flat, keyOf, (row, index) => this.renderRow(row, index === 0))}
      </div>
    </div>`;
  }

  private renderRow(row: FlatRow, tabStop: boolean): TemplateResult {
    const data = this.data!;
    const key = keyOf(row);
    let kind: string;
    let title: string;
    let meta: string | undefined;
    let owner: TemplateResult | typeof nothing = nothing;
    let state: TemplateResult | string;
    let progress: number | null;
    if ('group' in row) {
      kind = 'strategy';
      title = row.group.strategy?.title ?? this.t('goalTree.unlinked');
      meta = this.t('goalTree.pillar');
      const count = row.group.roots.length;
      state = this.t('count.goals', { count, formatted: this.format.number(count, 0) });
      progress = null;
    } else if (row.node.kind === 'goal') {
      const goal = row.node.goal;
      kind = 'goal';
      title = goal.title;
      meta = this.t(`goalLevel.${goal.level}`);
      const person = data.people.get(goal.ownerId);
      if (person) {
        const name = displayName(person, 'en').primary;
        owner = html`<span class="chip"><span class="avatar" aria-hidden="true">${initialsOf(name)}</span><span class="name">${name}</span></span>`;
      }
      state = html`<span class="badge status" data-status=${goal.status}>${this.t(`goalStatus.${goal.status}`)}</span>`;
      progress = this.figures?.progress.get(goal.id) ?? 0;
    } else {
      const keyResult = row.node.keyResult;
      kind = 'keyResult';
      title = keyResult.title;
      state = `${this.format.number(keyResult.current)} / ${this.format.number(keyResult.target)}`;
      progress = this.figures?.assessments.get(keyResult.id)?.progress ?? 0;
    }
    return html`<div
      role="treeitem"
      part="row"
      class="row"
      data-key=${key}
      data-kind=${kind}
      aria-level=${row.level}
      aria-setsize=${row.setSize}
      aria-posinset=${row.posInSet}
      aria-expanded=${row.hasChildren ? String(row.expanded) : nothing}
      aria-selected=${kind === 'strategy' ? nothing : 'false'}
      tabindex=${tabStop ? 0 : -1}
    >
      <span class="cell title-cell" style=${`--_depth: ${row.level - 1}`}>
        <span class="twisty" ?data-open=${row.expanded} ?data-leaf=${!row.hasChildren} aria-hidden="true"></span>
        ${kind === 'keyResult' ? html`<span class="kr-mark" aria-hidden="true">KR</span>` : nothing}
        <span class="title-text">
          <span class="title" title=${title}>${title}</span>
          ${meta ? html`<span class="meta">${meta}</span>` : nothing}
        </span>
      </span>
      <span class="cell owner">${owner}</span>
      <span class="cell state-cell">${state}</span>
      ${progress === null
        ? html`<span class="cell progress"></span>`
        : html`<span class="cell progress">
            <span class="bar" aria-hidden="true"><span class="fill" style=${`width: ${progress * 100}%`}></span></span>
            <span class="percent">${this.format.percent(progress)}</span>
          </span>`}
    </div>`;
  }
}

customElements.define('bench-render-all-tree', BenchRenderAllTree);

declare global {
  interface HTMLElementTagNameMap {
    'bench-render-all-tree': BenchRenderAllTree;
  }
}
