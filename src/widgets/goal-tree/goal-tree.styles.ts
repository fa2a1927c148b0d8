import { css, unsafeCSS } from 'lit';
import { token } from '../../styles/tokens.js';
import { barStyles, chevronStyles, panelStyles, rowActionStyles } from '../../styles/parts.js';
import { dialogFlowStyles } from '../shared/dialog-flow.js';

/** A row's height unless the page sets --tandem-goal-tree-row-height (the rows are windowed by it before any is measured). */
export const ROW_HEIGHT_REM = 2.75;

export const goalTreeStyles = css`
  ${panelStyles}
  ${chevronStyles}
  ${barStyles}
  ${rowActionStyles}
  ${dialogFlowStyles}

  :host {
    --_indent: var(--tandem-goal-tree-indent, 1.25rem);
    --_row-height: var(--tandem-goal-tree-row-height, ${unsafeCSS(ROW_HEIGHT_REM)}rem);
    --_columns: minmax(16rem, 1fr) 9rem 9.5rem 8.5rem 6.5rem 7rem 9.5rem;
  }

  .toolbar .search {
    flex: 1 1 14rem;
  }

  .toolbar .field input[type='search'] {
    width: 100%;
  }

  .check {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-xs')};
    min-height: 2rem;
  }

  .summary,
  .figures-failed {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-s')};
    padding: ${token('space-s')} ${token('space-l')};
  }

  .summary {
    min-height: 1.5rem;
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  .figures-failed {
    color: ${token('color-danger')};
  }

  .summary-status {
    display: inline-flex;
    flex-wrap: wrap;
    gap: ${token('space-s')};
  }

  /* Nothing to say: no room taken, but the live region stays in the page, so what it says next is announced. */
  .summary:has(> .summary-status:empty):not(:has(> button)) {
    min-height: 0;
    padding-block: 0;
  }

  .scroll {
    container-type: inline-size;
    max-height: var(--tandem-goal-tree-max-height, none);
    overflow: auto;
  }

  /* The widget sets its height (every row's) and top padding (the rows before the window) inline, as
     lengths: an inherited custom property set there would restyle every row each time the window moves. */
  .rows {
    display: block;
    width: 100%;
  }

  .row {
    display: grid;
    grid-template-columns: var(--_columns);
    align-items: center;
    gap: ${token('space-s')};
    width: 100%;
    height: var(--_row-height);
    padding: 0 ${token('space-m')};
    border-bottom: 1px solid ${token('color-border')};
    cursor: default;
    user-select: none;
  }

  .row:hover {
    background: ${token('color-surface-sunken')};
  }

  .row[aria-selected='true'] {
    background: ${token('color-accent-soft')};
    box-shadow: inset 3px 0 0 ${token('color-accent')};
  }

  /* Inset: a neighbouring row, positioned over this one, would hide an outer ring. */
  .row:focus-visible {
    outline-offset: -${token('focus-ring-width')};
  }

  .row[data-kind='strategy'] {
    background: ${token('color-surface-sunken')};
  }

  .cell {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .title-cell {
    display: flex;
    align-items: center;
    gap: ${token('space-xs')};
    padding-inline-start: calc(var(--_depth, 0) * var(--_indent));
  }

  .twisty {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 1.25rem;
    height: 1.25rem;
    border-radius: ${token('radius-s')};
    color: ${token('color-text-muted')};
    cursor: pointer;
  }

  .twisty[data-leaf]::before {
    display: none;
  }

  .twisty:hover {
    background: ${token('color-border')};
  }

  .title-text {
    display: grid;
    min-width: 0;
    line-height: 1.3;
  }

  .title,
  .meta {
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .meta {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  .row[data-kind='goal'] .title,
  .row[data-kind='strategy'] .title {
    font-weight: ${token('font-weight-strong')};
  }

  .kr-mark {
    flex: none;
    padding: 0 ${token('space-xs')};
    border-radius: ${token('radius-s')};
    background: ${token('color-neutral-soft')};
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-strong')};
  }

  mark {
    background: ${token('color-highlight')};
    color: inherit;
    border-radius: 2px;
  }

  .muted,
  .confidence,
  .when {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  .value {
    font-variant-numeric: tabular-nums;
  }

  .badge {
    display: inline-block;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    padding: 0 ${token('space-s')};
    border-radius: 999px;
    font-size: ${token('font-size-s')};
    line-height: 1.5rem;
    vertical-align: middle;
  }

  .status {
    border: 1px solid ${token('color-border')};
    line-height: calc(1.5rem - 2px);
    color: ${token('color-text-muted')};
  }

  .status[data-status='pending'] {
    border-color: ${token('color-accent')};
    color: ${token('color-accent')};
  }

  .status[data-status='rejected'] {
    border-color: ${token('color-danger')};
    color: ${token('color-danger')};
  }

  .pace[data-pace='on-track'] {
    background: ${token('color-on-track-soft')};
    color: ${token('color-on-track')};
  }

  .pace[data-pace='at-risk'] {
    background: ${token('color-at-risk-soft')};
    color: ${token('color-at-risk')};
  }

  .pace[data-pace='off-track'] {
    background: ${token('color-off-track-soft')};
    color: ${token('color-off-track')};
  }

  .progress {
    display: flex;
    align-items: center;
    gap: ${token('space-s')};
  }

  /* Progress not worked out yet (it follows the rows): a bar without a fill, pulsing gently. */
  [data-pending] .bar {
    animation: tandem-pending 1.2s ease-in-out infinite alternate;
  }

  @keyframes tandem-pending {
    to {
      opacity: 0.4;
    }
  }

  .fill {
    display: block;
    height: 100%;
    background: ${token('color-accent')};
  }

  .fill[data-pace='on-track'] {
    background: ${token('color-on-track')};
  }

  .fill[data-pace='at-risk'] {
    background: ${token('color-at-risk')};
  }

  .fill[data-pace='off-track'] {
    background: ${token('color-off-track')};
  }

  .percent {
    flex: none;
    min-width: 2.75rem;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  dialog.tree-dialog {
    width: min(30rem, calc(100vw - 2 * ${token('space-l')}));
    padding: ${token('space-l')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface-raised')};
    color: ${token('color-text')};
    box-shadow: ${token('shadow-raised')};
  }

  dialog.tree-dialog::backdrop {
    background: color-mix(in srgb, ${token('color-text')} 35%, transparent);
  }

  dialog.tree-dialog form,
  dialog.tree-dialog .dialog-body {
    display: grid;
    gap: ${token('space-m')};
  }

  dialog.tree-dialog h2 {
    margin: 0;
    font-size: ${token('font-size-l')};
  }

  dialog.tree-dialog .hint {
    margin: 0;
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  dialog.tree-dialog textarea {
    resize: vertical;
  }

  /* A goal row's approval actions, after the title: compact, so the row keeps its height. */
  .row-actions {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: ${token('space-xs')};
    margin-inline-start: auto;
  }

  /* The batch mark: drawn as a checkbox; the row carries its state (aria-checked). */
  .mark {
    width: 1rem;
    height: 1rem;
    border: 2px solid ${token('color-text-muted')};
    border-radius: ${token('radius-s')};
    background: ${token('color-surface')};
    cursor: pointer;
  }

  .mark[data-marked] {
    border-color: ${token('color-accent')};
    background: ${token('color-accent')};
    box-shadow: inset 0 0 0 2px ${token('color-surface')};
  }

  .approval-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-s')};
    padding: ${token('space-s')} ${token('space-l')};
    border-bottom: 1px solid ${token('color-border')};
    background: ${token('color-surface-raised')};
  }

  .batch-outcome {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-s')};
  }

  .batch-failed {
    flex-basis: 100%;
    margin: 0;
    padding-inline-start: ${token('space-l')};
    color: ${token('color-danger')};
  }

  .batch-error {
    color: ${token('color-danger')};
  }

  /* Wider dialogs for forms with several columns; they scroll inside the viewport. */
  dialog.goal-form,
  dialog.adjust {
    width: min(40rem, calc(100vw - 2 * ${token('space-l')}));
    max-height: calc(100vh - 2 * ${token('space-l')});
    overflow: auto;
  }

  dialog.tree-dialog h3 {
    margin: 0;
    font-size: ${token('font-size-m')};
  }

  /* Fields side by side: each as tall as its own content (a hint under one must not stretch its neighbours' boxes),
     and free to be narrower than a control's preferred width (a date input's), so the gap between them holds. */
  .field-row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    align-items: start;
    gap: ${token('space-m')};
  }

  .field-row > .field {
    min-width: 0;
  }

  .field-row > .field :is(input, select) {
    min-width: 0;
  }

  fieldset.weights,
  fieldset.adjust-key-results {
    display: grid;
    gap: ${token('space-s')};
    margin: 0;
    padding: ${token('space-m')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-s')};
  }

  fieldset legend {
    padding: 0 ${token('space-xs')};
    font-weight: 600;
  }

  .weight-row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 6rem auto;
    align-items: center;
    gap: ${token('space-s')};
  }

  .weight-row label {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .weight-row.own label {
    font-weight: 600;
  }

  .locked-weight {
    text-align: end;
    color: ${token('color-text-muted')};
  }

  .weights-total {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: ${token('space-s')};
    font-weight: 600;
  }

  .adjust-key-result {
    display: grid;
    gap: ${token('space-s')};
    padding-block: ${token('space-s')};
    border-top: 1px solid ${token('color-border')};
  }

  .adjust-key-result:first-of-type {
    border-top: none;
  }

  .adjust-preview ul,
  .timeline ul {
    margin: ${token('space-xs')} 0 0;
    padding-inline-start: ${token('space-l')};
  }

  .history {
    display: grid;
    gap: ${token('space-s')};
    padding-top: ${token('space-m')};
    border-top: 1px solid ${token('color-border')};
  }

  .timeline {
    display: grid;
    gap: ${token('space-m')};
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .timeline > li {
    padding-inline-start: ${token('space-m')};
    border-inline-start: 3px solid ${token('color-accent')};
  }

  .timeline p {
    margin: 0;
  }

  .timeline .when {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  .timeline .reason {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .menu-button {
    min-width: 1.75rem;
  }

  /* The menu button shows on the row in use (hovered, focused or selected), not on every row at once. */
  @media (hover: hover) {
    .row:not(:hover, :focus-within, [aria-selected='true']) .menu-button {
      opacity: 0;
    }
  }

  /* The row menu: a popover in the top layer, placed under its button by script. */
  .row-menu {
    position: fixed;
    inset: auto;
    margin: 0;
    min-width: 14rem;
    max-width: min(22rem, calc(100vw - 1rem));
    padding: ${token('space-xs')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface-raised')};
    color: ${token('color-text')};
    box-shadow: ${token('shadow-raised')};
  }

  .row-menu [role='menuitem'] {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0 ${token('space-m')};
    width: 100%;
    padding: ${token('space-s')} ${token('space-m')};
    border: none;
    border-radius: ${token('radius-s')};
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  .row-menu [role='menuitem']:hover,
  .row-menu [role='menuitem']:focus-visible {
    background: ${token('color-accent-soft')};
    outline: 2px solid ${token('color-focus-ring')};
    outline-offset: -2px;
  }

  .row-menu [aria-disabled='true'] {
    color: ${token('color-text-muted')};
    cursor: not-allowed;
  }

  .row-menu kbd {
    color: ${token('color-text-muted')};
    font: inherit;
    font-size: ${token('font-size-s')};
  }

  .row-menu .item-reason {
    grid-column: 1 / -1;
    font-size: ${token('font-size-s')};
  }

  @container (max-width: 62rem) {
    .row {
      --_columns: minmax(12rem, 1fr) 9rem 9.5rem 8.5rem 6.5rem 9rem;
    }
    .confidence {
      display: none;
    }
  }

  @container (max-width: 44rem) {
    .row {
      --_columns: minmax(10rem, 1fr) 7rem 6.5rem;
    }
    .owner,
    .state-cell,
    .when {
      display: none;
    }
  }
`;
