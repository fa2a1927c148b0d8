import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { TandemElement } from '../../context/tandem-element.js';
import { isTandemError } from '../../data/errors.js';
import { displayName, initialsOf } from '../../model/people.js';
import type { Id, Person } from '../../model/records.js';
import { token } from '../../styles/tokens.js';

/**
 * Shows who owns something: an initials avatar, the person's name in the
 * current language (王芳 in Chinese, Wang Fang in English, where the person has
 * both) and, unless `compact`, their job title.
 *
 * Give it a `person` record when you already hold one (lists do), or a
 * `person-id` to load it through the adapter.
 *
 * @summary A person's avatar, name and title.
 *
 * @csspart avatar - The initials circle.
 * @csspart name - The person's name.
 * @csspart title - The job title line.
 *
 * @cssprop --tandem-person-chip-avatar-size - Diameter of the avatar (default 1.75rem).
 */
@customElement('tandem-person-chip')
export class TandemPersonChip extends TandemElement {
  static override styles = [
    TandemElement.styles,
    css`
      :host {
        display: inline-flex;
        --_avatar-size: var(--tandem-person-chip-avatar-size, 1.75rem);
      }

      .chip {
        display: inline-flex;
        align-items: center;
        gap: ${token('space-s')};
        min-width: 0;
      }

      .avatar {
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

      .avatar[data-state='loading'] {
        background: ${token('color-surface-sunken')};
      }

      .text {
        display: grid;
        min-width: 0;
        line-height: 1.25;
      }

      .name,
      .title {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }

      .title,
      .muted {
        color: ${token('color-text-muted')};
        font-size: ${token('font-size-s')};
      }
    `,
  ];

  private readonly personTask = new Task(this, {
    task: async ([adapter, personId, person], { signal }): Promise<Person | undefined> => {
      if (person) return person;
      if (!adapter || !personId) return undefined;
      return adapter.getPerson(personId, { signal });
    },
    args: () => [this.dataAdapter, this.personId, this.person] as const,
  });

  /** The person to show, when the host already has the record. */
  @property({ attribute: false })
  person: Person | undefined;

  /** The id of the person to load through the adapter. */
  @property({ attribute: 'person-id' })
  personId: Id | undefined;

  /** Name only, without the job title. */
  @property({ type: Boolean, reflect: true })
  compact = false;

  protected override render() {
    return this.personTask.render({
      initial: () => this.renderLoading(),
      pending: () => this.renderLoading(),
      complete: (person) => (person ? this.renderPerson(person) : nothing),
      error: (error) => html`<span class="chip muted" role="img" aria-label=${this.errorText(error)}>
        <span class="avatar" part="avatar" aria-hidden="true">?</span>
        <span class="name" part="name">${this.errorText(error)}</span>
      </span>`,
    });
  }

  private renderLoading() {
    return html`<span class="chip" aria-busy="true">
      <span class="avatar" part="avatar" data-state="loading" aria-hidden="true"></span>
      <span class="name muted" part="name">${this.t('state.loading')}</span>
    </span>`;
  }

  private renderPerson(person: Person) {
    const { primary, alternate } = displayName(person, this.activeLocale);
    return html`<span class="chip" title=${alternate ? `${primary} · ${alternate}` : primary}>
      <span class="avatar" part="avatar" aria-hidden="true">${initialsOf(primary)}</span>
      <span class="text">
        <span class="name" part="name">${primary}</span>
        ${this.compact ? nothing : html`<span class="title" part="title">${person.title}</span>`}
      </span>
    </span>`;
  }

  private errorText(error: unknown): string {
    return isTandemError(error) ? error.localizedMessage(this.activeLocale) : this.t('state.error');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tandem-person-chip': TandemPersonChip;
  }
}
