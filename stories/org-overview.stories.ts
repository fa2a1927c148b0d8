import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { ForbiddenError, NetworkError } from '../src/data/errors.js';
import { LOCALES, type Locale } from '../src/i18n/locale.js';
import '../src/widgets/org-overview/org-overview.js';
import { seededStore } from './support/seeded-store.js';
import { refusingAdapter, stalledAdapter, storyAdapter } from './support/story-adapter.js';

interface OrgOverviewArgs {
  cycle?: string;
  root?: string;
  locale?: Locale;
  '--tandem-org-overview-indent': string;
}

/** What the overview reads first, in parallel. */
const OVERVIEW_READS = ['listCycles', 'listOrgUnits', 'listPeople'] as const;

const meta = {
  title: 'Widgets/Org overview',
  component: 'tandem-org-overview',
  tags: ['autodocs'],
  parameters: { tandem: { adapter: () => seededStore() } },
  args: { '--tandem-org-overview-indent': '' },
  argTypes: {
    cycle: { control: 'text' },
    root: { control: 'text' },
    locale: { control: 'inline-radio', options: LOCALES },
    '--tandem-org-overview-indent': { control: 'text' },
  },
  render: (args) => html`<tandem-org-overview
    cycle=${ifDefined(args.cycle || undefined)}
    root=${ifDefined(args.root || undefined)}
    locale=${ifDefined(args.locale)}
    style=${styleMap({ '--tandem-org-overview-indent': args['--tandem-org-overview-indent'] || undefined })}
  ></tandem-org-overview>`,
} satisfies Meta<OrgOverviewArgs>;

export default meta;
type Story = StoryObj<OrgOverviewArgs>;

/** The generated demo company (63 people, 18 org units), seen by HR, in the active cycle. */
export const Playground: Story = {};

/**
 * Parts: `stats` (the headline figures), `table` (one row per org unit,
 * indented by depth; the bar is the goal mix) and `state` (loading, empty,
 * error, forbidden). The indent per level is `--tandem-org-overview-indent`.
 */
export const Anatomy: Story = {
  args: { '--tandem-org-overview-indent': '2.5rem' },
  render: (args) => html`<style>
      .anatomy::part(stats) {
        outline: 2px dashed #d9480f;
      }
      .anatomy::part(table) {
        outline: 2px dashed #2352c4;
      }
    </style>
    <tandem-org-overview
      class="anatomy"
      style=${styleMap({ '--tandem-org-overview-indent': args['--tandem-org-overview-indent'] })}
    ></tandem-org-overview>`,
};

/** `root` narrows the overview to one department and the teams below it. */
export const OneDepartment: Story = {
  name: 'Options: one department',
  args: { root: 'ou-002' },
};

/** `cycle` pins a cycle: here the closed previous quarter. */
export const PreviousCycle: Story = {
  name: 'Options: previous cycle',
  args: { cycle: 'c-01' },
};

export const Loading: Story = {
  parameters: { tandem: { adapter: () => stalledAdapter(OVERVIEW_READS) } },
};

export const Empty: Story = {
  parameters: {
    tandem: {
      adapter: () =>
        storyAdapter({
          listCycles: () => Promise.resolve([]),
          listOrgUnits: () => Promise.resolve([]),
          listPeople: () => Promise.resolve([]),
        }),
    },
  },
};

/** The server could not be reached: the message says so, and Try again reloads. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: { tandem: { adapter: () => refusingAdapter(() => new NetworkError('offline'), OVERVIEW_READS) } },
};

export const Forbidden: Story = {
  parameters: { tandem: { adapter: () => refusingAdapter(() => new ForbiddenError('org.view'), OVERVIEW_READS) } },
};

/** A company of about 2,000 goals and 700 people, generated in memory when the story opens. */
export const LargeCompany: Story = {
  name: 'Large data (2,000 goals)',
  parameters: { tandem: { adapter: () => seededStore({ goals: 2000 }) } },
};

/**
 * A plain table with a caption, column headers and row headers; the goal-mix
 * bar is an image whose label reads the counts; the cycle picker is a labelled
 * native select. Every state is a live region. Checked with axe in the tests.
 */
export const Accessibility: Story = {};
