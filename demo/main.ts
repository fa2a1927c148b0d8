/**
 * The demo portal: a stand-in for a customer's intranet page that embeds the
 * Tandem widgets on the IndexedDB demo store. Everything here is what a host
 * page would write; the kit itself lives in ../src.
 */
import { html, nothing, render } from 'lit';
import '../src/index.js';
import type { Theme } from '../src/context/provider.js';
import { openDemoStore, type SeedPersonas, type TandemStore } from '../src/data/index.js';
import { isTandemError } from '../src/data/errors.js';
import type { TandemGoalToggleEvent } from '../src/events/goal-toggle.js';
import type { TandemPersonSelectEvent } from '../src/events/person-select.js';
import { displayName } from '../src/model/people.js';
import { isLocale, type Locale } from '../src/i18n/index.js';
import type { Session } from '../src/model/records.js';
import type { TandemGoalTree } from '../src/widgets/goal-tree/goal-tree.js';
import { demoText, type DemoMessageKey } from './messages.js';

/** Seed of the demo company: the same number always makes the same company. */
const DEMO_SEED = 2026;

const PAGES = ['home', 'my-goals', 'team', 'strategy', 'reviews', 'feedback', 'reports'] as const;
type Page = (typeof PAGES)[number];

const PAGE_KEYS: Record<Page, { nav: DemoMessageKey; title: DemoMessageKey; lead: DemoMessageKey; coming?: DemoMessageKey }> = {
  home: { nav: 'nav.home', title: 'page.home.title', lead: 'page.home.lead' },
  'my-goals': { nav: 'nav.myGoals', title: 'page.myGoals.title', lead: 'page.myGoals.lead' },
  team: { nav: 'nav.team', title: 'page.team.title', lead: 'page.team.lead' },
  strategy: { nav: 'nav.strategy', title: 'page.strategy.title', lead: 'page.strategy.lead', coming: 'page.strategy.coming' },
  reviews: { nav: 'nav.reviews', title: 'page.reviews.title', lead: 'page.reviews.lead', coming: 'page.reviews.coming' },
  feedback: { nav: 'nav.feedback', title: 'page.feedback.title', lead: 'page.feedback.lead', coming: 'page.feedback.coming' },
  reports: { nav: 'nav.reports', title: 'page.reports.title', lead: 'page.reports.lead' },
};

const PERSONA_ROLES = ['employee', 'manager', 'hr'] as const;
type PersonaRole = (typeof PERSONA_ROLES)[number];

const THEMES: readonly Theme[] = ['auto', 'light', 'dark'];

interface PortalState {
  locale: Locale;
  theme: Theme;
  page: Page;
  store?: TandemStore;
  personas?: SeedPersonas;
  session?: Session;
  companyName?: string;
  seeding?: { progress: number } | { error: string };
  /** The store is seeded and someone is signed in: only then do widgets get it. */
  ready: boolean;
  storageBlocked: boolean;
  /** A goal opened from a KPI's source: the page's goal tree shows it alone until "Show all goals". */
  goalFocus?: { id: string; title: string };
  /** The person picked in the KPI roll-up on Reports: their scorecard shows below it. */
  reportPerson?: { id: string; name: string };
}

const app = document.querySelector<HTMLElement>('#app')!;
const state: PortalState = {
  locale: readStoredLocale(),
  theme: readStoredTheme(),
  page: pageFromHash(),
  ready: false,
  storageBlocked: false,
};

function readStoredLocale(): Locale {
  const stored = localStorage.getItem('tandem-demo-locale');
  if (isLocale(stored)) return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function readStoredTheme(): Theme {
  const stored = localStorage.getItem('tandem-demo-theme');
  return THEMES.find((theme) => theme === stored) ?? 'auto';
}

function pageFromHash(): Page {
  const name = location.hash.replace(/^#\/?/, '');
  return PAGES.find((page) => page === name) ?? 'home';
}

const text = (key: DemoMessageKey) => demoText(state.locale, key);

function update(changes: Partial<PortalState>): void {
  Object.assign(state, changes);
  document.documentElement.lang = state.locale;
  document.documentElement.dataset['theme'] = state.theme;
  render(portal(), app);
}

// ── Actions ────────────────────────────────────────────────────────────────

function setLocale(locale: Locale): void {
  localStorage.setItem('tandem-demo-locale', locale);
  update({ locale });
}

function setTheme(theme: Theme): void {
  localStorage.setItem('tandem-demo-theme', theme);
  update({ theme });
}

async function signInAs(role: PersonaRole): Promise<void> {
  const { store, personas } = state;
  if (!store || !personas) return;
  await store.signIn(personas[role]);
}

function currentPersona(): PersonaRole | undefined {
  const personId = state.session?.person.id;
  return PERSONA_ROLES.find((role) => state.personas?.[role] === personId);
}

async function seedCompany(store: TandemStore): Promise<void> {
  update({ seeding: { progress: 0 } });
  try {
    await store.seed({
      seed: DEMO_SEED,
      onProgress: (progress) => update({ seeding: { progress } }),
    });
    update({ seeding: undefined });
  } catch (error) {
    const message = isTandemError(error) ? error.localizedMessage(state.locale) : String(error);
    update({ seeding: { error: message } });
    throw error;
  }
}

async function afterSeeding(store: TandemStore): Promise<void> {
  const personas = (await store.personas()) ?? undefined;
  const session = await store.getSession().catch(() => undefined);
  if (personas && (!session || !Object.values(personas).includes(session.person.id))) {
    await store.signIn(personas.employee);
  }
  const units = await store.listOrgUnits();
  const company = units.find((unit) => unit.parentId === null);
  update({ personas, companyName: company?.name, ready: true });
}

async function resetDemoData(): Promise<void> {
  const { store } = state;
  if (!store) return;
  update({ ready: false });
  await store.reset();
  await seedCompany(store);
  await afterSeeding(store);
}

async function start(): Promise<void> {
  update({});
  const store = await openDemoStore({ name: 'tandem-demo' });
  store.subscribe((change) => {
    if (change.type === 'reset') void store.listOrgUnits().then((units) => {
      update({ companyName: units.find((unit) => unit.parentId === null)?.name });
    });
  });
  store.onBlocked(() => update({ storageBlocked: true }));
  update({ store });
  if (!(await store.isSeeded())) await seedCompany(store);
  await afterSeeding(store);
  app.removeAttribute('aria-busy');
}

addEventListener('hashchange', () => {
  update({ page: pageFromHash(), goalFocus: undefined });
  // Move focus to the new page's heading so screen readers announce it.
  app.querySelector<HTMLElement>('main h1')?.focus();
});

addEventListener('tandem-session-change', (event) => update({ session: event.session, reportPerson: undefined }));

// A KPI's source in the scorecard leads back to its goal: the tree above shows that goal.
addEventListener('tandem-kpi-source-select', (event) => {
  if (!event.goal) return;
  update({ goalFocus: { id: event.goal.id, title: event.goal.title } });
  const notice = app.querySelector<HTMLElement>('.goal-focus');
  notice?.scrollIntoView({ block: 'start' });
  notice?.focus();
});

// ── Views ──────────────────────────────────────────────────────────────────

function portal() {
  const { locale, theme, store } = state;
  return html`
    <a class="skip-link" href="#content" @click=${skipToContent}>${text('skipToContent')}</a>
    <tandem-provider .adapter=${state.ready ? store : undefined} locale=${locale} theme=${theme}>
      <div class="portal">
        ${header()} ${storageNotice()}
        <main id="content" class="page" tabindex="-1">${page()}</main>
      </div>
      ${seedingDialog()}
    </tandem-provider>
  `;
}

/** The page's address is its hash: the skip link moves focus to the content without changing it (which would change the page). */
function skipToContent(event: Event): void {
  event.preventDefault();
  app.querySelector<HTMLElement>('#content')?.focus();
}

function header() {
  const persona = currentPersona();
  const person = state.session?.person;
  return html`
    <header class="masthead">
      <div class="utility">
        ${person
          ? html`<p class="signed-in">
              ${text('signedInAs')}
              <tandem-person-chip .person=${person} compact></tandem-person-chip>
            </p>`
          : nothing}
        <label class="control">
          <span>${text('viewAs')}</span>
          <select
            .value=${persona ?? ''}
            ?disabled=${!state.personas}
            @change=${(event: Event) => void signInAs((event.target as HTMLSelectElement).value as PersonaRole)}
          >
            ${PERSONA_ROLES.map(
              (role) => html`<option value=${role} ?selected=${role === persona}>${text(`persona.${role}`)}</option>`,
            )}
          </select>
        </label>
        <div class="control" role="group" aria-label=${text('language')}>
          ${(['zh-CN', 'en'] as const).map(
            (locale) => html`<button
              type="button"
              class="toggle"
              lang=${locale}
              aria-pressed=${locale === state.locale ? 'true' : 'false'}
              @click=${() => setLocale(locale)}
            >
              ${locale === 'zh-CN' ? '中文' : 'English'}
            </button>`,
          )}
        </div>
        <label class="control">
          <span>${text('theme')}</span>
          <select @change=${(event: Event) => setTheme((event.target as HTMLSelectElement).value as Theme)}>
            ${THEMES.map(
              (theme) => html`<option value=${theme} ?selected=${theme === state.theme}>${text(`theme.${theme}`)}</option>`,
            )}
          </select>
        </label>
        <button type="button" class="link-button" ?disabled=${!state.store} @click=${openResetDialog}>
          ${text('resetData')}
        </button>
      </div>
      <div class="mainbar">
        <div class="brand">
          <span class="brand-mark" aria-hidden="true">T</span>
          <span class="brand-text">
            <span class="brand-company">${state.companyName ?? ''}</span>
            <span class="brand-portal">${text('portalName')}</span>
          </span>
        </div>
        <nav class="nav" aria-label=${text('mainNavigation')}>
          <ul>
            ${PAGES.map(
              (page) => html`<li>
                <a href="#/${page}" aria-current=${page === state.page ? 'page' : 'false'}>${text(PAGE_KEYS[page].nav)}</a>
              </li>`,
            )}
          </ul>
        </nav>
      </div>
    </header>
  `;
}

function storageNotice() {
  if (state.storageBlocked) {
    return html`<p class="notice" role="alert">
      ${text('blockedStorage')} <button type="button" @click=${() => location.reload()}>${text('reload')}</button>
    </p>`;
  }
  if (state.store?.storage === 'memory') return html`<p class="notice" role="status">${text('memoryStorage')}</p>`;
  return nothing;
}

function page() {
  const keys = PAGE_KEYS[state.page];
  return html`
    <h1 tabindex="-1">${text(keys.title)}</h1>
    <p class="lead">${text(keys.lead)}</p>
    ${pageContent(keys)}
  `;
}

function pageContent(keys: (typeof PAGE_KEYS)[Page]) {
  const person = state.session?.person;
  switch (state.page) {
    case 'home':
      return html`<tandem-org-overview></tandem-org-overview>`;
    case 'my-goals':
      // The signed-in person's goals with their ancestors up the cascade.
      return person
        ? html`${goalTree(`person:${person.id}`)} ${kpiSection('section.myKpis', 'section.myKpis.lead', 'me')}`
        : nothing;
    case 'team':
      return person
        ? html`${goalTree(`org-unit:${person.orgUnitId}`)} ${kpiSection('section.teamKpis', 'section.teamKpis.lead', 'team')}`
        : nothing;
    case 'reports':
      return reports();
    default:
      return html`<p class="coming">${keys.coming ? text(keys.coming) : ''}</p>`;
  }
}

/** The KPI roll-up of the person's unit; picking someone in it opens their scorecard below. */
function reports() {
  const chosen = state.reportPerson;
  const choose = (event: TandemPersonSelectEvent) => {
    const name = displayName(event.person, state.locale).primary;
    update({ reportPerson: { id: event.personId, name } });
    // The heading takes focus so keyboard and screen reader users land on what opened.
    requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>('#person-kpis');
      heading?.focus();
      heading?.scrollIntoView({ block: 'start' });
    });
  };
  return html`<tandem-kpi-rollup
      @tandem-person-select=${choose}
      @tandem-org-unit-select=${() => update({ reportPerson: undefined })}
    ></tandem-kpi-rollup>
    ${chosen
      ? html`<section class="page-section" aria-labelledby="person-kpis">
          <h2 id="person-kpis" tabindex="-1">${`${text('section.personKpis')} ${chosen.name}`}</h2>
          <tandem-kpi-scorecard scope=${`person:${chosen.id}`}></tandem-kpi-scorecard>
        </section>`
      : nothing}`;
}

/**
 * The rows a person had open in each tree, kept for the browser tab, so
 * leaving a page and coming back finds its tree as it was. Read once per
 * visit of a page: the same list passed on every render of the portal
 * leaves the tree alone while the person opens and closes rows.
 */
const openRowsKey = (root: string) => `tandem-demo-open-rows:${root}`;
let restoredOpenRows: { page: Page; root: string; rows: string[] | undefined } | undefined;

function openRowsFor(root: string): string[] | undefined {
  if (restoredOpenRows?.page !== state.page || restoredOpenRows.root !== root) {
    const rows = storedOpenRows(root);
    restoredOpenRows = {
      page: state.page,
      root,
      rows: Array.isArray(rows) && rows.every((key) => typeof key === 'string') ? rows : undefined,
    };
  }
  return restoredOpenRows.rows;
}

/** What the tab kept for a tree; nothing when it kept nothing readable (the tree then opens its own choice). */
function storedOpenRows(root: string): unknown {
  try {
    return JSON.parse(sessionStorage.getItem(openRowsKey(root)) ?? 'null');
  } catch {
    return undefined;
  }
}

function rememberOpenRows(event: TandemGoalToggleEvent): void {
  const tree = event.currentTarget as TandemGoalTree;
  sessionStorage.setItem(openRowsKey(tree.root ?? ''), JSON.stringify(tree.openRows));
}

/** The page's goal tree: at `root`, or the one goal a KPI's source pointed to. */
function goalTree(root: string) {
  const focus = state.goalFocus;
  if (!focus) return html`<tandem-goal-tree root=${root} .openRows=${openRowsFor(root)} @tandem-goal-toggle=${rememberOpenRows}></tandem-goal-tree>`;
  return html`<p class="goal-focus" tabindex="-1">
      ${text('goalFocus.showing')} <strong>${focus.title}</strong>
      <button type="button" class="link-button" @click=${() => update({ goalFocus: undefined })}>${text('goalFocus.showAll')}</button>
    </p>
    <tandem-goal-tree root=${`goal:${focus.id}`}></tandem-goal-tree>`;
}

/** A page section with a KPI scorecard under its own heading. */
function kpiSection(title: DemoMessageKey, lead: DemoMessageKey, scope: 'me' | 'team') {
  return html`<section class="page-section" aria-labelledby=${`${scope}-kpis`}>
    <h2 id=${`${scope}-kpis`}>${text(title)}</h2>
    <p class="lead">${text(lead)}</p>
    <tandem-kpi-scorecard scope=${scope}></tandem-kpi-scorecard>
  </section>`;
}

function seedingDialog() {
  const { seeding } = state;
  if (!seeding) return nothing;
  return html`
    <div class="overlay">
      <section class="seeding" role="dialog" aria-modal="true" aria-labelledby="seeding-title">
        <h2 id="seeding-title">${text('seedingTitle')}</h2>
        ${'error' in seeding
          ? html`<p role="alert">${text('seedFailed')} ${seeding.error}</p>
              <button type="button" class="primary" @click=${() => state.store && void seedCompany(state.store).then(() => afterSeeding(state.store!))}>
                ${text('retry')}
              </button>`
          : html`<p>${text('seedingBody')}</p>
              <progress max="1" .value=${seeding.progress} aria-label=${text('seedingProgress')}></progress>
              <p class="percent" aria-hidden="true">${Math.round(seeding.progress * 100)}%</p>`}
      </section>
    </div>
  `;
}

function openResetDialog(): void {
  const dialog = document.createElement('dialog');
  dialog.className = 'confirm';
  dialog.setAttribute('aria-labelledby', 'reset-title');
  render(
    html`<form method="dialog">
      <h2 id="reset-title">${text('resetConfirmTitle')}</h2>
      <p>${text('resetConfirmBody')}</p>
      <div class="dialog-actions">
        <button value="cancel" autofocus>${text('cancel')}</button>
        <button value="reset" class="primary">${text('resetConfirm')}</button>
      </div>
    </form>`,
    dialog,
  );
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (dialog.returnValue === 'reset') void resetDemoData();
  });
  document.body.append(dialog);
  dialog.showModal();
}

void start().catch((error: unknown) => {
  console.error(error);
});
