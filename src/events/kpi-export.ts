/**
 * `<tandem-kpi-scorecard>` is about to download the KPIs it shows as CSV.
 * Cancelable: a host that stores or sends the file itself calls
 * `preventDefault()` and uses `csv` (UTF-8 text with a byte-order mark, CRLF
 * line ends, cells that a spreadsheet would run as formulas neutralised) and
 * `filename`.
 */
export class TandemKpiExportEvent extends Event {
  static readonly eventName = 'tandem-kpi-export';

  constructor(
    readonly csv: string,
    readonly filename: string,
  ) {
    super(TandemKpiExportEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tandem-kpi-export': TandemKpiExportEvent;
  }
}
