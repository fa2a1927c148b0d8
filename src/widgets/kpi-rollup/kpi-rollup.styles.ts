import { css } from 'lit';
import { token } from '../../styles/tokens.js';
import { kpiStatusStyles, panelStyles } from '../../styles/parts.js';

export const kpiRollupStyles = css`
  ${panelStyles}
  ${kpiStatusStyles}

  :host {
    --_healthy: var(--tandem-kpi-rollup-healthy-color, ${token('color-on-track')});
    --_watch: var(--tandem-kpi-rollup-watch-color, ${token('color-at-risk')});
    --_unhealthy: var(--tandem-kpi-rollup-unhealthy-color, ${token('color-off-track')});
    --_chart-height: var(--tandem-kpi-rollup-chart-height, 9rem);
  }

  .head {
    justify-content: space-between;
  }

  .where {
    display: grid;
    gap: ${token('space-xs')};
    min-width: 0;
  }

  .crumbs ol {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-xs')};
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: ${token('font-size-s')};
    color: ${token('color-text-muted')};
  }

  .crumbs li + li::before {
    content: '/';
    margin-inline-end: ${token('space-xs')};
    color: ${token('color-text-muted')};
  }

  h2 {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: ${token('space-s')};
    margin: 0;
    font-size: ${token('font-size-xl')};
    font-weight: ${token('font-weight-strong')};
  }

  h2:focus {
    outline: none;
  }

  h2:focus-visible {
    outline: ${token('focus-ring-width')} solid ${token('color-focus-ring')};
  }

  h3 {
    margin: 0;
    font-size: ${token('font-size-l')};
    font-weight: ${token('font-weight-strong')};
  }

  .kind,
  .muted,
  .note,
  .caption {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
    font-weight: normal;
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: ${token('space-m')};
  }

  .busy {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-xs')};
    min-height: 2rem;
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  .busy .state-spinner {
    width: 0.875rem;
    height: 0.875rem;
  }

  .note {
    margin: 0;
    padding: ${token('space-s')} ${token('space-l')} 0;
  }

  .link {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-xs')};
    padding: 0;
    border: 0;
    background: none;
    color: ${token('color-accent')};
    font: inherit;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }

  .link:hover {
    text-decoration-thickness: 2px;
  }

  [aria-current='page'] {
    color: ${token('color-text')};
    font-weight: ${token('font-weight-strong')};
  }

  /* ── Headline ─────────────────────────────────────────────────────────── */

  .headline {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
    gap: ${token('space-l')};
    padding: ${token('space-l')};
  }

  .stats {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: ${token('space-m')};
    margin: 0;
    align-content: start;
  }

  .stat {
    padding: ${token('space-m')};
    border-radius: ${token('radius-s')};
    background: ${token('color-surface-sunken')};
  }

  .stat dt {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  .stat dd {
    margin: 0;
    font-size: ${token('font-size-xl')};
    font-weight: ${token('font-weight-strong')};
    font-variant-numeric: tabular-nums;
  }

  .stat .hint {
    display: block;
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
    font-weight: normal;
  }

  .panel {
    display: grid;
    gap: ${token('space-s')};
    align-content: start;
    min-width: 0;
  }

  .panel p {
    margin: 0;
  }

  .mix-group {
    display: grid;
    gap: ${token('space-xs')};
  }

  .mix-label {
    font-size: ${token('font-size-s')};
    color: ${token('color-text-muted')};
  }

  .mix {
    display: flex;
    width: 100%;
    min-width: 5rem;
    height: 0.5rem;
    overflow: hidden;
    border-radius: 999px;
    background: ${token('color-neutral-soft')};
  }

  .mix.large {
    height: 0.875rem;
  }

  .mix span {
    display: block;
    height: 100%;
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-xs')} ${token('space-m')};
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: ${token('font-size-s')};
    font-variant-numeric: tabular-nums;
  }

  .legend li,
  .swatched {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-xs')};
  }

  .swatch {
    flex: none;
    width: 0.75rem;
    height: 0.5rem;
    border-radius: 999px;
  }

  [data-status='healthy'] {
    --_status: var(--_healthy);
  }

  [data-status='watch'] {
    --_status: var(--_watch);
  }

  [data-status='unhealthy'] {
    --_status: var(--_unhealthy);
  }

  .mix span,
  .swatch {
    background: var(--_status);
  }

  .badge {
    display: inline-block;
    padding: 0 ${token('space-s')};
    border-radius: 999px;
    font-size: ${token('font-size-s')};
    white-space: nowrap;
  }

  /* ── Completion spread (d3 scales, drawn as SVG by Lit) ───────────────── */

  figure {
    margin: 0;
  }

  figcaption {
    font-weight: ${token('font-weight-strong')};
  }

  .spread svg {
    display: block;
    width: 100%;
    height: var(--_chart-height);
    overflow: visible;
  }

  .spread .bar {
    fill: ${token('color-accent')};
  }

  .spread .count,
  .spread .tick {
    fill: ${token('color-text-muted')};
    font-size: 12px;
    font-family: inherit;
  }

  .spread .count {
    fill: ${token('color-text')};
  }

  .spread .baseline {
    stroke: ${token('color-border')};
  }

  .spread .target {
    stroke: ${token('color-text-muted')};
    stroke-dasharray: 3 3;
  }

  /* ── Tables ───────────────────────────────────────────────────────────── */

  .block {
    display: grid;
    gap: ${token('space-s')};
    padding: ${token('space-l')};
    border-top: 1px solid ${token('color-border')};
  }

  .block-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: ${token('space-s')};
  }

  .table-wrap {
    overflow-x: auto;
  }

  table {
    width: 100%;
    border-collapse: collapse;
  }

  caption {
    text-align: start;
    padding-bottom: ${token('space-s')};
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  th,
  td {
    padding: ${token('space-s')};
    border-bottom: 1px solid ${token('color-border')};
    text-align: start;
    vertical-align: middle;
  }

  thead th {
    background: ${token('color-surface-sunken')};
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-strong')};
    white-space: nowrap;
  }

  tbody th {
    /* Names and chips keep their room on a phone; the table scrolls sideways instead. */
    min-width: 10rem;
    font-weight: normal;
  }

  td.number,
  th.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  td.mix-cell {
    width: 8rem;
  }

  .unit-cell {
    display: grid;
    justify-items: start;
  }

  .person {
    display: inline-flex;
    min-width: max-content;
    padding: ${token('space-xs')};
    margin: calc(-1 * ${token('space-xs')});
    border: 1px solid transparent;
    border-radius: ${token('radius-s')};
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  .person:hover {
    border-color: ${token('color-border')};
    background: ${token('color-surface-sunken')};
  }

  .kpi-name {
    min-width: 12rem;
  }

  .all-healthy {
    margin: 0;
    color: ${token('color-text-muted')};
  }
`;
