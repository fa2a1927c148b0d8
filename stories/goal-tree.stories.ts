import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { DataAdapter } from '../src/data/adapter.js';
import { AbortedError, ForbiddenError, NetworkError } from '../src/data/errors.js';
import { LOCALES, type Locale } from '../src/i18n/locale.js';
import { defaultCycle } from '../src/model/cycles.js';
import type { GoalLevel } from '../src/model/records.js';
import '../src/widgets/goal-tree/goal-tree.js';
import { seededStore } from './support/seeded-store.js';
import { refusingAdapter, stalledAdapter, storyAdapter } from './support/story-adapter.js';

interface GoalTreeArgs {
  cycle?: string;
  root?: string;
  locale?: Locale;
  '--tandem-goal-tree-indent': string;
  '--tandem-goal-tree-max-height': string;
}

/** The seeded company, its check-ins read by `listCheckIns` instead (progress and pace follow the rows from them). */
async function withCheckIns(listCheckIns: DataAdapter['listCheckIns']): Promise<DataAdapter> {
  const store = await seededStore();
  return new Proxy(store, {
    get(target, key) {
      if (key === 'listCheckIns') return listCheckIns;
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The seeded company's ids are stable for seed 2026; the personas give the person and unit ids. */
async function personaRoot(persona: 'employee' | 'manager', kind: 'person' | 'org-unit'): Promise<string> {
  const store = await seededStore({ persona });
  const session = await store.getSession();
  return kind === 'person' ? `person:${session.person.id}` : `org-unit:${session.person.orgUnitId}`;
}

/** The seeded company and the cycle the tree shows when none is named. */
async function seededCycle() {
  const store = await seededStore();
  return { store, cycle: defaultCycle(await store.listCycles()) };
}

/** The seeded company and its first goal of `level` in that cycle. */
async function firstSeededGoal(level: GoalLevel) {
  const { store, cycle } = await seededCycle();
  const goals = cycle ? await store.listGoals({ cycleId: cycle.id, level }) : [];
  return { store, goal: goals[0] };
}

const meta = {
  title: 'Widgets/Goal tree',
  component: 'tandem-goal-tree',
  tags: ['autodocs'],
  parameters: { tandem: { adapter: () => seededStore() } },
  args: { '--tandem-goal-tree-indent': '', '--tandem-goal-tree-max-height': '' },
  argTypes: {
    cycle: { control: 'text' },
    root: { control: 'text', description: 'goal:<id>, org-unit:<id>, person:<id> or me' },
    locale: { control: 'inline-radio', options: LOCALES },
    '--tandem-goal-tree-indent': { control: 'text' },
    '--tandem-goal-tree-max-height': { control: 'text' },
  },
  render: (args) => html`<tandem-goal-tree
    cycle=${ifDefined(args.cycle || undefined)}
    root=${ifDefined(args.root || undefined)}
    locale=${ifDefined(args.locale)}
    style=${styleMap({
      '--tandem-goal-tree-indent': args['--tandem-goal-tree-indent'] || undefined,
      '--tandem-goal-tree-max-height': args['--tandem-goal-tree-max-height'] || undefined,
    })}
  ></tandem-goal-tree>`,
} satisfies Meta<GoalTreeArgs>;

export default meta;
type Story = StoryObj<GoalTreeArgs>;

/** The generated demo company's active cycle as HR sees it: strategy pillars, then the cascade. */
export const Playground: Story = {};

/**
 * Parts: `toolbar` (search and filters), `tree` (role `tree`), `row` (a
 * pillar, goal or key result), `match` (a search match) and `state`. Indent
 * per level: `--tandem-goal-tree-indent`; give the tree its own scroll area
 * with `--tandem-goal-tree-max-height`.
 */
export const Anatomy: Story = {
  args: { '--tandem-goal-tree-indent': '2.5rem', '--tandem-goal-tree-max-height': '28rem' },
  render: (args) => html`<style>
      .anatomy::part(toolbar) {
        outline: 2px dashed #d9480f;
      }
      .anatomy::part(match) {
        background: #ffd8a8;
      }
    </style>
    <tandem-goal-tree
      class="anatomy"
      style=${styleMap({
        '--tandem-goal-tree-indent': args['--tandem-goal-tree-indent'],
        '--tandem-goal-tree-max-height': args['--tandem-goal-tree-max-height'],
      })}
    ></tandem-goal-tree>`,
};

/** `root="me"`: the signed-in employee's goals with their department's and the company's above them. */
export const MyGoals: Story = {
  name: 'Options: my goals (root="me")',
  args: { root: 'me' },
  parameters: { tandem: { adapter: () => seededStore({ persona: 'employee' }) } },
};

/** `root="person:<id>"`: the same for any person the session may see. */
export const PersonRoot: Story = {
  name: 'Options: a person (root="person:…")',
  parameters: { tandem: { adapter: () => seededStore({ persona: 'employee' }) } },
  loaders: [async () => ({ root: await personaRoot('employee', 'person') })],
  render: (_args, { loaded }) => html`<tandem-goal-tree root=${loaded['root'] as string}></tandem-goal-tree>`,
};

/** `root="org-unit:<id>"`: a manager's unit and the teams below it, without the pillar level. */
export const TeamRoot: Story = {
  name: 'Options: a team (root="org-unit:…")',
  parameters: { tandem: { adapter: () => seededStore({ persona: 'manager' }) } },
  loaders: [async () => ({ root: await personaRoot('manager', 'org-unit') })],
  render: (_args, { loaded }) => html`<tandem-goal-tree root=${loaded['root'] as string}></tandem-goal-tree>`,
};

/** `root="goal:<id>"`: one goal and everything cascading below it. */
export const GoalRoot: Story = {
  name: 'Options: one goal (root="goal:…")',
  loaders: [
    async () => {
      const { goal } = await firstSeededGoal('company');
      return { root: goal ? `goal:${goal.id}` : '' };
    },
  ],
  render: (_args, { loaded }) => html`<tandem-goal-tree root=${loaded['root'] as string}></tandem-goal-tree>`,
};

/**
 * `openRows`: the page says which rows are open (e.g. those the person had
 * open last time, kept from `tandem-goal-toggle`), in place of the tree's
 * own choice. Here: the first pillar, its first company goal and that goal's
 * departments, the other pillars closed.
 */
export const OpenRows: Story = {
  name: 'Options: rows opened by the page (openRows)',
  loaders: [
    async () => {
      const { store, cycle } = await seededCycle();
      if (!cycle) return { openRows: [] };
      const goals = await store.listGoals({ cycleId: cycle.id });
      const strategies = await store.listStrategies(cycle.id);
      const pillar = strategies[0];
      const company = goals.find((goal) => goal.level === 'company' && pillar !== undefined && goal.strategyIds.includes(pillar.id));
      const departments = goals.filter((goal) => company !== undefined && goal.parentId === company.id);
      const openRows = [
        ...(pillar ? [`strategy:${pillar.id}`] : []),
        ...(company ? [`goal:${company.id}`] : []),
        ...departments.map((goal) => `goal:${goal.id}`),
      ];
      return { openRows };
    },
  ],
  render: (_args, { loaded }) => html`<tandem-goal-tree .openRows=${loaded['openRows'] as string[]}></tandem-goal-tree>`,
};

/**
 * `revealRow(key)`: a page links to a goal or key result (here, the first
 * key result of an individual goal); the tree opens the rows above it,
 * scrolls to it and focuses it.
 */
export const RevealRow: Story = {
  name: 'Options: a row shown by the page (revealRow)',
  loaders: [
    async () => {
      const { store, goal } = await firstSeededGoal('individual');
      const keyResults = goal ? await store.listKeyResults({ goalId: goal.id }) : [];
      return { key: keyResults[0] ? `keyResult:${keyResults[0].id}` : '' };
    },
  ],
  render: (_args, { loaded }) => html`<tandem-goal-tree
    style="--tandem-goal-tree-max-height: 30rem"
    data-reveal=${loaded['key'] as string}
  ></tandem-goal-tree>`,
  play: async ({ canvasElement }) => {
    const tree = canvasElement.querySelector('tandem-goal-tree');
    if (tree?.dataset['reveal']) await tree.revealRow(tree.dataset['reveal']);
  },
};

/** Search and filters: type in the search box, or pick a status, level or owner; matches keep their ancestors. */
export const Filters: Story = {
  name: 'Options: search and filters',
  play: async ({ canvasElement }) => {
    const tree = canvasElement.querySelector('tandem-goal-tree');
    for (let tries = 0; tries < 100 && !tree?.shadowRoot?.querySelector('input[type=search]'); tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const input = tree?.shadowRoot?.querySelector<HTMLInputElement>('input[type=search]');
    if (!input) return;
    input.value = 'App';
    input.dispatchEvent(new Event('input'));
  },
};

/**
 * Check in on a key result as the employee: focus one of your key results and
 * press `C`, or use its Check in button. The dialog takes the value (in the
 * key result's unit), confidence, a note and blockers; the row shows the new
 * value at once and `tandem-check-in` fires once the store has it. Only key
 * results of approved goals you own (or whose owner you manage) offer it.
 */
export const CheckIn: Story = {
  name: 'Check in',
  args: { root: 'me' },
  parameters: { tandem: { adapter: () => seededStore({ persona: 'employee' }) } },
};

/**
 * The manager's team with their reports' goals waiting for approval. Filter
 * by "Pending approval", then on a pending goal press `A` (or its Decide
 * button) to approve or reject with a comment (required to reject), or mark
 * several with `X` (or their checkboxes) and approve them at once from the
 * bar above the tree. `tandem-goal-change` fires once the store has each
 * decision.
 */
export const ManagerApprovals: Story = {
  name: 'Manager with pending approvals',
  parameters: { tandem: { adapter: () => seededStore({ persona: 'manager' }) } },
  loaders: [async () => ({ root: await personaRoot('manager', 'org-unit') })],
  render: (_args, { loaded }) => html`<tandem-goal-tree root=${loaded['root'] as string}></tandem-goal-tree>`,
};

/**
 * Creating and editing. On any goal, `Shift+F10` (or the row's ⋯ button)
 * opens its menu: add a child goal, add a key result, edit, adjust, history.
 * Forms list the siblings' weights, which must sum to 100 ("Share equally"
 * splits what is left). Before approval a goal and its key results are
 * edited freely (`E`); this story opens the menu on the employee's draft.
 */
export const CreateAndEdit: Story = {
  name: 'Create and edit (employee)',
  parameters: { tandem: { adapter: () => seededStore({ persona: 'employee' }) } },
  loaders: [
    async () => {
      const store = await seededStore({ persona: 'employee' });
      const session = await store.getSession();
      const [parent] = await store.listGoals({ ownerId: session.person.id, status: 'approved' });
      const existing = (await store.listGoals({ parentId: parent!.id })).find((goal) => goal.status === 'draft');
      const draft =
        existing ?? (await store.createGoal({ cycleId: parent!.cycleId, level: 'individual', parentId: parent!.id, title: '编写值班手册 · Write the on-call handbook', weight: 100 }));
      return { root: `goal:${parent!.id}`, draftKey: `goal:${draft.id}` };
    },
  ],
  render: (_args, { loaded }) => html`<tandem-goal-tree root=${loaded['root'] as string}></tandem-goal-tree>`,
  play: async ({ canvasElement, loaded }) => {
    const tree = canvasElement.querySelector('tandem-goal-tree')!;
    const key = loaded['draftKey'] as string;
    const started = performance.now();
    let row: HTMLElement | null = null;
    while (!row && performance.now() - started < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      row = tree.shadowRoot?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) ?? null;
    }
    row?.focus();
    row?.dispatchEvent(new KeyboardEvent('keydown', { key: 'F10', shiftKey: true, bubbles: true, composed: true, cancelable: true }));
  },
};

/**
 * A manager adjusts an approved goal of their team mid-cycle: on the goal,
 * press `E` (or "Adjust…" in its menu). The reason is required; the dialog
 * previews what the adjustment records and lists the goal's earlier
 * adjustments. KPIs that follow its key results take the new targets.
 */
export const ManagerAdjusts: Story = {
  name: 'Manager adjusts a goal',
  parameters: { tandem: { adapter: () => seededStore({ persona: 'manager' }) } },
  loaders: [
    async () => {
      const store = await seededStore({ persona: 'manager' });
      const session = await store.getSession();
      const [report] = await store.listReports(session.person.id);
      const [goal] = await store.listGoals({ ownerId: report!.id, status: 'approved' });
      return { root: `goal:${goal!.id}` };
    },
  ],
  render: (_args, { loaded }) => html`<tandem-goal-tree root=${loaded['root'] as string}></tandem-goal-tree>`,
};

export const Loading: Story = {
  parameters: { tandem: { adapter: () => stalledAdapter(['listCycles']) } },
};

export const Empty: Story = {
  parameters: {
    tandem: {
      adapter: () =>
        storyAdapter({
          listCycles: () =>
            Promise.resolve([
              { id: 'c', version: 1, updatedAt: '', name: '2026 Q4', start: '2026-10-01', end: '2026-12-31', status: 'active', autoKpiFromKeyResults: false },
            ]),
          listGoals: () => Promise.resolve([]),
          listCheckIns: () => Promise.resolve([]),
          listStrategies: () => Promise.resolve([]),
        }),
    },
  },
};

/** The server could not be reached: the message says so, and Try again reloads. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: { tandem: { adapter: () => refusingAdapter(() => new NetworkError('offline'), ['listCycles']) } },
};

/**
 * The rows are on screen; progress, pace and confidence are still being
 * worked out (held still here). The bars pulse and read "calculating", and
 * the summary line says what is going on.
 */
export const FiguresPending: Story = {
  name: 'Progress being worked out',
  parameters: {
    tandem: {
      adapter: () =>
        withCheckIns((_query, options) => new Promise((_resolve, reject) => options?.signal?.addEventListener('abort', () => reject(new AbortedError())))),
    },
  },
};

/** The check-ins could not be read: the rows stay usable, the reason shows above them, and Try again works them out again. */
export const FiguresFailed: Story = {
  name: 'Progress could not be worked out',
  parameters: { tandem: { adapter: () => withCheckIns(() => Promise.reject(new NetworkError('timeout'))) } },
};

export const Forbidden: Story = {
  parameters: { tandem: { adapter: () => refusingAdapter(() => new ForbiddenError('goal.view'), ['listCycles']) } },
};

/**
 * A company of about 10,000 goals and 30,000 key results, generated in memory
 * when the story opens (a few seconds). Open a pillar, press `*`, then End:
 * only the rows in view are in the DOM.
 */
export const LargeData: Story = {
  name: 'Large data (10,000 goals)',
  args: { '--tandem-goal-tree-max-height': '36rem' },
  parameters: { tandem: { adapter: () => seededStore({ goals: 10000 }) } },
};

/**
 * A WAI-ARIA tree view: `role="tree"` with a label naming the cycle; every row
 * a `treeitem` with `aria-level`, `aria-setsize` and `aria-posinset` (most rows
 * are not in the DOM), `aria-expanded` on rows that open and `aria-selected`
 * on goals and key results. One row is tabbable (roving tabindex); ↑ ↓ ← →,
 * Home, End, Enter, Space, `*` and type-ahead follow the APG. Titles render as
 * text, search matches as `<mark>`. Checked with axe in every state in the tests.
 */
export const Accessibility: Story = {};
