/**
 * Checking in on a key result from the goal tree: the dialog, its validation,
 * the optimistic value on the row and the rollback when the save fails.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ConflictError, TandemError } from '../../data/errors.js';
import { TandemCheckInEvent } from '../../events/check-in.js';
import { translateMessage } from '../../i18n/locale.js';
import type { NodeKey } from '../../model/goal-tree.js';
import { canCheckIn } from '../../model/permissions.js';
import type { Goal, Id, KeyResult } from '../../model/records.js';
import { validateCheckInFields, type ValidationIssue } from '../../model/validation.js';
import type { GoalTreeData } from './goal-tree-data.js';
import { renderField, reopened } from '../shared/dialog-flow.js';
import { formatKeyResultValue, renderSaveStatus, syncDialog, TreeFlow, unitOf, type SaveState } from './tree-flow.js';

/** The check-in form's fields, in the order they are shown and validated. */
const CHECK_IN_FIELDS = ['value', 'confidence', 'note', 'blockers'] as const;
type CheckInField = (typeof CHECK_IN_FIELDS)[number];

/** The check-in dialog: what the person typed, kept through failures, conflicts and reloads. */
interface CheckInDraft extends SaveState {
  /** The key result as the form last read it: its `version` goes with the save. */
  readonly keyResult: KeyResult;
  readonly rowKey: NodeKey;
  readonly fields: Readonly<Record<CheckInField, string>>;
  /** Fields whose message shows: changed ones, and all after a save was tried. */
  readonly touched: ReadonlySet<CheckInField>;
}

/** A check-in on its way or just saved: the row shows it until the reload brings the stored key result. */
export interface PendingCheckIn {
  readonly value: number;
  readonly confidence: number;
  /**
   * The key result as the save stored it, with its new version; `undefined`
   * while the save is on its way. A check-in opened before the reload starts
   * from it, not from the row's older copy.
   */
  readonly stored?: KeyResult;
}

export class CheckInFlow extends TreeFlow {
  private draft: CheckInDraft | null = null;
  private pendingById: ReadonlyMap<Id, PendingCheckIn> = new Map();

  hostUpdated(): void {
    syncDialog(this.dialog('check-in'), this.draft !== null, '#check-in-value');
  }

  /** Whether the signed-in person may check in on a key result (`canCheckIn` on its goal). */
  allowed(goal: Goal | undefined): boolean {
    const { person, data } = this.tree;
    return goal !== undefined && person !== undefined && data !== undefined && canCheckIn(person, goal, data.directory).allowed;
  }

  /** A check-in shown on the row before the tree reloads it. */
  pending(keyResultId: Id): PendingCheckIn | undefined {
    return this.pendingById.get(keyResultId);
  }

  open(rowKey: NodeKey, loaded: KeyResult): void {
    const saved = this.pendingById.get(loaded.id)?.stored;
    const keyResult = saved && saved.version > loaded.version ? saved : loaded;
    const confidence = keyResult.lastCheckIn?.confidence;
    this.set({
      keyResult,
      rowKey,
      fields: {
        value: String(keyResult.current),
        confidence: confidence === undefined ? '' : String(Math.round(confidence * 100)),
        note: '',
        blockers: '',
      },
      touched: new Set(),
      status: 'editing',
    });
  }

  /** Saved check-ins the loaded data now holds are shown from it, no longer from memory. */
  dropReloaded(data: GoalTreeData): void {
    if (this.pendingById.size === 0) return;
    const pending = new Map(this.pendingById);
    for (const keyResult of data.keyResults) {
      const saved = pending.get(keyResult.id)?.stored?.version;
      if (saved !== undefined && keyResult.version >= saved) pending.delete(keyResult.id);
    }
    if (pending.size !== this.pendingById.size) this.pendingById = pending;
  }

  private set(draft: CheckInDraft | null): void {
    this.draft = draft;
    this.host.requestUpdate();
  }

  private setPending(keyResultId: Id, pending: PendingCheckIn | undefined): void {
    const next = new Map(this.pendingById);
    if (pending) next.set(keyResultId, pending);
    else next.delete(keyResultId);
    this.pendingById = next;
    this.host.requestUpdate();
  }

  /** What the form holds, as the adapter takes it: confidence typed in percent, stored 0 to 1. */
  private input(fields: CheckInDraft['fields']) {
    const number = (text: string) => (text.trim() === '' ? undefined : Number(text));
    const percent = number(fields.confidence);
    return {
      value: number(fields.value),
      confidence: percent === undefined ? undefined : percent / 100,
      note: fields.note,
      blockers: fields.blockers,
    };
  }

  /** The first issue of each field, as text to show next to it. */
  private issues(draft: CheckInDraft): Partial<Record<CheckInField, string>> {
    const messages: Partial<Record<CheckInField, string>> = {};
    for (const issue of validateCheckInFields(this.input(draft.fields), draft.keyResult)) {
      const field = issue.field as CheckInField;
      messages[field] ??= this.message(issue);
    }
    return messages;
  }

  private message(issue: ValidationIssue): string {
    // The rule's range is 0 to 1, as stored; the person types a percentage.
    if (issue.field === 'confidence' && issue.message.key === 'validation.outOfRange') return this.tree.t('goalTree.checkIn.confidenceRange');
    return translateMessage(this.tree.locale, issue.message);
  }

  private edit(field: CheckInField, value: string, touch: boolean): void {
    const draft = this.draft;
    if (!draft) return;
    const touched = touch && !draft.touched.has(field) ? new Set([...draft.touched, field]) : draft.touched;
    this.set({ ...draft, fields: { ...draft.fields, [field]: value }, touched });
  }

  /**
   * Saves optimistically: the row shows the new value at once, and goes back
   * if the adapter refuses. The dialog stays open while saving, so a failure
   * is shown where the person typed, with their text kept.
   */
  private async save(): Promise<void> {
    const draft = this.draft;
    const adapter = this.tree.adapter;
    if (!draft || !adapter || draft.status === 'saving' || draft.status === 'reloading') return;
    const issues = this.issues(draft);
    const invalid = CHECK_IN_FIELDS.find((field) => issues[field] !== undefined);
    if (invalid) {
      this.set({ ...draft, touched: new Set(CHECK_IN_FIELDS) });
      await this.focusControl('check-in', `#check-in-${invalid}`);
      return;
    }
    const input = this.input(draft.fields) as { value: number; confidence: number; note: string; blockers: string };
    const { keyResult } = draft;
    // A failure shows the check-in saved before this one again (if the reload has not brought it yet), not the older value.
    const before = this.pendingById.get(keyResult.id);
    this.setPending(keyResult.id, { value: input.value, confidence: input.confidence });
    this.set({ ...draft, status: 'saving', error: undefined });
    try {
      const result = await adapter.checkIn({
        keyResultId: keyResult.id,
        keyResultVersion: keyResult.version,
        value: input.value,
        confidence: input.confidence,
        note: input.note,
        blockers: input.blockers,
      });
      this.setPending(keyResult.id, { value: input.value, confidence: input.confidence, stored: result.keyResult });
      if (this.draft?.keyResult.id === keyResult.id) this.close();
      this.tree.announce(this.tree.t('goalTree.announce.checkedIn', { title: result.keyResult.title }));
      this.tree.dispatch(new TandemCheckInEvent(result.checkIn, result.keyResult));
    } catch (error) {
      this.setPending(keyResult.id, before?.stored ? before : undefined);
      const current = this.draft;
      if (current?.keyResult.id !== keyResult.id) return;
      this.set({
        ...current,
        status: error instanceof ConflictError ? 'conflict' : 'failed',
        error: error instanceof TandemError ? error : undefined,
        reloaded: false,
      });
    }
  }

  /** After a conflict: the key result as stored now, for its value and version; the typed text stays. */
  private async loadLatest(): Promise<void> {
    const draft = this.draft;
    const adapter = this.tree.adapter;
    if (!draft || !adapter) return;
    this.set({ ...draft, status: 'reloading' });
    try {
      const latest = await adapter.getKeyResult(draft.keyResult.id);
      const current = this.draft;
      if (current?.keyResult.id !== latest.id) return;
      this.set({ ...current, keyResult: latest, status: 'editing', error: undefined, reloaded: true });
    } catch (error) {
      const current = this.draft;
      if (current?.keyResult.id !== draft.keyResult.id) return;
      this.set({ ...current, status: 'failed', error: error instanceof TandemError ? error : undefined });
    }
  }

  /**
   * Closes the dialog and forgets the draft at once, focus back on its row:
   * not in the close event, a task later, which would forget a draft opened
   * meanwhile.
   */
  private close(): void {
    const draft = this.draft;
    this.dialog('check-in')?.close();
    if (!draft) return;
    this.set(null);
    void this.tree.focusRow(draft.rowKey);
  }

  /** The dialog closed (Escape, or a close already handled above), unless it has opened again since. */
  private readonly onClose = (event: Event): void => {
    if (!reopened(event)) this.close();
  };

  private readonly onCancel = (event: Event): void => {
    // Escape while saving would hide a failure that comes back: wait for the answer.
    if (this.draft?.status === 'saving') event.preventDefault();
  };

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.save();
  };

  render() {
    const draft = this.draft;
    return html`<dialog part="dialog" class="tree-dialog check-in" aria-labelledby="check-in-title" @close=${this.onClose} @cancel=${this.onCancel}>
      ${draft ? this.renderForm(draft) : nothing}
    </dialog>`;
  }

  private renderForm(draft: CheckInDraft) {
    const { t } = this.tree;
    const { keyResult, fields, touched, status } = draft;
    const issues = this.issues(draft);
    const shown = (field: CheckInField) => (touched.has(field) ? issues[field] : undefined);
    const busy = status === 'saving' || status === 'reloading';
    const unit = unitOf(keyResult);
    const field = (name: CheckInField, label: string, control: (describedBy: string | typeof nothing) => TemplateResult, hint?: string) =>
      renderField(`check-in-${name}`, label, { error: shown(name), hint }, control);
    const onInput = (name: CheckInField) => (event: Event) =>
      this.edit(name, (event.target as HTMLInputElement | HTMLTextAreaElement).value, false);
    const onChange = (name: CheckInField) => (event: Event) =>
      this.edit(name, (event.target as HTMLInputElement | HTMLTextAreaElement).value, true);
    // Numbers in text fields with a numeric keyboard: a type="number" field reads "" while a value is half
    // typed ("-", "1e"), and the draft written back from it cleared what the person was typing.
    return html`<form novalidate @submit=${this.onSubmit}>
      <h2 id="check-in-title">${t('goalTree.checkIn.title', { title: keyResult.title })}</h2>
      <p class="hint">${t('goalTree.checkIn.now', { value: formatKeyResultValue(keyResult, this.tree) })}</p>
      ${field(
        'value',
        unit ? t('goalTree.checkIn.valueUnit', { unit }) : t('goalTree.checkIn.value'),
        (describedBy) => html`<input
          id="check-in-value"
          name="value"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          .value=${fields.value}
          aria-invalid=${shown('value') ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${onInput('value')}
          @change=${onChange('value')}
        />`,
        keyResult.metric === 'binary' ? t('goalTree.checkIn.binaryHint') : undefined,
      )}
      ${field(
        'confidence',
        t('goalTree.checkIn.confidence'),
        (describedBy) => html`<input
          id="check-in-confidence"
          name="confidence"
          type="text"
          inputmode="numeric"
          autocomplete="off"
          .value=${fields.confidence}
          aria-invalid=${shown('confidence') ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${onInput('confidence')}
          @change=${onChange('confidence')}
        />`,
        t('goalTree.checkIn.confidenceHint'),
      )}
      ${field(
        'note',
        t('goalTree.checkIn.note'),
        (describedBy) => html`<textarea
          id="check-in-note"
          name="note"
          rows="3"
          .value=${fields.note}
          aria-invalid=${shown('note') ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${onInput('note')}
          @change=${onChange('note')}
        ></textarea>`,
      )}
      ${field(
        'blockers',
        t('goalTree.checkIn.blockers'),
        (describedBy) => html`<textarea
          id="check-in-blockers"
          name="blockers"
          rows="2"
          .value=${fields.blockers}
          aria-invalid=${shown('blockers') ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${onInput('blockers')}
          @change=${onChange('blockers')}
        ></textarea>`,
        t('goalTree.checkIn.blockersHint'),
      )}
      ${renderSaveStatus(this.tree, draft, {
        conflict: t('goalTree.checkIn.conflict'),
        reloadLabel: t('goalTree.checkIn.loadLatest'),
        reload: () => void this.loadLatest(),
        retry: () => void this.save(),
        reloaded: t('goalTree.checkIn.loadedLatest', { value: formatKeyResultValue(draft.keyResult, this.tree) }),
      })}
      <div class="dialog-actions">
        <button type="button" class="button" @click=${() => this.close()} ?disabled=${status === 'saving'}>${t('action.cancel')}</button>
        <button type="submit" class="button" data-variant="primary" aria-disabled=${busy ? 'true' : 'false'}>
          ${status === 'saving' ? t('goalTree.checkIn.saving') : t('goalTree.checkIn.save')}
        </button>
      </div>
    </form>`;
  }
}
