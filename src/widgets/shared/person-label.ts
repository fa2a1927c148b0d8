/**
 * A person as the kit shows them next to what they own: an initials avatar
 * and their name in the current language, the name in the other language in
 * the tooltip. `<tandem-person-chip>` renders this inside its shadow root;
 * rows of a virtualized list render it in their own, because a chip per row
 * (a shadow root, context requests, a task that renders twice) cost more
 * than the rest of the row, and rows come and go with every scroll.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { displayName, initialsOf } from '../../model/people.js';
import type { Locale } from '../../i18n/locale.js';
import type { Person } from '../../model/records.js';
import { token } from '../../styles/tokens.js';

/** The avatar and name classes: include in the stylesheet of any shadow root that renders {@link renderPersonLabel}. */
export const personLabelStyles = css`
  .person {
    --_avatar-size: var(--tandem-person-chip-avatar-size, 1.75rem);
    display: inline-flex;
    align-items: center;
    gap: ${token('space-s')};
    min-width: 0;
  }

  .person-avatar {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: var(--_avatar-size);
    height: var(--_avatar-size);
    border-radius: 50%;
    background: ${token('color-accent-soft')};
    color: ${token('color-accent')};
    font-size: calc(var(--_avatar-size) * 0.4);
    font-weight: ${token('font-weight-strong')};
    line-height: 1;
  }

  .person-text {
    display: grid;
    min-width: 0;
    line-height: 1.25;
  }

  .person-name,
  .person-title {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .person-title {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-s')};
  }

  /* In a row's owner cell: no wider than the cell, a smaller avatar. */
  .owner .person {
    max-width: 100%;
    --tandem-person-chip-avatar-size: 1.5rem;
  }
`;

/** The initials circle, name and (unless `compact`) job title of a person, with the `avatar`, `name` and `title` parts. */
export function renderPersonLabel(person: Person, locale: Locale, options: { compact?: boolean } = {}): TemplateResult {
  const { primary, alternate } = displayName(person, locale);
  return html`<span class="person" title=${alternate ? `${primary} · ${alternate}` : primary}>
    <span class="person-avatar" part="avatar" aria-hidden="true">${initialsOf(primary)}</span>
    <span class="person-text">
      <span class="person-name" part="name">${primary}</span>
      ${options.compact ? nothing : html`<span class="person-title" part="title">${person.title}</span>`}
    </span>
  </span>`;
}
