/**
 * "Apply job profile": a manager (or HR) assigns a person a job profile from
 * recruitment's job analysis, and the profile's KPI templates become that
 * person's KPI plan for the cycle. Applying a profile again adds only the
 * templates the plan lacks (the store keeps what is there, with its figures).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { TandemKpiChangeEvent } from '../../events/kpi-change.js';
import type { Id, JobProfile } from '../../model/records.js';
import { validateSiblingWeights } from '../../model/validation.js';
import { failureOf, renderField, renderSaveStatus, reopened, syncDialog, type SaveState } from '../shared/dialog-flow.js';
import { categoryLabel, formatKpiAmount } from '../shared/kpi-format.js';
import { hasPlannableMember, plannableMembers, ScorecardFlow } from './scorecard-flow.js';

interface ProfileDraft extends SaveState {
  readonly personId: Id;
  readonly profileId: Id | '';
  /** Apply was pressed with no profile chosen: the field says so. */
  readonly missingProfile?: boolean;
}

export class KpiProfileFlow extends ScorecardFlow {
  private draft: ProfileDraft | null = null;

  hostUpdated(): void {
    syncDialog(this.dialog('kpi-profile'), this.draft !== null, 'select');
  }

  /** Whether the signed-in person may set anyone's plan in the scope, and there is a profile to apply. */
  allowed(): boolean {
    return (this.card.data?.jobProfiles.size ?? 0) > 0 && hasPlannableMember(this.card);
  }

  open(personId?: Id): void {
    const members = plannableMembers(this.card);
    const person = members.find((member) => member.id === personId) ?? members[0];
    if (!person) return;
    this.set({ personId: person.id, profileId: this.profileOf(person.id), status: 'editing' });
  }

  /** The person's current profile, where they have one: applying it again fills gaps in the plan. */
  private profileOf(personId: Id): Id | '' {
    const data = this.card.data;
    const current = data?.people.get(personId)?.jobProfileId;
    return current && data?.jobProfiles.has(current) ? current : '';
  }

  private set(draft: ProfileDraft | null): void {
    this.draft = draft;
    this.host.requestUpdate();
  }

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.apply();
  };

  private async apply(): Promise<void> {
    const draft = this.draft;
    const adapter = this.card.adapter;
    const cycle = this.card.data?.cycle;
    if (!draft || !adapter || !cycle || draft.status === 'saving') return;
    if (draft.profileId === '') {
      this.set({ ...draft, missingProfile: true });
      await this.focusControl('kpi-profile', '#kpi-profile-profile');
      return;
    }
    const known = new Set(this.card.data?.kpis.map((kpi) => kpi.id));
    const profile = this.card.data?.jobProfiles.get(draft.profileId);
    this.set({ ...draft, status: 'saving', error: undefined });
    try {
      const plan = await adapter.applyJobProfile(draft.personId, draft.profileId, cycle.id);
      const added = plan.filter((kpi) => !known.has(kpi.id));
      for (const kpi of added) this.card.dispatch(new TandemKpiChangeEvent(kpi, 'created'));
      const { t, format } = this.card;
      const name = this.card.nameOf(draft.personId);
      this.card.announce(
        added.length === 0
          ? t('kpiScorecard.profile.nothingNew', { name })
          : t('kpiScorecard.profile.done', { count: added.length, formatted: format.number(added.length, 0), name, profile: profile?.title ?? '' }),
      );
      if (this.draft?.personId === draft.personId) this.close();
    } catch (error) {
      const current = this.draft;
      if (current?.personId !== draft.personId) return;
      // A conflict here is the person record changing under us: a retry reads it afresh.
      this.set({ ...current, ...failureOf(error), status: 'failed' });
    }
  }

  /** Closes at once (see `KpiEditFlow.close`); focus goes back to the button that opened it. */
  close(): void {
    if (!this.draft) return;
    this.set(null);
    this.dialog('kpi-profile')?.close();
    this.card.focusToolbar('profile');
  }

  private readonly onClose = (event: Event): void => {
    if (!reopened(event)) this.close();
  };

  private readonly onCancel = (event: Event): void => {
    if (this.draft?.status === 'saving') event.preventDefault();
  };

  render(): TemplateResult {
    const draft = this.draft;
    return html`<dialog part="dialog" class="kpi-profile" aria-labelledby="kpi-profile-title" @close=${this.onClose} @cancel=${this.onCancel}>
      ${draft ? this.renderForm(draft) : nothing}
    </dialog>`;
  }

  private renderForm(draft: ProfileDraft): TemplateResult {
    const { t } = this.card;
    const data = this.card.data;
    const members = plannableMembers(this.card);
    const profiles = [...(data?.jobProfiles.values() ?? [])];
    const profile = draft.profileId ? data?.jobProfiles.get(draft.profileId) : undefined;
    // The person's weights once the profile joins the plan, when they would not add up to 100: said once, described by Apply.
    const total = profile ? this.weightsAfter(profile, draft.personId) : undefined;
    const weightsAfter = total !== undefined && validateSiblingWeights([total]).length > 0 ? total : undefined;
    const weightsOff = weightsAfter !== undefined;
    const saving = draft.status === 'saving';
    const selectValue = (event: Event) => (event.target as HTMLSelectElement).value;
    return html`<form novalidate @submit=${this.onSubmit}>
      <h2 id="kpi-profile-title">${t('kpiScorecard.profile.title')}</h2>
      <p class="hint">${t('kpiScorecard.profile.lead', { cycle: data?.cycle?.name ?? '' })}</p>
      <div class="field">
        <label for="kpi-profile-person">${t('kpiScorecard.person')}</label>
        <select
          id="kpi-profile-person"
          ?disabled=${saving}
          @change=${(event: Event) => {
            const personId = selectValue(event);
            this.set({ ...draft, personId, profileId: this.profileOf(personId) || draft.profileId, status: 'editing', error: undefined });
          }}
        >
          ${members.map((member) => html`<option value=${member.id} ?selected=${member.id === draft.personId}>${this.card.nameOf(member.id)}</option>`)}
        </select>
      </div>
      ${renderField(
        'kpi-profile-profile',
        t('kpiScorecard.profile.profile'),
        { error: draft.missingProfile && draft.profileId === '' ? t('validation.required') : undefined },
        (describedBy, invalid) => html`<select
          id="kpi-profile-profile"
          ?disabled=${saving}
          aria-invalid=${invalid}
          aria-describedby=${describedBy}
          @change=${(event: Event) => this.set({ ...draft, profileId: selectValue(event), status: 'editing', error: undefined })}
        >
          <option value="" ?selected=${draft.profileId === ''}>${t('kpiScorecard.profile.choose')}</option>
          ${profiles.map((option) => html`<option value=${option.id} ?selected=${option.id === draft.profileId}>${option.title}</option>`)}
        </select>`,
      )}
      ${profile ? this.renderTemplates(profile, draft.personId, weightsAfter) : nothing}
      ${renderSaveStatus(this.card, draft, {
        conflict: t('kpiScorecard.profile.conflict'),
        reloadLabel: t('action.retry'),
        reload: () => void this.apply(),
        retry: () => void this.apply(),
        reloaded: '',
      })}
      <div class="dialog-actions">
        <button type="button" class="button" @click=${() => this.close()} ?disabled=${saving}>${t('action.cancel')}</button>
        <button
          type="submit"
          class="button"
          data-variant="primary"
          aria-disabled=${saving ? 'true' : 'false'}
          aria-describedby=${weightsOff ? 'kpi-profile-weights' : nothing}
        >
          ${saving ? t('kpiScorecard.saving') : t('kpiScorecard.profile.apply')}
        </button>
      </div>
    </form>`;
  }

  /**
   * What the person's KPI weights add up to once the profile's templates
   * join the plan (those already in it from this profile stay as they are,
   * as the store keeps them).
   */
  private weightsAfter(profile: JobProfile, personId: Id): number {
    const plan = (this.card.data?.kpis ?? []).filter((kpi) => kpi.ownerId === personId && !kpi.archived);
    const kept = new Set(plan.filter((kpi) => kpi.source === 'jobProfile' && kpi.sourceId === profile.id).map((kpi) => kpi.name));
    const added = profile.kpiTemplates.filter((template) => !kept.has(template.name));
    return [...plan.map((kpi) => kpi.weight), ...added.map((template) => template.weight)].reduce((sum, weight) => sum + weight, 0);
  }

  /** What the plan will hold: each template's name, category, target and weight, and (`total`) weights that would not add up. */
  private renderTemplates(profile: JobProfile, personId: Id, total: number | undefined): TemplateResult {
    const { t, format } = this.card;
    return html`<div class="templates">
      <p class="hint">${t('kpiScorecard.profile.templates', { count: profile.kpiTemplates.length, formatted: format.number(profile.kpiTemplates.length, 0) })}</p>
      <ul>
        ${profile.kpiTemplates.map((template) => {
          return html`<li>
            <span>${template.name}</span>
            <span class="meta">
              ${categoryLabel(template.category, t)} ·
              ${t('kpiScorecard.profile.templateFigures', {
                target: formatKpiAmount(template.target, template.unit, format),
                weight: format.number(template.weight),
              })}
            </span>
          </li>`;
        })}
      </ul>
      ${total !== undefined
        ? html`<p class="hint weights-after" id="kpi-profile-weights">
            ${t('kpiScorecard.profile.weightsAfter', { name: this.card.nameOf(personId), total: format.number(total, 1) })}
          </p>`
        : nothing}
    </div>`;
  }
}
