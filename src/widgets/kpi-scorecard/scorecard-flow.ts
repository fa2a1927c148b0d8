/**
 * What the scorecard's action flows (edit, add from key results, apply a job
 * profile, the cycle's automatic KPIs) share: the access they get to the
 * scorecard, and a base controller. Each flow keeps its own state, asks the
 * scorecard to render when it changes, and renders its own dialog or bar, so
 * the element itself stays about the grid.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataAdapter } from '../../data/adapter.js';
import type { Formatter } from '../../i18n/format.js';
import type { Locale, Translator } from '../../i18n/locale.js';
import { canEditKpiPlan } from '../../model/permissions.js';
import type { Id, Person } from '../../model/records.js';
import type { KpiScorecardData } from './kpi-scorecard-data.js';

/** What a flow reads from and asks of the scorecard; the element implements it over its protected state. */
export interface ScorecardAccess {
  readonly adapter: DataAdapter | undefined;
  /** The signed-in person. */
  readonly person: Person | undefined;
  /** The data the scorecard shows now; `undefined` before the first load. */
  readonly data: KpiScorecardData | undefined;
  readonly t: Translator;
  readonly format: Formatter;
  readonly locale: Locale;
  /** A person's name in the current language. */
  nameOf(personId: Id): string;
  /** Moves the grid's tab stop to a KPI's row and focuses it (after its dialog closes). */
  focusKpi(kpiId: Id): Promise<void>;
  /** Focuses the control that opened a toolbar dialog, when no row is concerned. */
  focusToolbar(action: string): void;
  /** Loads the scorecard again. */
  reload(): void;
  /** Says something in the scorecard's live region (outcomes of actions without a dialog left open). */
  announce(message: string): void;
  /** Sends an event from the scorecard element. */
  dispatch(event: Event): void;
}

export abstract class ScorecardFlow implements ReactiveController {
  constructor(
    protected readonly host: ReactiveControllerHost & HTMLElement,
    protected readonly card: ScorecardAccess,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The dialog element this flow rendered, by its class. */
  protected dialog(className: string): HTMLDialogElement | null {
    const root = (this.host as HTMLElement & { renderRoot?: ParentNode }).renderRoot;
    return root?.querySelector<HTMLDialogElement>(`dialog.${className}`) ?? null;
  }

  /** Focuses a control of the flow's dialog once the host has rendered. */
  protected async focusControl(className: string, selector: string): Promise<void> {
    await this.host.updateComplete;
    this.dialog(className)?.querySelector<HTMLElement>(selector)?.focus();
  }
}

/** Members of the scope whose KPI plan the signed-in person may set (managers and HR; nobody their own). */
export function plannableMembers(card: Pick<ScorecardAccess, 'person' | 'data'>): Person[] {
  const { person, data } = card;
  if (!person || !data) return [];
  return data.members.filter((member) => canEditKpiPlan(person, member.id, data.directory).allowed);
}

/** Whether there is any such member: stops at the first, where the toolbar asks on every render of a team of 1,000. */
export function hasPlannableMember(card: Pick<ScorecardAccess, 'person' | 'data'>): boolean {
  const { person, data } = card;
  if (!person || !data) return false;
  return data.members.some((member) => canEditKpiPlan(person, member.id, data.directory).allowed);
}
