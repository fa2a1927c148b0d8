import { html, type TemplateResult } from 'lit';
import { isTandemError } from '../../data/errors.js';
import type { Locale, Translator } from '../../i18n/locale.js';

/**
 * The designed loading, empty, error and forbidden states, shared so every
 * widget says them the same way. Styles: `stateStyles` in src/styles/shared.ts.
 */
export function renderLoading(t: Translator): TemplateResult {
  return html`<div class="state" data-state="loading" part="state" role="status" aria-live="polite">
    <span class="state-spinner" aria-hidden="true"></span>
    <span>${t('state.loading')}</span>
  </div>`;
}

export function renderEmpty(message: string): TemplateResult {
  return html`<div class="state" data-state="empty" part="state" role="status">${message}</div>`;
}

/**
 * An error with its message in the person's language and a retry button.
 * A forbidden error is its own state: retrying would not help.
 */
export function renderError(error: unknown, t: Translator, locale: Locale, retry: () => void): TemplateResult {
  if (isTandemError(error) && error.code === 'forbidden') {
    return html`<div class="state" data-state="forbidden" part="state" role="alert">${t('state.forbidden')}</div>`;
  }
  const message = isTandemError(error) ? error.localizedMessage(locale) : t('state.error');
  return html`<div class="state" data-state="error" part="state" role="alert">
    <span>${message}</span>
    <button type="button" class="button" @click=${retry}>${t('action.retry')}</button>
  </div>`;
}
