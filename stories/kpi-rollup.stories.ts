import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { ForbiddenError, NetworkError } from '../src/data/errors.js';
import type { TandemOrgUnitSelectEvent } from '../src/events/org-unit-select.js';
import type { TandemPersonSelectEvent } from '../src/events/person-select.js';
import { LOCALES, type Locale } from '../src/i18n/locale.js';
import type { Cycle, OrgUnit } from '../src/model/records.js';
import '../src/widgets/kpi-rollup/kpi-rollup.js';
import { SESSION } from './support/people.js';
import { seededStore } from './support/seeded-store.js';
import { refusingAdapter, stalledAdapter, storyAdapter } from './support/story-adapter.js';

interface KpiRollupArgs {
  'org-unit'?: string;
  cycle?: string;
  worst?: number;
  locale?: Locale;
  '--tandem-kpi-rollup-chart-height': string;
}

/** What the roll-up reads first, in parallel. */
const ROLLUP_READS = ['listCycles', 'listOrgUnits', 'getSession'] as const;

const stamp = { version: 1, updatedAt: '2026-10-01T00:00:00.000Z' };
const CYCLE: Cycle = { ...stamp, id: 'c', name: '2026 Q4', start: '2026-10-01', end: '2026-12-31', status: 'active', autoKpiFromKeyResults: false };
const UNITS: OrgUnit[] = [
  { ...stamp, id: 'co', name: '澜星科技', kind: 'company', parentId: null, leaderId: null },
  { ...stamp, id: 'new-team', name: '新能源项目组', kind: 'team', parentId: 'co', leaderId: null },
];

const meta = {
  title: 'Widgets/KPI roll-up',
  component: 'tandem-kpi-rollup',
  tags: ['autodocs'],
  parameters: { tandem: { adapter: () => seededStore() } },
  args: { '--tandem-kpi-rollup-chart-height': '' },
  argTypes: {
    'org-unit': { control: 'text', description: 'An org unit id, e.g. ou-002; unset: the signed-in person’s' },
    cycle: { control: 'text' },
    worst: { control: { type: 'number', min: 0, max: 50 } },
    locale: { control: 'inline-radio', options: LOCALES },
    '--tandem-kpi-rollup-chart-height': { control: 'text' },
  },
  render: (args) => html`<tandem-kpi-rollup
    org-unit=${ifDefined(args['org-unit'] || undefined)}
    cycle=${ifDefined(args.cycle || undefined)}
    worst=${ifDefined(args.worst)}
    locale=${ifDefined(args.locale)}
    style=${styleMap({ '--tandem-kpi-rollup-chart-height': args['--tandem-kpi-rollup-chart-height'] || undefined })}
  ></tandem-kpi-rollup>`,
} satisfies Meta<KpiRollupArgs>;

export default meta;
type Story = StoryObj<KpiRollupArgs>;

/**
 * The generated demo company (澜星科技, about 60 people) as HR sees it in the
 * active cycle: the whole company, each department one level down, and the
 * KPIs furthest from target. Select a department to drill in; the breadcrumb
 * climbs back.
 */
export const Playground: Story = {};

/**
 * Parts: `breadcrumb`, `stats` (the headline figures), `distribution` (the
 * status bars, now and forecast), `chart` (the completion spread), `table`
 * (each table) and `state`. The status colours are
 * `--tandem-kpi-rollup-healthy-color`, `-watch-color` and `-unhealthy-color`;
 * the chart's height is `--tandem-kpi-rollup-chart-height`.
 */
export const Anatomy: Story = {
  args: { 'org-unit': 'ou-002', '--tandem-kpi-rollup-chart-height': '12rem' },
  render: (args) => html`<style>
      .anatomy::part(breadcrumb),
      .anatomy::part(stats) {
        outline: 2px dashed #d9480f;
      }
      .anatomy::part(distribution),
      .anatomy::part(chart) {
        outline: 2px dashed #2352c4;
      }
      .anatomy {
        --tandem-kpi-rollup-healthy-color: #1864ab;
        --tandem-kpi-rollup-watch-color: #e8590c;
      }
    </style>
    <tandem-kpi-rollup
      class="anatomy"
      org-unit=${ifDefined(args['org-unit'])}
      style=${styleMap({ '--tandem-kpi-rollup-chart-height': args['--tandem-kpi-rollup-chart-height'] })}
    ></tandem-kpi-rollup>`,
};

/** `org-unit` opens one department (产品与研发中心): its teams one level down, and the department head, who sits in the department itself. */
export const Department: Story = {
  name: 'Options: a department (drilled into)',
  args: { 'org-unit': 'ou-002' },
};

/**
 * 李明, who leads 智能硬件组, opens on his team: with no units below it, the
 * roll-up lists his people. He sees only his team's KPIs, and the widget
 * says the figures are the ones he may see.
 */
export const TeamLead: Story = {
  name: 'Options: a team lead’s Monday',
  parameters: { tandem: { adapter: () => seededStore({ persona: 'manager' }) } },
};

/** `cycle` pins a cycle: the closed previous quarter, where completion is final. */
export const PreviousCycle: Story = {
  name: 'Options: previous cycle',
  args: { cycle: 'c-01' },
};

/** `worst` sets how many of the KPIs furthest from target are listed (never healthy ones). */
export const FewerWorst: Story = {
  name: 'Options: the three worst',
  args: { worst: 3 },
};

/**
 * How a host reacts: drilling fires `tandem-org-unit-select` (cancelable,
 * e.g. to route instead), and selecting a person fires
 * `tandem-person-select`, on which a portal opens that person's scorecard
 * (`<tandem-kpi-scorecard scope="person:<id>">`). The log below shows both.
 */
export const HostEvents: Story = {
  name: 'Events: org unit and person select',
  render: () => {
    const show = (event: Event, text: string) => {
      const output = (event.currentTarget as HTMLElement).nextElementSibling;
      if (output) output.textContent = text;
    };
    return html`<div style="display: grid; gap: 1rem">
      <tandem-kpi-rollup
        @tandem-org-unit-select=${(event: TandemOrgUnitSelectEvent) => show(event, `tandem-org-unit-select → ${event.orgUnitId} (${event.orgUnit.name})`)}
        @tandem-person-select=${(event: TandemPersonSelectEvent) => show(event, `tandem-person-select → ${event.personId} (${event.person.name})`)}
      ></tandem-kpi-rollup>
      <output style="font: 0.875rem ui-monospace, monospace">Select a unit or a person above.</output>
    </div>`;
  },
};

export const Loading: Story = {
  parameters: { tandem: { adapter: () => stalledAdapter(ROLLUP_READS) } },
};

/** A newly formed team without a KPI plan yet: the breadcrumb still leads back up. */
export const Empty: Story = {
  args: { 'org-unit': 'new-team' },
  parameters: {
    tandem: {
      adapter: () =>
        storyAdapter({
          getSession: () => Promise.resolve(SESSION),
          listCycles: () => Promise.resolve([CYCLE]),
          listOrgUnits: () => Promise.resolve(UNITS),
          listKpis: () => Promise.resolve([]),
          listPeople: () => Promise.resolve([]),
        }),
    },
  },
};

/** The server could not be reached: the message says so, and Try again reloads. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: { tandem: { adapter: () => refusingAdapter(() => new NetworkError('offline'), ROLLUP_READS) } },
};

export const Forbidden: Story = {
  parameters: { tandem: { adapter: () => refusingAdapter(() => new ForbiddenError('kpi.view'), ROLLUP_READS) } },
};

/** A company of about 2,000 goals and 700 people, generated in memory when the story opens. */
export const LargeCompany: Story = {
  name: 'Large data (700 people)',
  parameters: { tandem: { adapter: () => seededStore({ goals: 2000 }) } },
};

/** The department in Chinese: numbers, dates and percentages through Intl. */
export const Chinese: Story = {
  name: 'zh-CN',
  args: { 'org-unit': 'ou-002' },
  globals: { locale: 'zh-CN' },
};

/** The team lead's view in the dark theme: the bars, badges and chart follow the tokens. */
export const Dark: Story = {
  name: 'Dark',
  parameters: { tandem: { adapter: () => seededStore({ persona: 'manager' }) } },
  globals: { theme: 'dark' },
};

/**
 * The unit's name is the page's `h2` (focus moves to it on every drill-down,
 * and back to the unit's row when climbing up); the breadcrumb is a `nav`
 * with `aria-current="page"`. Every figure is text: each status bar has a
 * legend with counts and shares, the completion chart has counts over its
 * bars and a table for screen readers, and tables have captions, column and
 * row headers. Units and people are buttons; export buttons name their
 * table. Checked with axe in every state in the tests.
 */
export const Accessibility: Story = {};
