import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html, nothing, render, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import { TandemProvider, THEMES, type Theme } from '../src/context/provider.js';
import type { DataAdapter } from '../src/data/adapter.js';
import { isTandemError, NetworkError, type TandemError } from '../src/data/errors.js';
import { openDemoStore } from '../src/data/index.js';
import type { TandemSessionChangeEvent } from '../src/events/session-change.js';
import { LOCALES, translate, type Locale } from '../src/i18n/locale.js';
import type { Session } from '../src/model/records.js';
import { token } from '../src/styles/tokens.js';
import '../src/widgets/person-chip/person-chip.js';
import { adoptPageStyles } from './support/page-styles.js';
import { PEOPLE, SESSION } from './support/people.js';
import { peopleAdapter, pendingAdapter, storyAdapter } from './support/story-adapter.js';
import { loadedAdapter, storyLocale, storyTheme } from './support/tandem-parameters.js';

/** Unset, `locale` and `theme` follow the toolbar. */
interface ProviderArgs {
  locale?: Locale;
  theme?: Theme;
  adapter?: DataAdapter;
  session?: Session;
  sessionError?: TandemError;
}

adoptPageStyles(css`
  /* A panel inside a provider takes the provider's colour scheme. */
  .tandem-surface {
    display: grid;
    gap: ${token('space-s')};
    padding: ${token('space-l')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-m')};
    background: ${token('color-surface')};
    color: ${token('color-text')};
  }
  .tandem-surface h3 {
    margin: ${token('space-s')} 0 0;
    font-size: ${token('font-size-s')};
    font-weight: ${token('font-weight-strong')};
    color: ${token('color-text-muted')};
  }
  .tandem-surface output {
    min-height: 1.75rem;
  }
`);

const LABELS = {
  en: { signedInAs: 'Signed in as', team: 'Team', reports: 'Direct reports', fromPage: 'No locale attribute; page lang', theme: 'theme' },
  'zh-CN': { signedInAs: '当前用户', team: '团队', reports: '直属下属', fromPage: '未设置 locale；页面 lang', theme: '主题' },
} as const satisfies Record<Locale, Record<string, string>>;

/**
 * Shows who the provider signed in, from its `tandem-session-change` event —
 * the way a host page learns it — or why it could not, with a retry.
 */
function showSession(event: TandemSessionChangeEvent): void {
  const provider = event.currentTarget;
  if (!(provider instanceof TandemProvider)) return;
  const output = provider.querySelector('output');
  if (!output) return;
  const locale = provider.locale ?? 'en';
  output.querySelector('[data-placeholder]')?.remove();
  render(
    event.session
      ? html`<tandem-person-chip .person=${event.session.person}></tandem-person-chip>`
      : html`<span role="alert">${provider.sessionError?.localizedMessage(locale) ?? ''}</span>
          <button type="button" @click=${() => provider.reloadSession()}>${translate(locale, 'action.retry')}</button>`,
    output,
  );
}

function teamPanel(locale: Locale): TemplateResult {
  const labels = LABELS[locale];
  return html`<div class="tandem-surface">
    <h3>${labels.signedInAs}</h3>
    <output><span data-placeholder>${translate(locale, 'state.loading')}</span></output>
    <h3>${labels.team}</h3>
    <div class="tandem-row">
      <tandem-person-chip person-id=${PEOPLE.liMing.id}></tandem-person-chip>
      <tandem-person-chip person-id=${PEOPLE.chenJing.id}></tandem-person-chip>
      <tandem-person-chip person-id=${PEOPLE.priyaRaman.id}></tandem-person-chip>
    </div>
  </div>`;
}

const meta = {
  title: 'Widgets/Provider',
  component: 'tandem-provider',
  tags: ['autodocs'],
  parameters: {
    // These stories render their own provider, to show its attributes.
    tandem: { adapter: () => peopleAdapter({ latencyMs: 300 }), provider: false },
  },
  argTypes: {
    locale: { control: 'inline-radio', options: LOCALES, description: 'The language widgets render in.' },
    theme: { control: 'inline-radio', options: THEMES, description: '`auto` follows the system setting.' },
    adapter: { control: false },
    session: { control: false },
    sessionError: { control: false },
  },
  render: (args, context) => {
    const locale = args.locale ?? storyLocale(context);
    return html`<tandem-provider
      locale=${locale}
      theme=${args.theme ?? storyTheme(context)}
      .adapter=${loadedAdapter(context)}
      @tandem-session-change=${showSession}
    >
      ${teamPanel(locale)}
    </tandem-provider>`;
  },
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

/**
 * One provider gives every widget inside the adapter, the signed-in person
 * and the language. Change `locale` (here or in the toolbar) and every chip
 * re-renders at once, with no reload; `theme` sets the colour scheme the
 * tokens resolve in.
 */
export const Playground: Story = {};

/**
 * The provider has no box of its own (`display: contents`): its children lay
 * out as children of its parent. Here the chips inside it are items of the
 * surrounding flex row. It only sets `lang` (for assistive technology) and
 * `color-scheme` (for the tokens).
 */
export const Anatomy: Story = {
  render: (_args, context) => {
    const locale = storyLocale(context);
    return html`<div class="tandem-surface">
      <div class="tandem-row">
        <tandem-person-chip .person=${PEOPLE.wangFang} locale=${locale}></tandem-person-chip>
        <tandem-provider locale=${locale} theme=${storyTheme(context)} .adapter=${loadedAdapter(context)}>
          <tandem-person-chip person-id=${PEOPLE.liMing.id}></tandem-person-chip>
          <tandem-person-chip person-id=${PEOPLE.chenJing.id}></tandem-person-chip>
        </tandem-provider>
      </div>
    </div>`;
  },
};

/**
 * Without a `locale` attribute the provider takes the nearest `lang` above it
 * (then the browser's language); with `theme` it fixes the colour scheme, or
 * follows the system with `auto`.
 */
export const Options: Story = {
  render: (_args, context) => {
    const adapter = loadedAdapter(context);
    const locale = storyLocale(context);
    const panel = (label: string) => html`<div class="tandem-surface">
      <h3>${label}</h3>
      <tandem-person-chip person-id=${PEOPLE.wangFang.id}></tandem-person-chip>
    </div>`;
    return html`<div class="tandem-stack">
      <div class="tandem-matrix">
        ${LOCALES.map(
          (lang) => html`<div lang=${lang}>
            <tandem-provider theme=${storyTheme(context)} .adapter=${adapter}>${panel(`${LABELS[lang].fromPage} = "${lang}"`)}</tandem-provider>
          </div>`,
        )}
      </div>
      <div class="tandem-matrix">
        ${THEMES.map(
          (theme) =>
            html`<tandem-provider locale=${locale} theme=${theme} .adapter=${adapter}>${panel(`${LABELS[locale].theme} = "${theme}"`)}</tandem-provider>`,
        )}
      </div>
    </div>`;
  },
};

let demoStore: Promise<DataAdapter> | undefined;

/**
 * The IndexedDB demo store, seeded with the demo company on first use and
 * signed in as its manager persona. One store serves every story (its data
 * persists like the demo's; it lives in its own database, `tandem-storybook`).
 */
function openStorybookDemoStore(): Promise<DataAdapter> {
  demoStore ??= (async () => {
    const store = await openDemoStore({ name: 'tandem-storybook' });
    if (!(await store.isSeeded())) await store.seed({ seed: 2026 });
    const personas = await store.personas();
    if (personas) await store.signIn(personas.manager);
    return store;
  })();
  return demoStore;
}

/** The signed-in manager's direct reports, each chip loading its person through the provider. */
async function directReports(adapter: DataAdapter | undefined, locale: Locale): Promise<TemplateResult | typeof nothing> {
  if (!adapter) return nothing;
  try {
    const session = await adapter.getSession();
    const reports = await adapter.listReports(session.person.id);
    return html`<div class="tandem-row">
      ${reports.map((person) => html`<tandem-person-chip person-id=${person.id}></tandem-person-chip>`)}
    </div>`;
  } catch (error) {
    return html`<span role="alert">${isTandemError(error) ? error.localizedMessage(locale) : translate(locale, 'state.error')}</span>`;
  }
}

/**
 * The kit's own IndexedDB store (`openDemoStore` from the data entry), as a
 * host page without a backend would use it: a bilingual demo company,
 * generated in a worker on first use.
 */
export const WithDemoStore: Story = {
  name: 'With the demo store',
  parameters: { tandem: { adapter: openStorybookDemoStore, provider: false } },
  render: (args, context) => {
    const locale = args.locale ?? storyLocale(context);
    const adapter = loadedAdapter(context);
    const labels = LABELS[locale];
    return html`<tandem-provider locale=${locale} theme=${args.theme ?? storyTheme(context)} .adapter=${adapter} @tandem-session-change=${showSession}>
      <div class="tandem-surface">
        <h3>${labels.signedInAs}</h3>
        <output><span data-placeholder>${translate(locale, 'state.loading')}</span></output>
        <h3>${labels.reports}</h3>
        ${until(directReports(adapter, locale), translate(locale, 'state.loading'))}
      </div>
    </tandem-provider>`;
  },
};

/** The session is still loading: widgets that do not need it already render. */
export const SessionLoading: Story = {
  name: 'Session loading',
  parameters: {
    tandem: {
      adapter: () =>
        storyAdapter({
          getSession: pendingAdapter().getSession,
          getPerson: peopleAdapter().getPerson,
        }),
      provider: false,
    },
  },
};

/**
 * The session could not be loaded: the provider fires `tandem-session-change`
 * with no session and keeps the typed error in `sessionError` (its message
 * is in the person's language); `reloadSession()` tries again — here the
 * second try succeeds.
 */
export const SessionError: Story = {
  name: 'Session error',
  parameters: {
    tandem: {
      adapter: () => {
        let attempts = 0;
        const people = peopleAdapter();
        return storyAdapter({
          getSession: (options) => (++attempts === 1 ? Promise.reject(new NetworkError('offline')) : people.getSession(options)),
          getPerson: people.getPerson,
        });
      },
      provider: false,
    },
  },
};

/**
 * The provider sets its own `lang` to the locale, so a screen reader reads
 * 王芳 in Chinese and Wang Fang in English, even on a page whose `lang`
 * differs. It renders nothing a person can focus or see.
 */
export const Accessibility: Story = {
  args: { locale: 'zh-CN' },
  parameters: { tandem: { adapter: () => peopleAdapter({ session: SESSION }), provider: false } },
};
