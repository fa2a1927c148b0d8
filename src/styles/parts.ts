import { css } from 'lit';
import { token } from './tokens.js';

/*
 * Parts that look the same in several widgets, written once. A widget puts
 * them first in its stylesheet, so its own rules can refine them.
 */

/** A widget as a card (its host), and the band across its top (`.panel-head`): a toolbar of filters, or a head with the title and actions. */
export const panelStyles = css`
  :host {
    background: ${token('color-surface')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
  }

  .panel-head {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: ${token('space-m')};
    padding: ${token('space-l')};
    border-bottom: 1px solid ${token('color-border')};
  }
`;

/** The chevron of a row that opens (`.twisty`, `data-open` when open): points right, turns down. */
export const chevronStyles = css`
  .twisty::before {
    content: '';
    width: 0.4rem;
    height: 0.4rem;
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: rotate(-45deg);
    transition: transform ${token('duration')};
  }

  .twisty[data-open]::before {
    transform: rotate(45deg);
  }
`;

/** A progress bar's track (`.bar`, its `.fill` coloured by each widget). */
export const barStyles = css`
  .bar {
    flex: 1;
    height: 0.375rem;
    overflow: hidden;
    border-radius: 999px;
    background: ${token('color-neutral-soft')};
  }
`;

/** A small button inside a row (`.row .row-action`). */
export const rowActionStyles = css`
  .row .row-action {
    min-height: 1.75rem;
    padding: 0 ${token('space-s')};
    font-size: ${token('font-size-s')};
  }
`;

/** A KPI's status badge colours (`.badge[data-status]`); the status is always named in words beside the colour. */
export const kpiStatusStyles = css`
  .badge[data-status='healthy'] {
    background: ${token('color-on-track-soft')};
    color: ${token('color-on-track')};
  }

  .badge[data-status='watch'] {
    background: ${token('color-at-risk-soft')};
    color: ${token('color-at-risk')};
  }

  .badge[data-status='unhealthy'] {
    background: ${token('color-off-track-soft')};
    color: ${token('color-off-track')};
  }
`;
