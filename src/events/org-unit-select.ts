import type { Id, OrgUnit } from '../model/records.js';

/**
 * The person moved to another org unit (`<tandem-kpi-rollup>`'s drill-down
 * and breadcrumb). Cancelable: call `preventDefault()` to keep the widget
 * where it is, e.g. when the host drives `org-unit` from its router and will
 * set it itself.
 */
export class TandemOrgUnitSelectEvent extends Event {
  static readonly eventName = 'tandem-org-unit-select';

  constructor(
    readonly orgUnitId: Id,
    /** The unit as the widget read it, so a host can title its page without a second request. */
    readonly orgUnit: OrgUnit,
  ) {
    super(TandemOrgUnitSelectEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-org-unit-select': TandemOrgUnitSelectEvent;
  }
}
