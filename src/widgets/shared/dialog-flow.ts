/**
 * What every widget's edit dialogs share: the states a save goes through,
 * opening and closing a modal `<dialog>` as a draft comes and goes, and the
 * line that reports a failed save with a retry or a conflict with a way to
 * load the latest (the typed text always stays in the form).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { ConflictError, TandemError } from '../../data/errors.js';
import { token } from '../../styles/tokens.js';
import type { Locale, Translator } from '../../i18n/locale.js';

/** The states a dialog's save goes through. */
export type SaveStatus = 'editing' | 'saving' | 'failed' | 'conflict' | 'reloading';

/** What every dialog draft carries about its save. */
export interface SaveState {
  readonly status: SaveStatus;
  readonly error?: TandemError | undefined;
  /** The latest record was loaded after a conflict. */
  readonly reloaded?: boolean;
}

/** A failed save as a dialog shows it: a conflict, or another failure with its typed error. */
export function failureOf(error: unknown): { status: 'conflict' | 'failed'; error: TandemError | undefined } {
  return { status: error instanceof ConflictError ? 'conflict' : 'failed', error: error instanceof TandemError ? error : undefined };
}

/**
 * Dialogs `syncDialog` opened whose `close` event has not fired yet. The
 * flows forget their draft as they close the dialog; one that waited for the
 * `close` event (a later task) would have an update in between see the draft
 * with the dialog closed, and reopening it then would move focus into it and
 * back and fire `close` twice. A dialog in this set is closing, not waiting
 * to be opened.
 */
const shown = new WeakSet<HTMLDialogElement>();

/**
 * Whether a dialog's `close` event comes after it was opened again: the
 * event is a task of its own, so a person quick enough (or a script) can
 * open the next draft before it runs. That close is not the new draft's.
 */
export function reopened(event: Event): boolean {
  return (event.currentTarget as HTMLDialogElement | null)?.open === true;
}

/** Opens a modal dialog with focus in its first field when it has something to show, and closes it when not. */
export function syncDialog(dialog: HTMLDialogElement | null, open: boolean, focusSelector: string): void {
  if (!dialog) return;
  if (!open) {
    // Nothing to show: whatever comes next is a new draft, to be opened.
    shown.delete(dialog);
    if (dialog.open) dialog.close();
  } else if (!dialog.open && !shown.has(dialog)) {
    dialog.showModal();
    shown.add(dialog);
    dialog.addEventListener('close', () => shown.delete(dialog), { once: true });
    dialog.querySelector<HTMLElement>(focusSelector)?.focus();
  }
}

/**
 * Runs a status line's action from its button, focusing the form's submit
 * button first: the line, button and all, is replaced as the action starts,
 * and focus would fall out of the modal dialog to the page.
 */
function handOnFocus(action: () => void): (event: Event) => void {
  return (event) => {
    (event.currentTarget as HTMLElement).closest('form')?.querySelector<HTMLElement>('button[type=submit]')?.focus();
    action();
  };
}

/**
 * A dialog's save outcome: a conflict with a way to load the latest, another
 * failure with its reason and a retry, or (in a live region, always present
 * so screen readers hear what appears in it) the note that the latest was loaded.
 */
export function renderSaveStatus(
  i18n: { readonly t: Translator; readonly locale: Locale },
  draft: SaveState,
  text: { conflict: string; reloadLabel: string; reload: () => void; retry: () => void; reloaded: string },
): TemplateResult {
  const { t, locale } = i18n;
  if (draft.status === 'conflict') {
    return html`<div class="form-error" role="alert" data-error="conflict">
      <span>${text.conflict}</span>
      <button type="button" class="button" @click=${handOnFocus(text.reload)}>${text.reloadLabel}</button>
    </div>`;
  }
  if (draft.status === 'failed') {
    return html`<div class="form-error" role="alert" data-error=${draft.error?.code ?? 'unknown'}>
      <span>${draft.error ? draft.error.localizedMessage(locale) : t('state.error')}</span>
      <button type="button" class="button" @click=${handOnFocus(text.retry)}>${t('action.retry')}</button>
    </div>`;
  }
  return html`<div class="form-status" role="status">${draft.reloaded ? text.reloaded : nothing}</div>`;
}

/**
 * A labelled form control with its hint and its message beside it, wired
 * with `aria-describedby`. `control` gets the ids to be described by and
 * whether the field is invalid; the hint and message ids derive from `id`.
 */
export function renderField(
  id: string,
  label: string,
  text: { readonly error?: string | undefined; readonly hint?: string | undefined },
  control: (describedBy: string | typeof nothing, invalid: 'true' | 'false') => TemplateResult,
): TemplateResult {
  const { error, hint } = text;
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${control(describedBy || nothing, error ? 'true' : 'false')}
    ${hint ? html`<span class="hint" id=${`${id}-hint`}>${hint}</span>` : nothing}
    ${error ? html`<span class="field-error" id=${`${id}-error`}>${error}</span>` : nothing}
  </div>`;
}

/** The save-status line (`.form-error`, `.form-status`) and the dialog's buttons (`.dialog-actions`); include in a widget with these dialogs. */
export const dialogFlowStyles = css`
  .form-error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-s')};
    padding: ${token('space-s')} ${token('space-m')};
    border-radius: ${token('radius-s')};
    background: ${token('color-off-track-soft')};
    color: ${token('color-danger')};
  }

  .dialog-actions {
    display: flex;
    justify-content: end;
    gap: ${token('space-s')};
  }
`;
