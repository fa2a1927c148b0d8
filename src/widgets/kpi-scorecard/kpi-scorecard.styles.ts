import { css, unsafeCSS } from 'lit';
import { token } from '../../styles/tokens.js';
import { barStyles, chevronStyles, kpiStatusStyles, panelStyles, rowActionStyles } from '../../styles/parts.js';
import { dialogFlowStyles } from '../shared/dialog-flow.js';
import { personLabelStyles } from '../shared/person-label.js';

/** A row's height unless the page sets --tandem-kpi-scorecard-row-height (the rows are windowed by it before any is measured). */
export const ROW_HEIGHT_REM = 3.5;

export const kpiScorecardStyles = css`
  ${panelStyles}
  ${chevronStyles}
  ${barStyles}
  ${rowActionStyles}
  ${kpiStatusStyles}
  ${dialogFlowStyles}

  ${personLabelStyles}

  :host {
    --_row-height: var(--tandem-kpi-scorecard-row-height, ${unsafeCSS(ROW_HEIGHT_REM)}rem);
  }

  .toolbar {
    justify-content: space-between;
  }

  .filters,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: ${token('space-m')};
  }

  .actions {
    gap: ${token('space-s')};
  }

  .filters {
    flex: 1 1 24rem;
  }

  .filters .search {
    flex: 1 1 14rem;
  }

  .filters input[type='search'] {
    width: 100%;
  }

  .check {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-xs')};
    min-height: 2rem;
    font-weight: ${token('font-weight-strong')};
  }

  .fit-note {
    font-size: ${token('font-size-s')};
  }

  .hint,
  .meta,
  .state-detail {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  .cycle-setting {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-xs')} ${token('space-m')};
    padding: ${token('space-s')} ${token('space-l')};
    border-bottom: 1px solid ${token('color-border')};
    background: ${token('color-surface-sunken')};
  }

  .cycle-setting .hint {
    flex: 1 1 20rem;
  }

  .cycle-setting progress {
    flex: 1 1 100%;
  }

  .auto-outcome {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-s')};
    flex-basis: 100%;
  }

  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-xs')} ${token('space-m')};
    padding: ${token('space-s')} ${token('space-l')};
    color: ${token('color-text-muted')};
  }

  .score {
    color: ${token('color-text')};
    font-size: ${token('font-size-l')};
    font-weight: ${token('font-weight-strong')};
  }

  .status-counts {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-m')};
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .status-counts li {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-xs')};
  }

  .dot {
    width: 0.625rem;
    height: 0.625rem;
    border-radius: 50%;
  }

  .weights-warning {
    color: ${token('color-at-risk')};
  }

  .announcement {
    padding: 0 ${token('space-l')} ${token('space-s')};
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  .scroll {
    max-height: var(--tandem-kpi-scorecard-max-height, none);
    overflow: auto;
    border-top: 1px solid ${token('color-border')};
  }

  .grid {
    min-width: var(--_min-width, 100%);
  }

  .head {
    position: sticky;
    top: 0;
    z-index: 1;
    background: ${token('color-surface-sunken')};
  }

  /* The widget sets its height (every row's) and top padding (the rows above the window) inline. */
  .body {
    display: block;
    width: 100%;
  }

  .header-row,
  .row {
    display: grid;
    grid-template-columns: var(--_columns);
    align-items: center;
    /* COLUMN_GAP in kpi-columns.ts: the fit of columns to the width counts on it. */
    column-gap: 0.375rem;
    width: 100%;
    padding: 0 ${token('space-m')};
    border-bottom: 1px solid ${token('color-border')};
  }

  .header-row {
    min-height: 2.5rem;
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-strong')};
  }

  .row {
    height: var(--_row-height);
  }

  .row:hover {
    background: ${token('color-surface-sunken')};
  }

  .cell {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  /* Inset rings: a neighbouring row, positioned over this one, would hide an outer ring. */
  .cell:focus-visible,
  .cell [data-focus]:focus-visible,
  .detail-cell:focus-visible {
    outline-offset: -${token('focus-ring-width')};
  }

  .number {
    font-variant-numeric: tabular-nums;
    text-align: end;
  }

  .header-cell[data-column='weight'],
  .header-cell[data-column='target'],
  .header-cell[data-column='actual'],
  .header-cell[data-column='completion'],
  .header-cell[data-column='score'] {
    text-align: end;
  }

  .sort {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-xs')};
    max-width: 100%;
    padding: ${token('space-xs')} 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  .sort:hover {
    color: ${token('color-text')};
  }

  .sort-mark {
    flex: none;
    width: 0.5rem;
    height: 0.5rem;
    opacity: 0.35;
    border-inline: 0.25rem solid transparent;
    border-bottom: 0.3rem solid currentColor;
  }

  .sort-mark[data-direction='ascending'] {
    opacity: 1;
  }

  .sort-mark[data-direction='descending'] {
    opacity: 1;
    transform: rotate(180deg);
  }

  .disclosure,
  .link {
    display: flex;
    align-items: center;
    gap: ${token('space-xs')};
    width: 100%;
    min-width: 0;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  .name-text,
  .link {
    display: grid;
    min-width: 0;
    line-height: 1.3;
  }

  .disclosure .name-text {
    display: grid;
  }

  .name-text .meta,
  .source-kind,
  .source-name {
    overflow: hidden;
    text-overflow: ellipsis;
  }

  /* Names are what the row is about: two lines before they are cut (the detail and the title attribute have all of it). */
  .kpi-name {
    display: -webkit-box;
    overflow: hidden;
    white-space: normal;
    font-weight: ${token('font-weight-strong')};
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    line-height: 1.25;
  }

  .cell.source {
    display: grid;
    line-height: 1.3;
  }

  .source-kind {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  .link .source-name {
    color: ${token('color-accent')};
    text-decoration: underline;
    text-underline-offset: 2px;
  }

  .cell.source:not(:has(.link)) .source-name {
    display: block;
  }

  .twisty {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 1.25rem;
    height: 1.25rem;
    color: ${token('color-text-muted')};
  }

  .cell.completion {
    display: flex;
    align-items: center;
    gap: ${token('space-s')};
  }

  .fill {
    display: block;
    height: 100%;
  }

  .percent {
    flex: none;
    min-width: 2.75rem;
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
  }

  /* Status colours, with the status named in words beside every one. */
  .fill[data-status='healthy'],
  .dot[data-status='healthy'] {
    background: ${token('color-on-track')};
  }

  .fill[data-status='watch'],
  .dot[data-status='watch'] {
    background: ${token('color-at-risk')};
  }

  .fill[data-status='unhealthy'],
  .dot[data-status='unhealthy'] {
    background: ${token('color-off-track')};
  }

  .forecast-text {
    display: grid;
    font-size: ${token('font-size-s')};
    line-height: 1.35;
  }

  .forecast-text > span {
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .forecast-text [data-status='healthy'] {
    color: ${token('color-on-track')};
  }

  .forecast-text [data-status='watch'] {
    color: ${token('color-at-risk')};
  }

  .forecast-text [data-status='unhealthy'] {
    color: ${token('color-off-track')};
  }

  .sparkline {
    display: block;
    overflow: visible;
  }

  .sparkline .trend-line {
    fill: none;
    stroke: var(--tandem-kpi-scorecard-sparkline-color, ${token('color-accent')});
    stroke-width: 1.5;
    stroke-linejoin: round;
    stroke-linecap: round;
  }

  .sparkline .target-rule {
    stroke: var(--tandem-kpi-scorecard-target-color, ${token('color-border')});
    stroke-width: 1;
    stroke-dasharray: 3 3;
  }

  .sparkline .latest {
    fill: var(--tandem-kpi-scorecard-sparkline-color, ${token('color-accent')});
  }

  .sparkline[data-status='healthy'] .latest {
    fill: ${token('color-on-track')};
  }

  .sparkline[data-status='watch'] .latest {
    fill: ${token('color-at-risk')};
  }

  .sparkline[data-status='unhealthy'] .latest {
    fill: ${token('color-off-track')};
  }

  .detail-row {
    width: 100%;
    border-bottom: 1px solid ${token('color-border')};
    background: ${token('color-surface-sunken')};
  }

  .detail-cell {
    display: block;
    padding: ${token('space-m')} ${token('space-l')} ${token('space-m')} calc(${token('space-m')} + 1.5rem);
  }

  .detail {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: ${token('space-l')};
    max-width: 72rem;
  }

  .detail h3 {
    margin: 0 0 ${token('space-xs')};
    font-size: ${token('font-size-m')};
  }

  .detail ul {
    margin: 0;
    padding-inline-start: ${token('space-l')};
  }

  /* Measurements are dated: the dates order them, numbers would only add noise. */
  .detail .history {
    display: grid;
    grid-template-columns: max-content max-content;
    gap: 0 ${token('space-m')};
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .detail .history li {
    display: contents;
  }

  .detail p {
    margin: ${token('space-xs')} 0 0;
  }

  .detail dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: ${token('space-xs')} ${token('space-m')};
    margin: 0;
  }

  .detail dt {
    color: ${token('color-text-muted')};
  }

  .detail dd {
    margin: 0;
  }

  .detail time {
    color: ${token('color-text-muted')};
  }

  dialog {
    width: min(32rem, calc(100vw - 2 * ${token('space-l')}));
    padding: ${token('space-l')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface-raised')};
    color: ${token('color-text')};
    box-shadow: ${token('shadow-raised')};
  }

  dialog::backdrop {
    background: color-mix(in srgb, ${token('color-text')} 35%, transparent);
  }

  dialog form {
    display: grid;
    gap: ${token('space-m')};
  }

  dialog h2 {
    margin: 0;
    font-size: ${token('font-size-l')};
  }

  dialog p {
    margin: 0;
  }

  dialog textarea {
    resize: vertical;
  }

  .refusal {
    padding: ${token('space-s')} ${token('space-m')};
    border-radius: ${token('radius-s')};
    background: ${token('color-surface-sunken')};
    color: ${token('color-text-muted')};
  }

  .choices {
    display: grid;
    gap: ${token('space-s')};
    max-height: 18rem;
    overflow: auto;
    margin: 0;
    padding: ${token('space-s')} ${token('space-m')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-s')};
  }

  .choices legend {
    padding: 0 ${token('space-xs')};
    font-weight: ${token('font-weight-strong')};
  }

  .choice {
    display: flex;
    align-items: start;
    gap: ${token('space-s')};
  }

  .choice input {
    margin-top: 0.25rem;
  }

  .choice-text {
    display: grid;
  }

  .templates ul {
    display: grid;
    gap: ${token('space-xs')};
    margin: ${token('space-xs')} 0 0;
    padding-inline-start: ${token('space-l')};
  }

  .templates li {
    display: grid;
  }

  .failures {
    flex-basis: 100%;
    margin: 0;
    padding-inline-start: ${token('space-l')};
  }

`;
