import type { Kpi } from '../model/records.js';

/**
 * What a {@link TandemKpiChangeEvent} reports: a new actual was recorded,
 * the plan changed (target or weight; the actual may have changed in the
 * same save), or the KPI was created (from a key result or a job profile).
 */
export const KPI_CHANGE_KINDS = ['actual', 'plan', 'created'] as const;
export type KpiChangeKind = (typeof KPI_CHANGE_KINDS)[number];

/**
 * A KPI changed through `<tandem-kpi-scorecard>`. Fired after the adapter
 * stored it, with the KPI as stored (its new values and version); creating
 * several at once (a job profile) fires one per KPI.
 */
export class TandemKpiChangeEvent extends Event {
  static readonly eventName = 'tandem-kpi-change';

  constructor(
    readonly kpi: Kpi,
    readonly change: KpiChangeKind,
  ) {
    super(TandemKpiChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-kpi-change': TandemKpiChangeEvent;
  }
}
