/**
 * Loaded in an iframe by csp.test.ts: renders the kit's widgets on seeded
 * data under a strict Content-Security-Policy with Trusted Types required,
 * then reports every policy violation to the test.
 */
import '../../src/index.js';
import { openMemoryStore } from '../../src/data/index.js';

export interface CspReport {
  type: 'tandem-csp-report';
  violations: string[];
  trustedTypesEnforced: boolean;
  renderedRows: number;
  error?: string;
}

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  const target = event.target instanceof Element ? `<${event.target.localName} class="${event.target.className}">` : '';
  violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample} ${target}`.trim());
});

function trustedTypesEnforced(): boolean {
  try {
    document.createElement('div').innerHTML = '<b>not allowed</b>';
    return false;
  } catch {
    return true;
  }
}

async function waitFor<T>(read: () => T | null | undefined, timeoutMs = 10000, what = 'the widget'): Promise<T> {
  const started = performance.now();
  for (;;) {
    const value = read();
    if (value) return value;
    if (performance.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function run(): Promise<CspReport> {
  const store = await openMemoryStore({ name: 'csp-page' });
  await store.seed({ seed: 11 });
  const provider = document.createElement('tandem-provider');
  provider.adapter = store;
  provider.theme = 'dark';
  const overview = document.createElement('tandem-org-overview');
  const chip = document.createElement('tandem-person-chip');
  const personas = await store.personas();
  if (personas) {
    chip.setAttribute('person-id', personas.manager);
    await store.signIn(personas.manager);
  }
  const tree = document.createElement('tandem-goal-tree');
  tree.setAttribute('root', 'me');
  const rollUp = document.createElement('tandem-kpi-rollup');
  // The tree first: a virtualized list renders rows only where the page shows them.
  provider.append(tree, overview, chip, rollUp);
  document.body.append(provider);
  const rows = await waitFor(() => overview.shadowRoot?.querySelectorAll('tbody tr').length);
  await waitFor(() => chip.shadowRoot?.querySelector('[part=title]'));
  await waitFor(() => tree.shadowRoot?.querySelector('[role=treeitem]'), 8000, 'goal tree rows');
  await waitFor(() => rollUp.shadowRoot?.querySelector('table'), 4000, 'roll-up tables');
  return { type: 'tandem-csp-report', violations, trustedTypesEnforced: trustedTypesEnforced(), renderedRows: rows };
}

run()
  .catch((error: unknown): CspReport => ({
    type: 'tandem-csp-report',
    violations,
    trustedTypesEnforced: trustedTypesEnforced(),
    renderedRows: 0,
    error: String(error),
  }))
  .then((report) => parent.postMessage(report, location.origin));
