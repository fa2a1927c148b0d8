import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { ForbiddenError, NetworkError } from '../src/data/errors.js';
import { LOCALES, type Locale } from '../src/i18n/locale.js';
import '../src/widgets/kpi-scorecard/kpi-scorecard.js';
import { companyScope, personaScope, scorecardAdapter } from './support/kpi-scorecard.js';
import { seededStore } from './support/seeded-store.js';

interface KpiScorecardArgs {
  scope?: string;
  cycle?: string;
  columns?: string;
  locale?: Locale;
  '--tandem-kpi-scorecard-max-height': string;
  '--tandem-kpi-scorecard-row-height': string;
}

/** The story's own scope, when a loader worked it out from the seeded company. */
const loadedScope = (loaded: Record<string, unknown>, fallback: string | undefined) => (loaded['scope'] as string | undefined) ?? fallback;

const meta = {
  title: 'Widgets/KPI scorecard',
  component: 'tandem-kpi-scorecard',
  tags: ['autodocs'],
  parameters: { tandem: { adapter: () => seededStore({ persona: 'manager' }) } },
  args: { scope: 'team', '--tandem-kpi-scorecard-max-height': '', '--tandem-kpi-scorecard-row-height': '' },
  argTypes: {
    scope: { control: 'text', description: 'me, team, person:<id> or org-unit:<id>' },
    cycle: { control: 'text' },
    columns: { control: 'text', description: 'Columns to show, e.g. "name owner actual status"; unset: all' },
    locale: { control: 'inline-radio', options: LOCALES },
    '--tandem-kpi-scorecard-max-height': { control: 'text' },
    '--tandem-kpi-scorecard-row-height': { control: 'text' },
  },
  render: (args, { loaded }) => html`<tandem-kpi-scorecard
    scope=${ifDefined(loadedScope(loaded, args.scope) || undefined)}
    cycle=${ifDefined(args.cycle || undefined)}
    columns=${ifDefined(args.columns || undefined)}
    locale=${ifDefined(args.locale)}
    style=${styleMap({
      '--tandem-kpi-scorecard-max-height': args['--tandem-kpi-scorecard-max-height'] || undefined,
      '--tandem-kpi-scorecard-row-height': args['--tandem-kpi-scorecard-row-height'] || undefined,
    })}
  ></tandem-kpi-scorecard>`,
} satisfies Meta<KpiScorecardArgs>;

export default meta;
type Story = StoryObj<KpiScorecardArgs>;

/**
 * The demo company's manager (李明) and the people who report to them, in the
 * active cycle. Sort by any column (click a header, or Enter on it; again to
 * reverse), open a KPI's history from its name, edit an actual or a target
 * (a new target asks why), add KPIs from key results, apply a job profile,
 * export what is shown as CSV.
 */
export const Playground: Story = {};

/**
 * Parts: `toolbar`, `summary`, `grid`, `row`, `status` (a badge), `sparkline`
 * (a row's SVG), `detail` (a history panel), `cycle-setting` (HR only),
 * `state` and `dialog`. The sparkline's colours are
 * `--tandem-kpi-scorecard-sparkline-color` and `--tandem-kpi-scorecard-target-color`;
 * rows are `--tandem-kpi-scorecard-row-height` high, and the grid scrolls
 * inside the widget past `--tandem-kpi-scorecard-max-height`.
 */
export const Anatomy: Story = {
  args: { '--tandem-kpi-scorecard-max-height': '24rem' },
  render: (args) => html`<style>
      .anatomy::part(toolbar),
      .anatomy::part(summary) {
        outline: 2px dashed #d9480f;
      }
      .anatomy {
        --tandem-kpi-scorecard-sparkline-color: #7048e8;
        --tandem-kpi-scorecard-target-color: #d9480f;
      }
    </style>
    <tandem-kpi-scorecard
      class="anatomy"
      scope="team"
      style=${styleMap({ '--tandem-kpi-scorecard-max-height': args['--tandem-kpi-scorecard-max-height'] })}
    ></tandem-kpi-scorecard>`,
};

/**
 * `scope="me"` for the employee 王芳: her KPIs with her weighted score and
 * status counts. She records actuals of her own KPIs (not of those that
 * follow a key result: check-ins move those); her plan — targets and
 * weights — is her manager's to set, so she has no plan actions.
 */
export const Person: Story = {
  name: 'Person (scope="me")',
  args: { scope: 'me' },
  parameters: { tandem: { adapter: () => seededStore({ persona: 'employee' }) } },
};

/**
 * `scope="person:<id>"`: the manager looking at one report. Everything is
 * editable here; a new target asks for its reason, which the KPI's history
 * keeps (open the KPI's name to see it).
 */
export const PersonForManager: Story = {
  name: 'Person, as their manager (scope="person:…")',
  loaders: [async () => ({ scope: await personaScope('employee', 'person') })],
};

/** `scope="team"`: everyone who reports to the manager, directly or further down, with an owner column. */
export const Team: Story = {
  name: 'Team (scope="team")',
  args: { scope: 'team' },
};

/**
 * `scope="org-unit:<id>"`: a unit and the units below it, as HR sees it. HR
 * also gets the cycle's switch that turns approved key results into KPIs
 * automatically (turning it on converts the goals approved already).
 */
export const OrgUnit: Story = {
  name: 'Org unit, as HR (scope="org-unit:…")',
  parameters: { tandem: { adapter: () => seededStore({ persona: 'hr' }) } },
  loaders: [async () => ({ scope: await personaScope('manager', 'org-unit') })],
};

/** Fewer columns for a narrow slot (`columns="name actual completion status"`). */
export const Columns: Story = {
  name: 'Options: columns',
  args: { scope: 'team', columns: 'name owner actual completion status' },
};

/** A new team without KPIs yet: the empty state says where KPIs come from and offers the manager the actions that make them. */
export const Empty: Story = {
  parameters: { tandem: { adapter: () => scorecardAdapter() } },
};

export const Loading: Story = {
  parameters: { tandem: { adapter: () => scorecardAdapter({ listCycles: () => new Promise(() => {}) }) } },
};

/** The server could not be reached: the message says so, and Try again reloads. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: { tandem: { adapter: () => scorecardAdapter({ listKpis: () => Promise.reject(new NetworkError('offline')) }) } },
};

/** A person whose KPIs the session may not see: the rule's reason is given. */
export const Forbidden: Story = {
  parameters: { tandem: { adapter: () => scorecardAdapter({ listKpis: () => Promise.reject(new ForbiddenError('kpi.view', { key: 'permission.kpiPrivate' })) }) } },
};

/**
 * The whole of a company of about 4,000 goals — some 5,000 KPIs in the
 * active cycle — generated in memory when the story opens (a few seconds).
 * Sort a column, then Ctrl+End: only the rows in view are in the DOM.
 */
export const LargeData: Story = {
  name: 'Large data (5,000 KPIs)',
  args: { '--tandem-kpi-scorecard-max-height': '36rem' },
  parameters: { tandem: { adapter: () => seededStore({ persona: 'hr', goals: 4000 }) } },
  loaders: [async () => ({ scope: await companyScope(4000) })],
};

/** The team in Chinese: headers, statuses, trends and forecasts from the catalog; numbers and dates through Intl. */
export const Chinese: Story = {
  name: 'zh-CN',
  globals: { locale: 'zh-CN' },
};

/** The team in the dark theme: badges, bars and sparklines follow the tokens. */
export const Dark: Story = {
  globals: { theme: 'dark' },
};

/**
 * A WAI-ARIA data grid: `role="grid"` named for the scope and cycle, with
 * `aria-rowcount` and each row's `aria-rowindex` (most rows are not in the
 * DOM), sortable column headers with `aria-sort`, and one tab stop that the
 * arrow keys, Home/End (Ctrl for the grid's corners) and PageUp/PageDown
 * move. Status is a word, not only a colour; each sparkline is hidden from
 * screen readers and its trend said in words ("Rising from 40% to 62%");
 * the forecast is one sentence. Checked with axe in every state in the tests.
 */
export const Accessibility: Story = {};
