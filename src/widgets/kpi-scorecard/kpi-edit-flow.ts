/**
 * Editing a KPI from the scorecard: the actual (owner, managers, HR; not for
 * a KPI that follows a key result) and the plan — target and weight
 * (managers and HR; nobody their own). The row shows the new figures at
 * once; a refused save puts them back and the dialog keeps what was typed,
 * with the reason and a retry; a conflict offers the latest values, still
 * keeping the typed ones, and saves again only once they are loaded. A
 * target change needs a reason: the KPI's history keeps it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { KpiPatch } from '../../data/adapter.js';
import { TandemKpiChangeEvent } from '../../events/kpi-change.js';
import { translateMessage } from '../../i18n/locale.js';
import { canEditKpiActual, canEditKpiPlan, type Decision } from '../../model/permissions.js';
import type { Id, Kpi } from '../../model/records.js';
import { NOTE_MAX_LENGTH, validateKpiFields, type ValidationIssue } from '../../model/validation.js';
import { failureOf, renderField, renderSaveStatus, reopened, syncDialog, type SaveState } from '../shared/dialog-flow.js';
import { formatKpiAmount } from '../shared/kpi-format.js';
import type { KpiScorecardData } from './kpi-scorecard-data.js';
import { ScorecardFlow } from './scorecard-flow.js';

/** The form's fields, in the order they are shown and validated. */
const EDIT_FIELDS = ['actual', 'target', 'weight', 'reason'] as const;
type EditField = (typeof EDIT_FIELDS)[number];

interface EditDraft extends SaveState {
  /** The KPI as the form last read it: its `version` goes with the save. */
  readonly kpi: Kpi;
  readonly fields: Readonly<Record<EditField, string>>;
  /** Fields whose message shows: changed ones, and all after a save was tried. */
  readonly touched: ReadonlySet<EditField>;
  /** What a `failed` status refers to: Retry repeats that, not always the save. */
  readonly failed?: 'save' | 'load' | undefined;
}

/**
 * Whether the form holds a version the store has moved past: after a
 * conflict, until the latest is loaded (a failed load included). Saving it
 * would only conflict again.
 */
const needsLatest = (draft: EditDraft): boolean => draft.status === 'conflict' || (draft.status === 'failed' && draft.failed === 'load');

/** The figures a save sends, shown on the row while it is on its way. */
interface SavingFigures {
  readonly actual?: number | undefined;
  readonly target?: number | undefined;
  readonly weight?: number | undefined;
}

/**
 * What the row and the next edit show ahead of the loaded data: figures on
 * their way, and the KPI as the last save stored it, until the (debounced)
 * reload brings that version. Editing again before the reload must start from
 * the saved version, or the next save conflicts with the person's own.
 */
interface PendingEdit {
  /** Set while a save is on its way. */
  readonly saving?: SavingFigures;
  /** The KPI as the adapter returned it from the last save, with its new version. */
  readonly stored?: Kpi;
}

/** What the signed-in person may change on a KPI. */
export interface KpiEditRights {
  readonly actual: Decision;
  readonly plan: Decision;
}

const parseNumber = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

export class KpiEditFlow extends ScorecardFlow {
  private draft: EditDraft | null = null;
  private pendingById: ReadonlyMap<Id, PendingEdit> = new Map();

  hostUpdated(): void {
    syncDialog(this.dialog('kpi-edit'), this.draft !== null, '.field input:not([disabled])');
  }

  rights(kpi: Kpi, data: KpiScorecardData | undefined = this.card.data): KpiEditRights | undefined {
    const person = this.card.person;
    if (!person || !data) return undefined;
    return { actual: canEditKpiActual(person, kpi, data.directory), plan: canEditKpiPlan(person, kpi.ownerId, data.directory) };
  }

  /** Whether the signed-in person may change anything on the KPI. */
  allowed(kpi: Kpi): boolean {
    const rights = this.rights(kpi);
    return rights !== undefined && (rights.actual.allowed || rights.plan.allowed);
  }

  /** The KPI as last stored: the one a save returned when it is newer than the loaded one (the reload has not landed yet). */
  latest(kpi: Kpi): Kpi {
    const stored = this.pendingById.get(kpi.id)?.stored;
    return stored && stored.version > kpi.version ? stored : kpi;
  }

  /** The KPI as the row shows it: as last stored, with figures on their way applied. */
  effective(kpi: Kpi): Kpi {
    const latest = this.latest(kpi);
    const saving = this.pendingById.get(kpi.id)?.saving;
    if (!saving) return latest;
    return {
      ...latest,
      actual: saving.actual ?? latest.actual,
      target: saving.target ?? latest.target,
      weight: saving.weight ?? latest.weight,
    };
  }

  /** Changes whenever figures on their way change: the scorecard reassesses its rows then. */
  get revision(): ReadonlyMap<Id, PendingEdit> {
    return this.pendingById;
  }

  isOpen(): boolean {
    return this.draft !== null;
  }

  open(kpi: Kpi): void {
    this.set({
      kpi,
      fields: { actual: String(kpi.actual), target: String(kpi.target), weight: String(kpi.weight), reason: '' },
      touched: new Set(),
      status: 'editing',
    });
  }

  /** Saved KPIs the loaded data now holds are shown from it, no longer from memory; figures on their way stay. */
  dropReloaded(data: KpiScorecardData): void {
    if (this.pendingById.size === 0) return;
    const pending = new Map(this.pendingById);
    let changed = false;
    for (const kpi of data.kpis) {
      const entry = pending.get(kpi.id);
      if (!entry?.stored || kpi.version < entry.stored.version) continue;
      if (entry.saving) pending.set(kpi.id, { saving: entry.saving });
      else pending.delete(kpi.id);
      changed = true;
    }
    if (changed) {
      this.pendingById = pending;
      this.host.requestUpdate();
    }
  }

  private set(draft: EditDraft | null): void {
    this.draft = draft;
    this.host.requestUpdate();
  }

  private setPending(kpiId: Id, pending: PendingEdit | undefined): void {
    const next = new Map(this.pendingById);
    if (pending) next.set(kpiId, pending);
    else next.delete(kpiId);
    this.pendingById = next;
    this.host.requestUpdate();
  }

  /** The changes the form holds, as the adapter takes them: only fields the person may and did change. */
  private patchOf(draft: EditDraft): KpiPatch {
    const rights = this.rights(draft.kpi);
    const { kpi, fields } = draft;
    const patch: KpiPatch = {};
    const actual = parseNumber(fields.actual);
    const target = parseNumber(fields.target);
    const weight = parseNumber(fields.weight);
    if (rights?.actual.allowed && actual !== undefined && actual !== kpi.actual) patch.actual = actual;
    if (rights?.plan.allowed) {
      if (target !== undefined && target !== kpi.target) {
        patch.target = target;
        patch.reason = fields.reason.trim();
      }
      if (weight !== undefined && weight !== kpi.weight) patch.weight = weight;
    }
    return patch;
  }

  /** The first issue of each field the person may edit, as text to show next to it. */
  private issues(draft: EditDraft): Partial<Record<EditField, string>> {
    const rights = this.rights(draft.kpi);
    const { kpi, fields } = draft;
    const found: ValidationIssue[] = [];
    const checked = new Set<EditField>();
    if (rights?.actual.allowed) {
      checked.add('actual');
      // The rule takes the actual as optional (a new KPI starts at its baseline); clearing a recorded one is not a value.
      if (fields.actual.trim() === '') found.push({ field: 'actual', message: { key: 'validation.required' } });
    }
    if (rights?.plan.allowed) {
      checked.add('target');
      checked.add('weight');
      checked.add('reason');
      const target = parseNumber(fields.target);
      if (target !== undefined && Number.isFinite(target) && target !== kpi.target) {
        if (fields.reason.trim() === '') found.push({ field: 'reason', message: { key: 'validation.targetReasonRequired' } });
        else if ([...fields.reason].length > NOTE_MAX_LENGTH) found.push({ field: 'reason', message: { key: 'validation.tooLong', params: { max: NOTE_MAX_LENGTH } } });
      }
    }
    found.push(
      ...validateKpiFields({
        name: kpi.name,
        start: kpi.start,
        actual: rights?.actual.allowed ? parseNumber(fields.actual) : kpi.actual,
        target: rights?.plan.allowed ? parseNumber(fields.target) : kpi.target,
        weight: rights?.plan.allowed ? parseNumber(fields.weight) : kpi.weight,
      }),
    );
    const messages: Partial<Record<EditField, string>> = {};
    for (const issue of found) {
      const field = issue.field as EditField;
      if (checked.has(field)) messages[field] ??= translateMessage(this.card.locale, issue.message);
    }
    return messages;
  }

  private edit(field: EditField, value: string, touch: boolean): void {
    const draft = this.draft;
    if (!draft) return;
    const touched = touch && !draft.touched.has(field) ? new Set([...draft.touched, field]) : draft.touched;
    this.set({ ...draft, fields: { ...draft.fields, [field]: value }, touched });
  }

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.save();
  };

  /**
   * Saves optimistically: the row shows the new figures at once and goes
   * back if the adapter refuses. The dialog stays open while saving, so a
   * failure shows where the person typed, with their figures kept.
   */
  async save(): Promise<void> {
    const draft = this.draft;
    const adapter = this.card.adapter;
    if (!draft || !adapter || draft.status === 'saving' || draft.status === 'reloading' || needsLatest(draft)) return;
    const issues = this.issues(draft);
    const invalid = EDIT_FIELDS.find((field) => issues[field] !== undefined);
    if (invalid) {
      this.set({ ...draft, touched: new Set(EDIT_FIELDS) });
      await this.focusControl('kpi-edit', `#kpi-edit-${invalid}`);
      return;
    }
    const patch = this.patchOf(draft);
    const { kpi } = draft;
    if (Object.keys(patch).length === 0) {
      this.close();
      return;
    }
    const saving = { actual: patch.actual, target: patch.target, weight: patch.weight };
    this.setPending(kpi.id, { ...this.pendingById.get(kpi.id), saving });
    this.set({ ...draft, status: 'saving', error: undefined, failed: undefined });
    try {
      const stored = await adapter.updateKpi(kpi.id, kpi.version, patch);
      const loaded = this.card.data?.kpis.find((candidate) => candidate.id === kpi.id);
      // A reload that already brought this version (or a later one) shows it; otherwise the row and the next edit start from it.
      this.setPending(kpi.id, loaded && loaded.version >= stored.version ? undefined : { stored });
      if (this.draft?.kpi.id === kpi.id) this.close();
      // Focus goes back to the row's Edit button, which says nothing of the save: this does.
      this.card.announce(this.card.t('kpiScorecard.edit.saved', { name: stored.name }));
      this.card.dispatch(new TandemKpiChangeEvent(stored, patch.target !== undefined || patch.weight !== undefined ? 'plan' : 'actual'));
    } catch (error) {
      // Back to what the row showed before this save: an earlier save's figures stay until the reload brings them.
      const earlier = this.pendingById.get(kpi.id)?.stored;
      this.setPending(kpi.id, earlier ? { stored: earlier } : undefined);
      const current = this.draft;
      if (current?.kpi.id !== kpi.id) return;
      this.set({ ...current, ...failureOf(error), failed: 'save', reloaded: false });
    }
  }

  /** After a conflict: the KPI as stored now, for its figures and version; what was typed stays. */
  private async loadLatest(): Promise<void> {
    const draft = this.draft;
    const adapter = this.card.adapter;
    if (!draft || !adapter) return;
    this.set({ ...draft, status: 'reloading' });
    try {
      const latest = await adapter.getKpi(draft.kpi.id);
      const current = this.draft;
      if (current?.kpi.id !== latest.id) return;
      this.set({ ...current, kpi: latest, status: 'editing', error: undefined, failed: undefined, reloaded: true });
    } catch (error) {
      const current = this.draft;
      if (current?.kpi.id !== draft.kpi.id) return;
      this.set({ ...current, ...failureOf(error), status: 'failed', failed: 'load' });
    }
  }

  /**
   * Closes at once, not when the dialog's `close` event comes: an update
   * rendered in between would find the draft still open and show the dialog
   * again.
   */
  close(): void {
    const draft = this.draft;
    if (!draft) return;
    this.set(null);
    this.dialog('kpi-edit')?.close();
    void this.card.focusKpi(draft.kpi.id);
  }

  /** The dialog closed by itself (Escape): focus goes back to the row it was opened from. */
  private readonly onClose = (event: Event): void => {
    if (!reopened(event)) this.close();
  };

  private readonly onCancel = (event: Event): void => {
    // Escape while saving would hide a failure that comes back: wait for the answer.
    if (this.draft?.status === 'saving') event.preventDefault();
  };

  render(): TemplateResult {
    const draft = this.draft;
    return html`<dialog part="dialog" class="kpi-edit" aria-labelledby="kpi-edit-title" @close=${this.onClose} @cancel=${this.onCancel}>
      ${draft ? this.renderForm(draft) : nothing}
    </dialog>`;
  }

  /** Why a refused right is refused, in words; empty when it is not refused. */
  private reasonOf(decision: Decision | undefined): string {
    return decision && !decision.allowed ? translateMessage(this.card.locale, decision.reason) : '';
  }

  private renderForm(draft: EditDraft): TemplateResult {
    const { t, format } = this.card;
    const { kpi, fields, touched, status } = draft;
    const rights = this.rights(kpi);
    const issues = this.issues(draft);
    const shown = (field: EditField) => (touched.has(field) ? issues[field] : undefined);
    const busy = status === 'saving' || status === 'reloading';
    const amount = (value: number) => formatKpiAmount(value, kpi.unit, format);
    const targetMoves = parseNumber(fields.target) !== kpi.target && fields.target.trim() !== '';
    const field = (name: EditField, label: string, control: (describedBy: string | typeof nothing) => TemplateResult, hint?: string) =>
      renderField(`kpi-edit-${name}`, label, { error: shown(name), hint }, control);
    const onInput = (name: EditField) => (event: Event) => this.edit(name, (event.target as HTMLInputElement).value, false);
    const onChange = (name: EditField) => (event: Event) => this.edit(name, (event.target as HTMLInputElement).value, true);
    // Text, not type="number": a number field reports "" while a value is half typed ("-", "1e"), and the draft
    // written back from that wiped what the person was typing. The flow parses and validates the text itself.
    const numberInput = (name: 'actual' | 'target' | 'weight') => (describedBy: string | typeof nothing) =>
      html`<input
        id=${`kpi-edit-${name}`}
        name=${name}
        type="text"
        inputmode="decimal"
        autocomplete="off"
        .value=${fields[name]}
        aria-invalid=${shown(name) ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @input=${onInput(name)}
        @change=${onChange(name)}
      />`;
    const unitLabel = (key: 'kpiScorecard.edit.actual' | 'kpiScorecard.edit.target') =>
      kpi.unit ? t('kpiScorecard.edit.withUnit', { label: t(key), unit: kpi.unit }) : t(key);
    return html`<form novalidate @submit=${this.onSubmit}>
      <h2 id="kpi-edit-title">${t('kpiScorecard.edit.title', { name: kpi.name })}</h2>
      <p class="hint">
        ${t('kpiScorecard.edit.now', { owner: this.card.nameOf(kpi.ownerId), actual: amount(kpi.actual), target: amount(kpi.target) })}
      </p>
      ${rights?.actual.allowed
        ? field('actual', unitLabel('kpiScorecard.edit.actual'), numberInput('actual'))
        : html`<p class="refusal" data-field="actual">${t('kpiScorecard.edit.actualLocked', { reason: this.reasonOf(rights?.actual) })}</p>`}
      ${rights?.plan.allowed
        ? html`${field('target', unitLabel('kpiScorecard.edit.target'), numberInput('target'))}
          ${field('weight', t('kpiScorecard.edit.weight'), numberInput('weight'), t('kpiScorecard.edit.weightHint'))}
          ${field(
            'reason',
            t('kpiScorecard.edit.reason'),
            (describedBy) => html`<textarea
              id="kpi-edit-reason"
              name="reason"
              rows="2"
              .value=${fields.reason}
              aria-required=${targetMoves ? 'true' : 'false'}
              aria-invalid=${shown('reason') ? 'true' : 'false'}
              aria-describedby=${describedBy}
              @input=${onInput('reason')}
              @change=${onChange('reason')}
            ></textarea>`,
            t('kpiScorecard.edit.reasonHint'),
          )}`
        : html`<p class="refusal" data-field="plan">${t('kpiScorecard.edit.planLocked', { reason: this.reasonOf(rights?.plan) })}</p>`}
      ${renderSaveStatus(this.card, draft, {
        conflict: t('kpiScorecard.edit.conflict'),
        reloadLabel: t('kpiScorecard.edit.loadLatest'),
        reload: () => void this.loadLatest(),
        retry: () => void (draft.failed === 'load' ? this.loadLatest() : this.save()),
        reloaded: t('kpiScorecard.edit.loadedLatest', { actual: amount(kpi.actual), target: amount(kpi.target), weight: format.number(kpi.weight) }),
      })}
      <div class="dialog-actions">
        <button type="button" class="button" @click=${() => this.close()} ?disabled=${status === 'saving'}>${t('action.cancel')}</button>
        <button type="submit" class="button" data-variant="primary" aria-disabled=${busy || needsLatest(draft) ? 'true' : 'false'}>
          ${status === 'saving' ? t('kpiScorecard.saving') : t('action.save')}
        </button>
      </div>
    </form>`;
  }
}
