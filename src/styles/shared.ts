import { css } from 'lit';
import { token } from './tokens.js';

/**
 * Styles every widget starts from: tokens applied to the host, box sizing,
 * the focus ring, and helpers for the designed states.
 */
export const widgetBaseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: ${token('font-family')};
    font-size: ${token('font-size-m')};
    line-height: ${token('line-height')};
    color: ${token('color-text')};
  }

  /* Only Chinese pages name the CJK families: on others each family a machine lacks is a font lookup before the first paint,
     and the system's fallback draws the odd Chinese name. A family the page sets applies in every language. */
  :host(:lang(zh)) {
    font-family: var(--tandem-font-family, ${token('font-family-zh')});
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  [hidden] {
    display: none !important;
  }

  :focus-visible {
    outline: ${token('focus-ring-width')} solid ${token('color-focus-ring')};
    outline-offset: 2px;
  }

  /* An empty live region (a dialog's status line, the scorecard's announcements) takes no room but stays rendered:
     one that is display:none is out of the accessibility tree, and text shown at the moment it appears often goes unsaid. */
  .visually-hidden,
  .form-status:empty,
  .announcement:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition-duration: 0s !important;
      animation-duration: 0s !important;
    }
  }
`;

/** Buttons and inputs drawn from tokens, shared so every widget's controls match. */
export const controlStyles = css`
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-xs')};
    min-height: 2rem;
    padding: 0 ${token('space-m')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-s')};
    background: ${token('color-surface-raised')};
    color: ${token('color-text')};
    cursor: pointer;
    transition: background-color ${token('duration')};
  }

  .button:hover {
    background: ${token('color-surface-sunken')};
  }

  .button[data-variant='primary'] {
    border-color: ${token('color-accent')};
    background: ${token('color-accent')};
    color: ${token('color-accent-contrast')};
  }

  .button[data-variant='primary']:hover {
    filter: brightness(1.08);
  }

  /* aria-disabled: a busy dialog's Save keeps the focus a click gave it, where disabled would drop it to the page. */
  .button:disabled,
  .button[aria-disabled='true'],
  input[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }

  .field {
    display: grid;
    gap: ${token('space-xs')};
  }

  .field label {
    font-weight: ${token('font-weight-strong')};
  }

  .field input,
  .field select,
  .field textarea {
    min-height: 2rem;
    padding: ${token('space-xs')} ${token('space-s')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-s')};
    background: ${token('color-surface')};
  }

  .field [aria-invalid='true'] {
    border-color: ${token('color-danger')};
  }

  .field-error {
    color: ${token('color-danger')};
    font-size: ${token('font-size-s')};
  }
`;

/** The loading, empty, error and forbidden states every widget designs. */
export const stateStyles = css`
  .state {
    display: grid;
    justify-items: center;
    gap: ${token('space-s')};
    padding: ${token('space-xl')} ${token('space-l')};
    color: ${token('color-text-muted')};
    text-align: center;
  }

  .state[data-state='error'] {
    color: ${token('color-danger')};
  }

  .state-spinner {
    width: 1.25rem;
    height: 1.25rem;
    border: 2px solid ${token('color-border')};
    border-top-color: ${token('color-accent')};
    border-radius: 50%;
    animation: tandem-spin 0.8s linear infinite;
  }

  @keyframes tandem-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
