import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { ForbiddenError, NotFoundError } from '../src/data/errors.js';
import type { DataAdapter } from '../src/data/adapter.js';
import { LOCALES, type Locale } from '../src/i18n/locale.js';
import type { Person } from '../src/model/records.js';
import { token } from '../src/styles/tokens.js';
import '../src/widgets/person-chip/person-chip.js';
import { adoptPageStyles } from './support/page-styles.js';
import { PEOPLE, PERSON_IDS } from './support/people.js';
import { roster } from './support/roster.js';
import { sideBySide } from './support/side-by-side.js';
import { failingAdapter, peopleAdapter, pendingAdapter } from './support/story-adapter.js';
import { loadedAdapter, storyLocale } from './support/tandem-parameters.js';

/** Keyed as the manifest names them, so the controls sit on the autodocs rows. */
interface PersonChipArgs {
  'person-id': string;
  compact: boolean;
  locale?: Locale;
  person?: Person;
  adapter?: DataAdapter;
  activeLocale?: Locale;
  '--tandem-person-chip-avatar-size': string;
}

const meta = {
  title: 'Widgets/Person chip',
  component: 'tandem-person-chip',
  tags: ['autodocs'],
  parameters: {
    // Every story reads people through the provider's adapter unless it says otherwise.
    tandem: { adapter: () => peopleAdapter() },
  },
  args: { 'person-id': PEOPLE.wangFang.id, compact: false, '--tandem-person-chip-avatar-size': '' },
  argTypes: {
    'person-id': { control: 'select', options: PERSON_IDS },
    compact: { control: 'boolean' },
    '--tandem-person-chip-avatar-size': { control: 'text' },
    // Objects are set in code (see Options), not through controls.
    person: { control: false },
    adapter: { control: false },
    locale: { control: 'inline-radio', options: LOCALES },
    activeLocale: { control: false },
  },
  render: (args) =>
    html`<tandem-person-chip
      person-id=${args['person-id']}
      ?compact=${args.compact}
      locale=${ifDefined(args.locale)}
      .person=${args.person}
      style=${styleMap({ '--tandem-person-chip-avatar-size': args['--tandem-person-chip-avatar-size'] || undefined })}
    ></tandem-person-chip>`,
} satisfies Meta<PersonChipArgs>;

export default meta;
type Story = StoryObj<PersonChipArgs>;

const text = (locale: Locale, en: string, zh: string) => (locale === 'zh-CN' ? zh : en);

/** Try the attributes and the avatar size; switch language and theme in the toolbar. */
export const Playground: Story = {};

const anatomyStyles = css`
  .anatomy tandem-person-chip::part(avatar) {
    outline: 2px dashed ${token('color-accent')};
    outline-offset: 2px;
  }
  .anatomy tandem-person-chip::part(name) {
    outline: 1px dashed ${token('color-on-track')};
  }
  .anatomy tandem-person-chip::part(title) {
    outline: 1px dashed ${token('color-at-risk')};
  }
  .anatomy dt {
    font-family: ui-monospace, monospace;
    color: ${token('color-text')};
  }
  .anatomy dd {
    margin: 0 0 ${token('space-s')};
  }
`;

/**
 * Three parts, each styleable through `::part()`: `avatar` (initials of the
 * name in the current language: the given name for Chinese names, first and
 * last initials for Latin ones), `name` and `title`. The outlines below are
 * drawn with `::part()` from the page's stylesheet.
 */
export const Anatomy: Story = {
  render: (_args, context) => {
    const locale = storyLocale(context);
    adoptPageStyles(anatomyStyles);
    return html`<div class="anatomy tandem-stack">
        <tandem-person-chip person-id=${PEOPLE.wangFang.id} style=${styleMap({ '--tandem-person-chip-avatar-size': '3rem' })}></tandem-person-chip>
        <dl class="tandem-note">
          <dt>::part(avatar)</dt>
          <dd>${text(locale, 'Initials in an accent circle; hidden from assistive technology.', '姓名缩写头像；对辅助技术隐藏。')}</dd>
          <dt>::part(name)</dt>
          <dd>${text(locale, 'The name in the current language; the other script is in the tooltip.', '当前语言下的姓名；另一种写法显示在提示中。')}</dd>
          <dt>::part(title)</dt>
          <dd>${text(locale, 'The job title; left out when compact.', '职位；紧凑模式下省略。')}</dd>
        </dl>
      </div>`;
  },
};

/**
 * `compact` drops the title (for dense lists); `.person` takes a record the
 * host already holds instead of loading by `person-id`; the avatar follows
 * `--tandem-person-chip-avatar-size`.
 */
export const Options: Story = {
  render: () =>
    html`<div class="tandem-row">
      <tandem-person-chip person-id=${PEOPLE.chenJing.id}></tandem-person-chip>
      <tandem-person-chip person-id=${PEOPLE.chenJing.id} compact></tandem-person-chip>
      <tandem-person-chip .person=${PEOPLE.priyaRaman}></tandem-person-chip>
      <tandem-person-chip
        .person=${PEOPLE.liMing}
        style=${styleMap({ '--tandem-person-chip-avatar-size': '2.5rem' })}
      ></tandem-person-chip>
    </div>`,
};

/**
 * The same people in English and Chinese, light and dark. Names with both
 * scripts show the one matching the language (王芳 / Wang Fang); names with
 * one script show it everywhere.
 */
export const LanguagesAndThemes: Story = {
  name: 'Languages and themes',
  parameters: { tandem: { adapter: () => peopleAdapter(), provider: false } },
  render: (_args, context) =>
    sideBySide(
      () => html`<div class="tandem-stack">
        <tandem-person-chip person-id=${PEOPLE.wangFang.id}></tandem-person-chip>
        <tandem-person-chip person-id=${PEOPLE.chenJing.id}></tandem-person-chip>
        <tandem-person-chip person-id=${PEOPLE.priyaRaman.id}></tandem-person-chip>
      </div>`,
      loadedAdapter(context),
    ),
};

/** While the adapter answers: a neutral avatar and "Loading…", marked `aria-busy`. */
export const Loading: Story = {
  parameters: { tandem: { adapter: () => pendingAdapter() } },
};

/** Neither `person` nor `person-id`: the chip renders nothing and takes no space. */
export const Empty: Story = {
  render: () => html`<tandem-person-chip></tandem-person-chip>`,
};

/** The adapter rejects with the kit's `NotFoundError`: the chip says so, in the person's language. */
export const ErrorState: Story = {
  name: 'Error',
  args: { 'person-id': 'p-left-the-company' },
  parameters: { tandem: { adapter: () => failingAdapter(() => new NotFoundError('person', 'p-left-the-company')) } },
};

/** The adapter refuses with `ForbiddenError` (e.g. a person outside the viewer's organisation). */
export const Forbidden: Story = {
  parameters: { tandem: { adapter: () => failingAdapter(() => new ForbiddenError('person.view')) } },
};

/** Long names and titles truncate with an ellipsis inside the space they are given; the tooltip has the full name. */
export const LongNames: Story = {
  name: 'Long names',
  render: () =>
    html`<div class="tandem-stack" style=${styleMap({ maxWidth: '18rem' })}>
      <tandem-person-chip person-id=${PEOPLE.longLatin.id} style=${styleMap({ maxWidth: '100%' })}></tandem-person-chip>
      <tandem-person-chip person-id=${PEOPLE.longHan.id} style=${styleMap({ maxWidth: '100%' })}></tandem-person-chip>
    </div>`,
};

/** 120 compact chips from records, as a team roster shows them. */
export const ManyPeople: Story = {
  name: 'Many people',
  render: () => {
    const people = roster(120);
    return html`<ul class="tandem-matrix" style=${styleMap({ listStyle: 'none', padding: '0', gridTemplateColumns: 'repeat(auto-fill, minmax(9rem, 1fr))' })}>
      ${people.map((person) => html`<li><tandem-person-chip .person=${person} compact></tandem-person-chip></li>`)}
    </ul>`;
  },
};

/**
 * What assistive technology gets: the name and title as plain text, in the
 * provider's `lang` so screen readers pronounce 王芳 in Chinese; the avatar is
 * decorative (`aria-hidden`); the full name in both scripts is in the `title`
 * tooltip. Loading is announced with `aria-busy`; an error is one labelled
 * image whose label is the message. The chip is not focusable: it is a label,
 * not a control — wrap it in a link or button when it should do something.
 * The Accessibility panel runs axe on this story.
 */
export const Accessibility: Story = {
  render: () =>
    html`<ul class="tandem-stack" style=${styleMap({ listStyle: 'none', padding: '0' })}>
      <li><tandem-person-chip person-id=${PEOPLE.wangFang.id}></tandem-person-chip></li>
      <li><tandem-person-chip person-id="p-missing"></tandem-person-chip></li>
      <li>
        <a href="#person-li-ming"><tandem-person-chip .person=${PEOPLE.liMing} compact></tandem-person-chip></a>
      </li>
    </ul>`,
};
