import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/context/provider.js';
import '../../src/widgets/person-chip/person-chip.js';
import type { TandemProvider } from '../../src/context/provider.js';
import type { TandemLocaleChangeEvent } from '../../src/events/locale-change.js';
import type { TandemSessionChangeEvent } from '../../src/events/session-change.js';
import type { Person, Session } from '../../src/model/records.js';
import type { TandemPersonChip } from '../../src/widgets/person-chip/person-chip.js';
import { stubAdapter } from '../support/stub-adapter.js';

const wangFang: Person = {
  id: 'p-1',
  version: 1,
  updatedAt: '2026-11-01T00:00:00.000Z',
  name: '王芳',
  nameAlt: 'Wang Fang',
  email: 'wang.fang@example.com',
  title: 'Product Manager',
  orgUnitId: 'ou-1',
  managerId: null,
  roles: ['employee', 'manager'],
};
const li: Person = { ...wangFang, id: 'p-2', name: 'Li Lei', nameAlt: '李雷', title: 'Engineer', roles: ['employee'] };

function people(...list: Person[]) {
  const byId = new Map(list.map((person) => [person.id, person]));
  return (id: string) => Promise.resolve(byId.get(id)!);
}

/** The visible name and title, without the avatar's initials. */
function chipText(chip: TandemPersonChip): string {
  const parts = chip.shadowRoot!.querySelectorAll('[part=name], [part=title]');
  return [...parts].map((part) => part.textContent!.trim()).join(' ');
}

describe('<tandem-provider>', () => {
  it('delivers adapter, session and locale to a widget inside', async () => {
    let actingAs: Person = wangFang;
    const adapter = stubAdapter({
      getSession: () => Promise.resolve<Session>({ person: actingAs, roles: actingAs.roles }),
      getPerson: people(wangFang, li),
    });
    const provider = await fixture<TandemProvider>(html`
      <tandem-provider .adapter=${adapter} locale="zh-CN">
        <section><tandem-person-chip person-id="p-2"></tandem-person-chip></section>
      </tandem-provider>
    `);
    const chip = provider.querySelector('tandem-person-chip')!;
    await waitUntil(() => chipText(chip).includes('李雷'), 'chip shows the Chinese name');
    expect(chipText(chip)).to.equal('李雷 Engineer');
    await waitUntil(() => provider.session !== undefined);
    expect(provider.session!.person.id).to.equal('p-1');

    // A session change announced by the adapter reaches the provider and is re-announced.
    actingAs = li;
    const changed = oneEvent(provider, 'tandem-session-change') as Promise<Event> as Promise<TandemSessionChangeEvent>;
    adapter.emit({ type: 'session', origin: 'local' });
    const event = await changed;
    expect(event.session!.person.id).to.equal('p-2');
  });

  it('switches language at run time without reloading', async () => {
    const adapter = stubAdapter({ getPerson: people(wangFang), getSession: () => new Promise(() => {}) });
    const provider = await fixture<TandemProvider>(html`
      <tandem-provider .adapter=${adapter} locale="en">
        <tandem-person-chip person-id="p-1"></tandem-person-chip>
      </tandem-provider>
    `);
    const chip = provider.querySelector('tandem-person-chip')!;
    await waitUntil(() => chipText(chip).startsWith('Wang Fang'));
    expect(provider.getAttribute('lang')).to.equal('en');

    const localeChanged = oneEvent(provider, 'tandem-locale-change') as Promise<Event> as Promise<TandemLocaleChangeEvent>;
    provider.locale = 'zh-CN';
    expect((await localeChanged).locale).to.equal('zh-CN');
    await waitUntil(() => chipText(chip).startsWith('王芳'), 'chip re-rendered in Chinese');
    expect(chip.activeLocale).to.equal('zh-CN');
    expect(provider.getAttribute('lang')).to.equal('zh-CN');
  });

  it('follows the nearest lang attribute when it has no locale, and its changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div lang="zh-Hans">
        <tandem-provider .adapter=${stubAdapter({ getPerson: people(wangFang) })}>
          <tandem-person-chip person-id="p-1"></tandem-person-chip>
        </tandem-provider>
      </div>
    `);
    const chip = wrapper.querySelector('tandem-person-chip')!;
    await waitUntil(() => chipText(chip).startsWith('王芳'));
    wrapper.setAttribute('lang', 'en');
    await waitUntil(() => chipText(chip).startsWith('Wang Fang'), 'followed the page language');
  });

  it('reaches widgets that upgrade before the provider is defined', async () => {
    // The chip's tag is defined, but the provider below is created under a
    // new, not-yet-defined name: its widgets ask for context first.
    const tag = `late-provider-${Math.random().toString(36).slice(2)}`;
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const late = document.createElement(tag);
    const chip = document.createElement('tandem-person-chip');
    chip.setAttribute('person-id', 'p-1');
    late.append(chip);
    wrapper.append(late);
    await chip.updateComplete;
    expect(chipText(chip)).to.equal('Loading…');

    const { TandemProvider } = await import('../../src/context/provider.js');
    customElements.define(tag, class extends TandemProvider {});
    (late as TandemProvider).adapter = stubAdapter({ getPerson: people(wangFang) });
    (late as TandemProvider).locale = 'en';
    await waitUntil(() => chipText(chip) === 'Wang Fang Product Manager', 'context arrived late');
  });

  it('sets color-scheme from its theme attribute', async () => {
    const provider = await fixture<TandemProvider>(html`<tandem-provider theme="dark"></tandem-provider>`);
    expect(getComputedStyle(provider).colorScheme).to.equal('dark');
    provider.theme = 'light';
    await provider.updateComplete;
    expect(getComputedStyle(provider).colorScheme).to.equal('light');
    provider.theme = 'auto';
    await provider.updateComplete;
    expect(getComputedStyle(provider).colorScheme).to.equal('light dark');
  });
});

describe('a widget used alone', () => {
  it('reads through its own adapter and locale attribute', async () => {
    const chip = await fixture<TandemPersonChip>(
      html`<tandem-person-chip locale="zh-CN" person-id="p-2" .adapter=${stubAdapter({ getPerson: people(li) })}></tandem-person-chip>`,
    );
    await waitUntil(() => chipText(chip).includes('李雷'));
    expect(chipText(chip)).to.equal('李雷 Engineer');
    chip.locale = 'en';
    await waitUntil(() => chipText(chip).startsWith('Li Lei'));
  });

  it('says its language with lang, for screen readers, and keeps following the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div lang="en">
        <tandem-person-chip locale="zh-CN" person-id="p-2" .adapter=${stubAdapter({ getPerson: people(li) })}></tandem-person-chip>
        <tandem-person-chip person-id="p-2" .adapter=${stubAdapter({ getPerson: people(li) })}></tandem-person-chip>
        <tandem-person-chip lang="zh-Hans" person-id="p-2" .adapter=${stubAdapter({ getPerson: people(li) })}></tandem-person-chip>
      </div>
    `);
    const [chinese, following, ownLang] = [...wrapper.querySelectorAll('tandem-person-chip')];
    await waitUntil(() => chipText(chinese!).includes('李雷') && chipText(following!).startsWith('Li Lei'));
    expect(chinese!.getAttribute('lang')).to.equal('zh-CN');
    expect(following!.getAttribute('lang')).to.equal('en');
    // A lang the page put on the element is the page's: it sets the language and stays as written.
    await waitUntil(() => chipText(ownLang!).includes('李雷'), 'the element\'s own lang followed');
    expect(ownLang!.getAttribute('lang')).to.equal('zh-Hans');
    wrapper.setAttribute('lang', 'zh-CN');
    await waitUntil(() => chipText(following!).includes('李雷'), 'followed the page');
    expect(following!.getAttribute('lang')).to.equal('zh-CN');
    expect(chinese!.getAttribute('lang')).to.equal('zh-CN');
    wrapper.setAttribute('lang', 'en');
    await waitUntil(() => chipText(following!).startsWith('Li Lei'), 'and back');
    expect(following!.getAttribute('lang')).to.equal('en');
  });

  it('names Chinese fonts on Chinese pages only, and takes a family the page sets in every language', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div>
        <tandem-person-chip locale="zh-CN" person-id="p-2" .adapter=${stubAdapter({ getPerson: people(li) })}></tandem-person-chip>
        <tandem-person-chip locale="en" person-id="p-2" .adapter=${stubAdapter({ getPerson: people(li) })}></tandem-person-chip>
      </div>
    `);
    const [chinese, english] = [...wrapper.querySelectorAll('tandem-person-chip')] as TandemPersonChip[];
    await waitUntil(() => chinese!.getAttribute('lang') === 'zh-CN' && english!.getAttribute('lang') === 'en');
    const family = (chip: Element) => getComputedStyle(chip).fontFamily;
    expect(family(chinese!)).to.contain('PingFang SC').and.contain('Noto Sans CJK SC');
    expect(family(english!)).to.equal('system-ui, sans-serif');
    wrapper.style.setProperty('--tandem-font-family', 'Georgia, serif');
    expect(family(chinese!)).to.equal('Georgia, serif');
    expect(family(english!)).to.equal('Georgia, serif');
  });

  it('shows a load failure as a message, in its language', async () => {
    const chip = await fixture<TandemPersonChip>(
      html`<tandem-person-chip locale="zh-CN" person-id="p-404" .adapter=${stubAdapter({})}></tandem-person-chip>`,
    );
    await waitUntil(() => chipText(chip).includes('找不到'));
    expect(chipText(chip)).to.contain('可能已被删除');
  });

  it('is accessible when loaded', async () => {
    const chip = await fixture<TandemPersonChip>(html`<tandem-person-chip .person=${wangFang}></tandem-person-chip>`);
    await chip.updateComplete;
    await expect(chip).to.be.accessible();
  });
});
