/**
 * "Add from key results": a manager (or HR) picks key results of a person's
 * approved goals that no KPI follows yet, and each becomes a KPI of that
 * person kept in step with it (check-ins move its actual, goal adjustments
 * its target, with the reason). No retyping: this is where goals and
 * performance stop being two sheets.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isTandemError } from '../../data/errors.js';
import { TandemKpiChangeEvent } from '../../events/kpi-change.js';
import { keyResultsWithoutKpi } from '../../model/kpi-scorecard.js';
import type { Id, KeyResult } from '../../model/records.js';
import { reopened, syncDialog } from '../shared/dialog-flow.js';
import { hasPlannableMember, plannableMembers, ScorecardFlow } from './scorecard-flow.js';

interface AddDraft {
  readonly personId: Id;
  readonly selected: ReadonlySet<Id>;
  readonly status: 'editing' | 'saving';
  /** Key results that did not become KPIs in the last try, with the reason. */
  readonly failures: readonly { readonly keyResultId: Id; readonly title: string; readonly reason: string }[];
}

export class KpiAddFlow extends ScorecardFlow {
  private draft: AddDraft | null = null;

  hostUpdated(): void {
    syncDialog(this.dialog('kpi-add'), this.draft !== null, 'select, input[type=checkbox], button[type=submit]');
  }

  /** Whether the signed-in person may add KPIs for anyone in the scope. */
  allowed(): boolean {
    return hasPlannableMember(this.card);
  }

  open(personId?: Id): void {
    const members = plannableMembers(this.card);
    const person = members.find((member) => member.id === personId) ?? members[0];
    if (!person) return;
    this.set({ personId: person.id, selected: new Set(), status: 'editing', failures: [] });
  }

  /** The person's key results that may still become KPIs. */
  candidates(personId: Id): KeyResult[] {
    const data = this.card.data;
    if (!data) return [];
    const own = [...data.keyResults.values()].filter((keyResult) => data.goals.get(keyResult.goalId)?.ownerId === personId);
    return keyResultsWithoutKpi(own, data.goals, data.kpis);
  }

  private set(draft: AddDraft | null): void {
    this.draft = draft;
    this.host.requestUpdate();
  }

  private toggle(keyResultId: Id, on: boolean): void {
    const draft = this.draft;
    if (!draft) return;
    const selected = new Set(draft.selected);
    if (on) selected.add(keyResultId);
    else selected.delete(keyResultId);
    this.set({ ...draft, selected });
  }

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.save();
  };

  /**
   * One request per key result, in turn: each succeeds or fails on its own,
   * and the dialog stays open listing the failures (still selected, for a
   * retry) with their reasons.
   */
  private async save(): Promise<void> {
    const draft = this.draft;
    const adapter = this.card.adapter;
    if (!draft || !adapter || draft.status === 'saving') return;
    const chosen = this.candidates(draft.personId).filter((keyResult) => draft.selected.has(keyResult.id));
    if (chosen.length === 0) return;
    this.set({ ...draft, status: 'saving', failures: [] });
    const failures: AddDraft['failures'][number][] = [];
    let created = 0;
    for (const keyResult of chosen) {
      try {
        const kpi = await adapter.createKpiFromKeyResult(keyResult.id);
        created += 1;
        this.card.dispatch(new TandemKpiChangeEvent(kpi, 'created'));
      } catch (error) {
        const reason = isTandemError(error) ? error.localizedMessage(this.card.locale) : this.card.t('state.error');
        failures.push({ keyResultId: keyResult.id, title: keyResult.title, reason });
      }
    }
    const { t, format } = this.card;
    if (created > 0) this.card.announce(t('kpiScorecard.add.done', { count: created, formatted: format.number(created, 0) }));
    if (failures.length === 0) {
      this.close();
      return;
    }
    if (this.draft?.personId !== draft.personId) return;
    this.set({ ...draft, status: 'editing', failures, selected: new Set(failures.map((failure) => failure.keyResultId)) });
  }

  /** Closes at once (see `KpiEditFlow.close`); focus goes back to the button that opened it. */
  close(): void {
    if (!this.draft) return;
    this.set(null);
    this.dialog('kpi-add')?.close();
    this.card.focusToolbar('add');
  }

  private readonly onClose = (event: Event): void => {
    if (!reopened(event)) this.close();
  };

  private readonly onCancel = (event: Event): void => {
    if (this.draft?.status === 'saving') event.preventDefault();
  };

  render(): TemplateResult {
    const draft = this.draft;
    return html`<dialog part="dialog" class="kpi-add" aria-labelledby="kpi-add-title" @close=${this.onClose} @cancel=${this.onCancel}>
      ${draft ? this.renderForm(draft) : nothing}
    </dialog>`;
  }

  private renderForm(draft: AddDraft): TemplateResult {
    const { t, format } = this.card;
    const data = this.card.data;
    const members = plannableMembers(this.card);
    const candidates = this.candidates(draft.personId);
    const saving = draft.status === 'saving';
    const count = candidates.filter((keyResult) => draft.selected.has(keyResult.id)).length;
    return html`<form novalidate @submit=${this.onSubmit}>
      <h2 id="kpi-add-title">${t('kpiScorecard.add.title')}</h2>
      <p class="hint">${t('kpiScorecard.add.lead')}</p>
      ${members.length > 1
        ? html`<div class="field">
            <label for="kpi-add-person">${t('kpiScorecard.person')}</label>
            <select
              id="kpi-add-person"
              ?disabled=${saving}
              @change=${(event: Event) =>
                this.set({ ...draft, personId: (event.target as HTMLSelectElement).value, selected: new Set(), failures: [] })}
            >
              ${members.map((member) => html`<option value=${member.id} ?selected=${member.id === draft.personId}>${this.card.nameOf(member.id)}</option>`)}
            </select>
          </div>`
        : html`<p class="hint">${t('kpiScorecard.add.for', { name: this.card.nameOf(draft.personId) })}</p>`}
      ${candidates.length === 0
        ? html`<p class="empty-choice" role="status">${t('kpiScorecard.add.none')}</p>`
        : html`<fieldset class="choices">
            <legend>${t('kpiScorecard.add.legend')}</legend>
            ${candidates.map((keyResult) => {
              const goal = data?.goals.get(keyResult.goalId);
              return html`<label class="choice">
                <input
                  type="checkbox"
                  name="keyResult"
                  value=${keyResult.id}
                  .checked=${draft.selected.has(keyResult.id)}
                  ?disabled=${saving}
                  @change=${(event: Event) => this.toggle(keyResult.id, (event.target as HTMLInputElement).checked)}
                />
                <span class="choice-text">
                  <span>${keyResult.title}</span>
                  ${goal ? html`<span class="meta">${t('kpiScorecard.add.ofGoal', { goal: goal.title })}</span>` : nothing}
                </span>
              </label>`;
            })}
          </fieldset>`}
      ${draft.failures.length > 0
        ? html`<div class="form-error" role="alert">
            <span>${t('kpiScorecard.add.failed', { count: draft.failures.length, formatted: format.number(draft.failures.length, 0) })}</span>
            <ul class="failures">
              ${draft.failures.map((failure) => html`<li><strong>${failure.title}</strong>: ${failure.reason}</li>`)}
            </ul>
          </div>`
        : nothing}
      <div class="dialog-actions">
        <button type="button" class="button" @click=${() => this.close()} ?disabled=${saving}>${t('action.cancel')}</button>
        <button type="submit" class="button" data-variant="primary" ?disabled=${count === 0} aria-disabled=${saving ? 'true' : 'false'}>
          ${saving ? t('kpiScorecard.add.adding') : t('kpiScorecard.add.submit', { count, formatted: format.number(count, 0) })}
        </button>
      </div>
    </form>`;
  }
}
