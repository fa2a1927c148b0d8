import { aTimeout, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/widgets/kpi-scorecard/kpi-scorecard.js';
import type { DataAdapter } from '../../src/data/adapter.js';
import type { SeedPersonas } from '../../src/data/index.js';
import type { Id } from '../../src/model/records.js';
import type { KpiScorecardColumn } from '../../src/widgets/kpi-scorecard/kpi-columns.js';
import type { TandemKpiScorecard } from '../../src/widgets/kpi-scorecard/kpi-scorecard.js';
import { seededMemoryStore, withMethods } from './seeded-memory-store.js';

/** The seeded company's "today": the seed and the widget measure from the same instant. */
export const NOW = new Date('2026-11-23T09:00:00.000Z');

export { withMethods };

/** A fresh seeded company per test that writes, signed in as a persona. */
export function seededStore(persona: keyof SeedPersonas): ReturnType<typeof seededMemoryStore> {
  return seededMemoryStore(persona, { name: 'kpi-scorecard', now: NOW });
}

export const shadow = (el: Element) => el.shadowRoot!;
export const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** KPI rows in the DOM (virtualized: only those in view). */
export const kpiRows = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('[role=row][data-kpi]')];
export const rowOf = (el: Element, kpiId: Id) => shadow(el).querySelector<HTMLElement>(`[role=row][data-kpi="${kpiId}"]`);
export const cellOf = (row: Element | null, column: KpiScorecardColumn) => row?.querySelector<HTMLElement>(`[data-column="${column}"]`) ?? null;
export const headerOf = (el: Element, column: KpiScorecardColumn) => shadow(el).querySelector<HTMLElement>(`[role=columnheader][data-column="${column}"]`)!;
export const sortButton = (el: Element, column: KpiScorecardColumn) => headerOf(el, column).querySelector<HTMLButtonElement>('button')!;
export const activeInShadow = (el: Element) => shadow(el).activeElement;
export const dialogOf = (el: Element, name: string) => shadow(el).querySelector<HTMLDialogElement>(`dialog.${name}`)!;
export const toolbarButton = (el: Element, action: string) => shadow(el).querySelector<HTMLButtonElement>(`.toolbar [data-action="${action}"]`);

export interface RenderOptions {
  locale?: string;
  /** Wide enough for every column by default: narrower widgets give some up (see `fitColumns`). */
  width?: string;
  columns?: string;
}

/** Renders the scorecard and waits until it shows rows or a designed state. */
export async function renderCard(adapter: DataAdapter, scope: string, options: RenderOptions = {}): Promise<TandemKpiScorecard> {
  const el = await fixture<TandemKpiScorecard>(html`<tandem-kpi-scorecard
    .adapter=${adapter}
    .now=${NOW}
    scope=${scope}
    locale=${options.locale ?? 'en'}
    columns=${options.columns ?? ''}
  ></tandem-kpi-scorecard>`);
  el.style.width = options.width ?? '1800px';
  await waitUntil(() => kpiRows(el).length > 0 || shadow(el).querySelector('.state:not([data-state=loading])'), 'rows or a state', { timeout: 15_000 });
  await settled(el);
  return el;
}

/** Lets the virtualizer lay out and the element settle. */
export async function settled(el: TandemKpiScorecard): Promise<void> {
  await el.updateComplete;
  await aTimeout(60);
  await el.updateComplete;
}

/** Types into a dialog field as a person would: input events while typing, change when leaving. */
export async function type(el: TandemKpiScorecard, selector: string, value: string): Promise<void> {
  const input = shadow(el).querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/**
 * Fails unless `target` has focus inside the scorecard. Not chai's `equal`
 * on elements: formatting a failing comparison walks the element's
 * properties down into the store it holds, which can take minutes.
 */
export function expectFocus(el: Element, target: Element | null | undefined, message = 'focus'): void {
  const active = shadow(el).activeElement;
  if (target && active === target) return;
  const describe = (node: Element | null | undefined) => (node ? node.outerHTML.slice(0, 160) : String(node));
  throw new Error(`${message}: expected focus on ${describe(target)}, found it on ${describe(active)} (document: ${document.activeElement?.tagName})`);
}
