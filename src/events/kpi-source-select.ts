import type { Goal, Id, JobProfile, KeyResult, Kpi, KpiSource } from '../model/records.js';

/**
 * The person asked to go to where a KPI came from (its source in
 * `<tandem-kpi-scorecard>`): for a KPI born from a key result, that key
 * result and its goal, so a host can open the goal (e.g. in
 * `<tandem-goal-tree root="goal:…">`); for one from a job profile, the profile.
 * The records come as the widget read them, so a host needs no second request.
 */
export class TandemKpiSourceSelectEvent extends Event {
  static readonly eventName = 'tandem-kpi-source-select';

  /** The goal of a key-result source, when the widget could read it. */
  readonly goal: Goal | undefined;
  readonly keyResult: KeyResult | undefined;
  readonly jobProfile: JobProfile | undefined;

  constructor(
    readonly kpi: Kpi,
    readonly source: Exclude<KpiSource, 'manual'>,
    readonly sourceId: Id,
    related: { goal?: Goal | undefined; keyResult?: KeyResult | undefined; jobProfile?: JobProfile | undefined } = {},
  ) {
    super(TandemKpiSourceSelectEvent.eventName, { bubbles: true, composed: true });
    this.goal = related.goal;
    this.keyResult = related.keyResult;
    this.jobProfile = related.jobProfile;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-kpi-source-select': TandemKpiSourceSelectEvent;
  }
}
