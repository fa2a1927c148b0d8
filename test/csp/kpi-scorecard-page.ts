/**
 * Loaded in an iframe by kpi-scorecard-csp.test.ts: the KPI scorecard on
 * seeded data under the demo's strict Content-Security-Policy with Trusted
 * Types required — grid column tracks, completion bars, sparklines, an open
 * history panel and the edit dialog — reporting every policy violation.
 */
import '../../src/context/provider.js';
import '../../src/widgets/kpi-scorecard/kpi-scorecard.js';
import { openMemoryStore } from '../../src/data/index.js';

export interface ScorecardCspReport {
  type: 'tandem-kpi-scorecard-csp-report';
  violations: string[];
  trustedTypesEnforced: boolean;
  renderedRows: number;
  sparklines: number;
  dialogOpen: boolean;
  error?: string;
}

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`.trim());
});

function trustedTypesEnforced(): boolean {
  try {
    document.createElement('div').innerHTML = '<b>not allowed</b>';
    return false;
  } catch {
    return true;
  }
}

async function waitFor<T>(read: () => T | null | undefined, what: string, timeoutMs = 10000): Promise<T> {
  const started = performance.now();
  for (;;) {
    const value = read();
    if (value) return value;
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function run(): Promise<ScorecardCspReport> {
  const store = await openMemoryStore({ name: 'kpi-scorecard-csp-page' });
  const info = await store.seed({ seed: 11 });
  await store.signIn(info.personas.manager);
  const provider = document.createElement('tandem-provider');
  provider.adapter = store;
  provider.theme = 'dark';
  const card = document.createElement('tandem-kpi-scorecard');
  card.setAttribute('scope', 'team');
  provider.append(card);
  document.body.append(provider);
  const root = await waitFor(() => card.shadowRoot, 'the shadow root');
  const rows = await waitFor(() => root.querySelectorAll('[role=row][data-kpi]').length, 'KPI rows');
  root.querySelector<HTMLButtonElement>('[data-kpi] [data-column=name] button')?.click();
  await waitFor(() => root.querySelector('.detail'), 'the history panel');
  root.querySelector<HTMLButtonElement>('[data-kpi] [data-column=actions] button')?.click();
  const dialogOpen = await waitFor(() => root.querySelector<HTMLDialogElement>('dialog.kpi-edit')?.open, 'the edit dialog');
  return {
    type: 'tandem-kpi-scorecard-csp-report',
    violations,
    trustedTypesEnforced: trustedTypesEnforced(),
    renderedRows: rows,
    sparklines: root.querySelectorAll('svg.sparkline path[d]').length,
    dialogOpen,
  };
}

run()
  .catch((error: unknown): ScorecardCspReport => ({
    type: 'tandem-kpi-scorecard-csp-report',
    violations,
    trustedTypesEnforced: trustedTypesEnforced(),
    renderedRows: 0,
    sparklines: 0,
    dialogOpen: false,
    error: String(error),
  }))
  .then((report) => parent.postMessage(report, location.origin));
