/**
 * Adjusting an approved goal mid-cycle from the goal tree, with the required
 * reason, a preview of what moves, and the goal's history of adjustments
 * (also shown on its own, read-only, to anyone who sees the goal).
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { GoalAdjustment } from '../../data/adapter.js';
import { TandemError } from '../../data/errors.js';
import { TandemGoalChangeEvent } from '../../events/goal-change.js';
import { translateMessage } from '../../i18n/locale.js';
import { fieldChanges, type FieldChange } from '../../model/goal-history.js';
import type { NodeKey } from '../../model/goal-tree.js';
import { displayName } from '../../model/people.js';
import type { Cycle, Goal, GoalChange, Id, IsoDate, KeyResult } from '../../model/records.js';
import { validateAdjustment, validateGoalFields, validateKeyResultFields, validateSiblingWeights, type ValidationIssue } from '../../model/validation.js';
import { weightTotal } from '../../model/weights.js';
import { renderField, reopened } from '../shared/dialog-flow.js';
import { failureOf, formatAmount, renderSaveStatus, syncDialog, TreeFlow, type GoalTreeAccess, type PendingEdits, type SaveState } from './tree-flow.js';

const KEY_RESULT_FIELDS = ['title', 'target', 'weight', 'due'] as const;
type KeyResultField = (typeof KEY_RESULT_FIELDS)[number];
/** Where the key results' weight total is reported. */
const WEIGHTS = 'weights';

interface KeyResultEdit {
  readonly keyResult: KeyResult;
  readonly fields: Readonly<Record<KeyResultField, string>>;
}

interface AdjustDraft extends SaveState {
  /** `history`: the read-only timeline. */
  readonly mode: 'adjust' | 'history';
  readonly rowKey: NodeKey;
  /** The goal as the dialog last read it: its `version` goes with the adjustment. */
  readonly goal: Goal;
  readonly reason: string;
  readonly title: string;
  readonly description: string;
  readonly keyResults: readonly KeyResultEdit[];
  readonly touched: ReadonlySet<string>;
  readonly cycle: Cycle | undefined;
  /** Newest first; `null` while loading. */
  readonly history: readonly GoalChange[] | null;
  readonly historyError?: TandemError | undefined;
}

const keyResultFields = (keyResult: KeyResult): Record<KeyResultField, string> => ({
  title: keyResult.title,
  target: String(keyResult.target),
  weight: String(keyResult.weight),
  due: keyResult.due,
});

export class AdjustFlow extends TreeFlow {
  private draft: AdjustDraft | null = null;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    tree: GoalTreeAccess,
    private readonly edits: PendingEdits,
  ) {
    super(host, tree);
  }

  hostUpdated(): void {
    syncDialog(this.dialog('adjust'), this.draft !== null, this.draft?.mode === 'history' ? '.dialog-actions button' : '#adjust-reason');
  }

  openAdjust(rowKey: NodeKey, goal: Goal): void {
    const keyResults = (this.tree.data?.keyResults ?? []).filter((keyResult) => keyResult.goalId === goal.id);
    this.start({
      mode: 'adjust',
      rowKey,
      goal,
      reason: '',
      title: goal.title,
      description: goal.description,
      keyResults: keyResults.map((keyResult) => ({ keyResult, fields: keyResultFields(keyResult) })),
    });
  }

  openHistory(rowKey: NodeKey, goal: Goal): void {
    this.start({ mode: 'history', rowKey, goal, reason: '', title: goal.title, description: goal.description, keyResults: [] });
  }

  private start(draft: Omit<AdjustDraft, 'touched' | 'status' | 'history' | 'cycle'>): void {
    this.set({ ...draft, touched: new Set(), status: 'editing', history: null, cycle: this.tree.data?.cycle });
    void this.loadHistory();
  }

  private set(draft: AdjustDraft | null): void {
    this.draft = draft;
    this.host.requestUpdate();
  }

  private patchDraft(of: AdjustDraft, patch: Partial<AdjustDraft>): void {
    if (this.draft?.goal.id === of.goal.id && this.draft.mode === of.mode) this.set({ ...this.draft, ...patch });
  }

  private async loadHistory(): Promise<void> {
    const draft = this.draft;
    const adapter = this.tree.adapter;
    if (!draft || !adapter) return;
    try {
      const [history, cycle] = await Promise.all([
        adapter.listGoalChanges(draft.goal.id),
        draft.cycle?.id === draft.goal.cycleId ? Promise.resolve(draft.cycle) : adapter.getCycle(draft.goal.cycleId),
      ]);
      this.patchDraft(draft, { history, cycle, historyError: undefined });
    } catch (error) {
      this.patchDraft(draft, { historyError: error instanceof TandemError ? error : undefined });
    }
  }

  private number(text: string): number | undefined {
    return text.trim() === '' ? undefined : Number(text);
  }

  /** What the form asks the store to change: only fields that differ from the goal as read. */
  private adjustment(draft: AdjustDraft): GoalAdjustment {
    const adjustment: GoalAdjustment = { reason: draft.reason.trim() };
    if (draft.title.trim() !== draft.goal.title) adjustment.title = draft.title.trim();
    if (draft.description !== draft.goal.description) adjustment.description = draft.description;
    const keyResults: NonNullable<GoalAdjustment['keyResults']> = [];
    for (const { keyResult, fields } of draft.keyResults) {
      const edit: NonNullable<GoalAdjustment['keyResults']>[number] = { id: keyResult.id, version: keyResult.version };
      if (fields.title.trim() !== keyResult.title) edit.title = fields.title.trim();
      const target = this.number(fields.target);
      if (target !== undefined && target !== keyResult.target) edit.target = target;
      const weight = this.number(fields.weight);
      if (weight !== undefined && weight !== keyResult.weight) edit.weight = weight;
      if (fields.due !== keyResult.due) edit.due = fields.due as IsoDate;
      if (Object.keys(edit).length > 2) keyResults.push(edit);
    }
    if (keyResults.length > 0) adjustment.keyResults = keyResults;
    return adjustment;
  }

  private hasChanges(adjustment: GoalAdjustment): boolean {
    return adjustment.title !== undefined || adjustment.description !== undefined || (adjustment.keyResults?.length ?? 0) > 0;
  }

  /** Issues by field: `reason`, `title`, `description`, `kr:<id>:<field>`, `weights`, and `changes` when nothing moves. */
  private issues(draft: AdjustDraft): Map<string, string> {
    const messages = new Map<string, string>();
    const add = (issue: ValidationIssue, field = issue.field) => {
      if (!messages.has(field)) messages.set(field, translateMessage(this.tree.locale, issue.message));
    };
    for (const issue of validateAdjustment({ reason: draft.reason })) add(issue);
    for (const issue of validateGoalFields({ title: draft.title, description: draft.description })) add(issue);
    let weightMoved = false;
    for (const { keyResult, fields } of draft.keyResults) {
      const input = { ...keyResult, title: fields.title, target: this.number(fields.target), weight: this.number(fields.weight), due: fields.due };
      if (input.weight !== keyResult.weight) weightMoved = true;
      for (const issue of validateKeyResultFields(input, draft.cycle)) {
        if ((KEY_RESULT_FIELDS as readonly string[]).includes(issue.field)) add(issue, `kr:${keyResult.id}:${issue.field}`);
      }
    }
    if (weightMoved) {
      for (const issue of validateSiblingWeights(draft.keyResults.map(({ fields }) => this.number(fields.weight) ?? 0))) add(issue, WEIGHTS);
    }
    if (!this.hasChanges(this.adjustment(draft))) messages.set('changes', this.tree.t('goalTree.adjust.nothingChanged'));
    return messages;
  }

  private order(draft: AdjustDraft): string[] {
    return [
      'reason',
      'title',
      'description',
      ...draft.keyResults.flatMap(({ keyResult }) => KEY_RESULT_FIELDS.map((field) => `kr:${keyResult.id}:${field}`)),
      WEIGHTS,
      'changes',
    ];
  }

  private edit(patch: Partial<Pick<AdjustDraft, 'reason' | 'title' | 'description'>>, touch?: string): void {
    const draft = this.draft;
    if (!draft) return;
    this.set({ ...draft, ...patch, touched: touch ? new Set([...draft.touched, touch]) : draft.touched });
  }

  private editKeyResult(id: Id, field: KeyResultField, value: string, touch: boolean): void {
    const draft = this.draft;
    if (!draft) return;
    const keyResults = draft.keyResults.map((edit) => (edit.keyResult.id === id ? { ...edit, fields: { ...edit.fields, [field]: value } } : edit));
    const touched = touch ? new Set([...draft.touched, `kr:${id}:${field}`, ...(field === 'weight' ? [WEIGHTS] : [])]) : draft.touched;
    this.set({ ...draft, keyResults, touched });
  }

  /**
   * Adjusts optimistically: the rows show the new title and targets at once
   * and go back if the store refuses; the dialog keeps what was typed.
   */
  private async save(): Promise<void> {
    const draft = this.draft;
    const adapter = this.tree.adapter;
    if (!draft || draft.mode !== 'adjust' || !adapter || draft.status === 'saving' || draft.status === 'reloading') return;
    const issues = this.issues(draft);
    const order = this.order(draft);
    const invalid = order.find((field) => issues.has(field));
    if (invalid) {
      this.set({ ...draft, touched: new Set(order) });
      // Weights that do not add up: the first key result's weight, which the message describes.
      const firstWeight = draft.keyResults[0] ? `adjust-kr-${draft.keyResults[0].keyResult.id}-weight` : 'adjust-reason';
      const id = invalid === WEIGHTS ? firstWeight : invalid === 'changes' ? 'adjust-reason' : `adjust-${invalid.replaceAll(':', '-')}`;
      await this.focusControl('adjust', `#${CSS.escape(id)}`);
      return;
    }
    const adjustment = this.adjustment(draft);
    const { goal } = draft;
    this.edits.setGoal(goal.id, { patch: { title: adjustment.title ?? goal.title, description: adjustment.description ?? goal.description } });
    for (const edit of adjustment.keyResults ?? []) this.edits.setKeyResult(edit.id, { patch: krPatch(edit) });
    this.set({ ...draft, status: 'saving', error: undefined });
    try {
      const result = await adapter.adjustGoal(goal.id, goal.version, adjustment);
      this.edits.setGoal(goal.id, { patch: { title: result.goal.title, description: result.goal.description }, version: result.goal.version });
      for (const stored of result.keyResults) this.edits.setKeyResult(stored.id, { patch: krPatch(stored), version: stored.version });
      if (this.draft?.goal.id === goal.id) this.close();
      this.tree.announce(this.tree.t('goalTree.announce.adjusted', { title: result.goal.title }));
      this.tree.dispatch(new TandemGoalChangeEvent(result.goal, 'adjusted', undefined, result));
    } catch (error) {
      this.edits.setGoal(goal.id, undefined);
      for (const edit of adjustment.keyResults ?? []) this.edits.setKeyResult(edit.id, undefined);
      this.patchDraft(draft, { ...failureOf(error), reloaded: false });
    }
  }

  /** After a conflict: the goal and its key results as stored now; what was typed stays where it still applies. */
  private async loadLatest(): Promise<void> {
    const draft = this.draft;
    const adapter = this.tree.adapter;
    if (!draft || !adapter) return;
    this.set({ ...draft, status: 'reloading' });
    try {
      const [goal, keyResults] = await Promise.all([adapter.getGoal(draft.goal.id), adapter.listKeyResults({ goalId: draft.goal.id })]);
      const current = this.draft;
      if (current?.goal.id !== goal.id) return;
      const typed = new Map(current.keyResults.map((edit) => [edit.keyResult.id, edit]));
      const merged = keyResults.map((keyResult) => {
        const before = typed.get(keyResult.id);
        // A field the person did not touch follows the store; a typed one stays.
        if (!before) return { keyResult, fields: keyResultFields(keyResult) };
        const stored = keyResultFields(keyResult);
        const old = keyResultFields(before.keyResult);
        const fields = Object.fromEntries(
          KEY_RESULT_FIELDS.map((field) => [field, before.fields[field] === old[field] ? stored[field] : before.fields[field]]),
        ) as Record<KeyResultField, string>;
        return { keyResult, fields };
      });
      this.set({
        ...current,
        goal,
        title: current.title === current.goal.title ? goal.title : current.title,
        description: current.description === current.goal.description ? goal.description : current.description,
        keyResults: merged,
        status: 'editing',
        error: undefined,
        reloaded: true,
      });
      await this.loadHistory();
    } catch (error) {
      this.patchDraft(draft, { status: 'failed', error: error instanceof TandemError ? error : undefined });
    }
  }

  /**
   * Closes the dialog and forgets the draft at once, focus back on its row:
   * not in the close event, a task later, which would forget a draft opened
   * meanwhile.
   */
  private close(): void {
    const draft = this.draft;
    this.dialog('adjust')?.close();
    if (!draft) return;
    this.set(null);
    void this.tree.focusRow(draft.rowKey);
  }

  /** The dialog closed (Escape, or a close already handled above), unless it has opened again since. */
  private readonly onClose = (event: Event): void => {
    if (!reopened(event)) this.close();
  };

  private readonly onCancel = (event: Event): void => {
    if (this.draft?.status === 'saving') event.preventDefault();
  };

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.save();
  };

  render() {
    const draft = this.draft;
    return html`<dialog part="dialog" class="tree-dialog adjust" data-mode=${draft?.mode ?? nothing} aria-labelledby="adjust-heading" @close=${this.onClose} @cancel=${this.onCancel}>
      ${draft ? (draft.mode === 'adjust' ? this.renderForm(draft) : this.renderHistoryOnly(draft)) : nothing}
    </dialog>`;
  }

  private renderHistoryOnly(draft: AdjustDraft) {
    const { t } = this.tree;
    return html`<div class="dialog-body">
      <h2 id="adjust-heading">${t('goalTree.history.title', { title: draft.goal.title })}</h2>
      ${this.renderHistory(draft)}
      <div class="dialog-actions">
        <button type="button" class="button" @click=${() => this.close()}>${t('action.close')}</button>
      </div>
    </div>`;
  }

  private renderForm(draft: AdjustDraft) {
    const { t, format } = this.tree;
    const issues = this.issues(draft);
    const shown = (field: string) => (draft.touched.has(field) ? issues.get(field) : undefined);
    const busy = draft.status === 'saving' || draft.status === 'reloading';
    const reasonError = shown('reason');
    const text = (
      id: string,
      label: string,
      value: string,
      error: string | undefined,
      onInput: (value: string, touch: boolean) => void,
      multiline = false,
      hint?: string,
    ) => {
      const handler = (touch: boolean) => (event: Event) => onInput((event.target as HTMLInputElement | HTMLTextAreaElement).value, touch);
      return renderField(id, label, { error, hint }, (describedBy, invalid) =>
        multiline
          ? html`<textarea id=${id} rows="3" .value=${value} aria-invalid=${invalid} aria-describedby=${describedBy} @input=${handler(false)} @change=${handler(true)}></textarea>`
          : html`<input id=${id} autocomplete="off" .value=${value} aria-invalid=${invalid} aria-describedby=${describedBy} @input=${handler(false)} @change=${handler(true)} />`,
      );
    };
    const weightsError = shown(WEIGHTS);
    const changesError = shown('changes');
    const total = weightTotal(draft.keyResults.map(({ fields }) => this.number(fields.weight) ?? 0));
    return html`<form novalidate @submit=${this.onSubmit}>
      <h2 id="adjust-heading">${t('goalTree.adjust.title', { title: draft.goal.title })}</h2>
      <p class="hint">${t('goalTree.adjust.intro')}</p>
      ${text('adjust-reason', t('goalTree.adjust.reason'), draft.reason, reasonError, (value, touch) => this.edit({ reason: value }, touch ? 'reason' : undefined), true, t('goalTree.adjust.reasonHint'))}
      ${text('adjust-title', t('goalTree.form.title'), draft.title, shown('title'), (value, touch) => this.edit({ title: value }, touch ? 'title' : undefined))}
      ${text('adjust-description', t('goalTree.form.description'), draft.description, shown('description'), (value, touch) => this.edit({ description: value }, touch ? 'description' : undefined), true)}
      ${draft.keyResults.length > 0
        ? html`<fieldset class="adjust-key-results">
            <legend>${t('goalTree.adjust.keyResults')}</legend>
            ${draft.keyResults.map((edit) => this.renderKeyResultEdit(draft, edit, shown))}
            <div class="weights-total">
              <span role="status">${t('goalTree.form.total', { total: format.number(total) })}</span>
            </div>
            ${weightsError ? html`<span class="field-error" id="adjust-weights-error">${weightsError}</span>` : nothing}
          </fieldset>`
        : nothing}
      ${this.renderPreview(draft)}
      ${changesError ? html`<span class="field-error" role="alert">${changesError}</span>` : nothing}
      ${renderSaveStatus(this.tree, draft, {
        conflict: t('goalTree.adjust.conflict'),
        reloadLabel: t('goalTree.form.loadLatest'),
        reload: () => void this.loadLatest(),
        retry: () => void this.save(),
        reloaded: t('goalTree.form.loadedLatest'),
      })}
      <div class="dialog-actions">
        <button type="button" class="button" @click=${() => this.close()} ?disabled=${draft.status === 'saving'}>${t('action.cancel')}</button>
        <button type="submit" class="button" data-variant="primary" aria-disabled=${busy ? 'true' : 'false'}>
          ${draft.status === 'saving' ? t('goalTree.form.saving') : t('goalTree.adjust.save')}
        </button>
      </div>
      ${this.renderHistory(draft)}
    </form>`;
  }

  private renderKeyResultEdit(draft: AdjustDraft, edit: KeyResultEdit, shown: (field: string) => string | undefined) {
    const { t } = this.tree;
    // Every weight is part of a total that does not add up: each is marked, and points at the message.
    const weightsOff = shown(WEIGHTS) !== undefined;
    const { keyResult, fields } = edit;
    const cycle = draft.cycle;
    const cell = (field: KeyResultField, label: string, type: 'text' | 'number' | 'date') => {
      const id = `adjust-kr-${keyResult.id}-${field}`;
      const error = shown(`kr:${keyResult.id}:${field}`);
      const handler = (touch: boolean) => (event: Event) => this.editKeyResult(keyResult.id, field, (event.target as HTMLInputElement).value, touch);
      return renderField(
        id,
        label,
        { error },
        // Numbers in text fields with a numeric keyboard: a type="number" field reads "" while a value is half typed
        // ("-", "1e"), and the draft written back from it cleared what the person was typing.
        (describedBy, invalid) => html`<input
          id=${id}
          type=${type === 'number' ? 'text' : type}
          inputmode=${type === 'number' ? 'decimal' : nothing}
          min=${type === 'date' ? (cycle?.start ?? nothing) : nothing}
          max=${type === 'date' ? (cycle?.end ?? nothing) : nothing}
          autocomplete="off"
          .value=${fields[field]}
          aria-invalid=${field === 'weight' && weightsOff ? 'true' : invalid}
          aria-describedby=${field === 'weight' && weightsOff
            ? [describedBy === nothing ? '' : describedBy, 'adjust-weights-error'].filter(Boolean).join(' ')
            : describedBy}
          @input=${handler(false)}
          @change=${handler(true)}
        />`,
      );
    };
    return html`<div class="adjust-key-result" role="group" aria-label=${keyResult.title} data-key-result=${keyResult.id}>
      ${cell('title', t('goalTree.form.title'), 'text')}
      <div class="field-row">
        ${cell(
          'target',
          keyResult.metric === 'percent'
            ? t('goalTree.adjust.targetUnit', { unit: '%' })
            : keyResult.unit
              ? t('goalTree.adjust.targetUnit', { unit: keyResult.unit })
              : t('goalTree.form.target'),
          'number',
        )}
        ${cell('weight', t('goalTree.adjust.weight'), 'number')} ${cell('due', t('goalTree.form.due'), 'date')}
      </div>
      <span class="hint"
        >${keyResult.metric === 'binary'
          ? // Done or not: there is no start worth naming.
            t('goalTree.adjust.nowBinary', { value: formatAmount(keyResult, keyResult.current, this.tree) })
          : t('goalTree.adjust.now', { value: formatAmount(keyResult, keyResult.current, this.tree), start: formatAmount(keyResult, keyResult.start, this.tree) })}</span
      >
    </div>`;
  }

  /** What the adjustment will record, as "before → after" lines. */
  private renderPreview(draft: AdjustDraft) {
    const adjustment = this.adjustment(draft);
    if (!this.hasChanges(adjustment)) return nothing;
    const before: GoalChange['before'] = {};
    const after: GoalChange['after'] = {};
    if (adjustment.title !== undefined) [before.title, after.title] = [draft.goal.title, adjustment.title];
    if (adjustment.description !== undefined) [before.description, after.description] = [draft.goal.description, adjustment.description];
    const byId = new Map(draft.keyResults.map(({ keyResult }) => [keyResult.id, keyResult]));
    before.keyResults = [];
    after.keyResults = [];
    for (const edit of adjustment.keyResults ?? []) {
      const old = byId.get(edit.id)!;
      const { id, version: _version, ...moved } = edit;
      before.keyResults.push({ id, ...Object.fromEntries(Object.keys(moved).map((field) => [field, old[field as keyof typeof moved]])) });
      after.keyResults.push({ id, ...moved });
    }
    return html`<div class="adjust-preview">
      <h3>${this.tree.t('goalTree.adjust.preview')}</h3>
      <ul>
        ${fieldChanges({ before, after }).map((change) => html`<li>${this.describe(change, byId)}</li>`)}
      </ul>
    </div>`;
  }

  /** "Target of ‘p95 latency’: 300 ms → 250 ms". */
  private describe(change: FieldChange, keyResults: ReadonlyMap<Id, KeyResult>): string {
    const { t, format } = this.tree;
    if (change.subject === 'goal') {
      const value = (v: string | number) => (change.field === 'weight' ? `${format.number(Number(v))}%` : String(v));
      return t('goalTree.history.goalField', { field: t(`goalTree.history.field.${change.field}`), before: value(change.before), after: value(change.after) });
    }
    const keyResult = keyResults.get(change.keyResultId) ?? this.tree.data?.keyResults.find((candidate) => candidate.id === change.keyResultId);
    const value = (v: string | number) => {
      switch (change.field) {
        case 'target':
          return keyResult ? formatAmount(keyResult, Number(v), this.tree) : format.number(Number(v));
        case 'weight':
          return `${format.number(Number(v))}%`;
        case 'due':
          return format.date(String(v));
        case 'title':
          return String(v);
      }
    };
    return t('goalTree.history.keyResultField', {
      field: t(`goalTree.history.field.${change.field}`),
      keyResult: keyResult?.title ?? t('goalTree.history.removedKeyResult'),
      before: value(change.before),
      after: value(change.after),
    });
  }

  /** The goal's adjustments, newest first: when, who, why, and what moved. */
  private renderHistory(draft: AdjustDraft) {
    const { t, format, locale } = this.tree;
    // On its own the dialog's title names the history already.
    const heading = draft.mode === 'history' ? nothing : html`<h3 id="adjust-history-heading">${t('goalTree.history.heading')}</h3>`;
    if (draft.historyError) {
      return html`<section class="history" aria-labelledby=${draft.mode === 'history' ? 'adjust-heading' : 'adjust-history-heading'}>
        ${heading}
        <div class="form-error" role="alert">
          <span>${draft.historyError.localizedMessage(locale)}</span>
          <button type="button" class="button" @click=${() => void this.loadHistory()}>${t('action.retry')}</button>
        </div>
      </section>`;
    }
    if (draft.history === null) {
      return html`<section class="history" aria-labelledby=${draft.mode === 'history' ? 'adjust-heading' : 'adjust-history-heading'}>${heading}<p class="hint" role="status">${t('state.loading')}</p></section>`;
    }
    const byId = new Map((this.tree.data?.keyResults ?? []).filter((keyResult) => keyResult.goalId === draft.goal.id).map((keyResult) => [keyResult.id, keyResult]));
    return html`<section class="history" aria-labelledby=${draft.mode === 'history' ? 'adjust-heading' : 'adjust-history-heading'}>
      ${heading}
      ${draft.history.length === 0
        ? html`<p class="hint">${t('goalTree.history.empty')}</p>`
        : html`<ol class="timeline">
            ${draft.history.map((change) => {
              const author = this.tree.data?.directory.person(change.authorId) ?? this.tree.data?.people.get(change.authorId);
              const name = author ? displayName(author, locale).primary : t('goalTree.history.someone');
              return html`<li data-change=${change.id}>
                <p class="when"><time datetime=${change.at}>${format.dateTime(change.at)}</time> · ${name}</p>
                <p class="reason">${change.reason}</p>
                <ul>
                  ${fieldChanges(change).map((moved) => html`<li>${this.describe(moved, byId)}</li>`)}
                </ul>
              </li>`;
            })}
          </ol>`}
    </section>`;
  }
}

function krPatch(edit: { title?: string; target?: number; weight?: number; due?: IsoDate }): Partial<KeyResult> {
  const patch: Partial<KeyResult> = {};
  if (edit.title !== undefined) patch.title = edit.title;
  if (edit.target !== undefined) patch.target = edit.target;
  if (edit.weight !== undefined) patch.weight = edit.weight;
  if (edit.due !== undefined) patch.due = edit.due;
  return patch;
}
