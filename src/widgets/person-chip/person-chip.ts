import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { TandemElement } from '../../context/tandem-element.js';
import { isTandemError } from '../../data/errors.js';
import type { Id, Person } from '../../model/records.js';
import { token } from '../../styles/tokens.js';
import { personLabelStyles, renderPersonLabel } from '../shared/person-label.js';

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
    personLabelStyles,
    css`
      :host {
        display: inline-flex;
      }

      .person-avatar[data-state='loading'] {
        background: ${token('color-surface-sunken')};
      }

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
      error: (error) => html`<span class="person muted" role="img" aria-label=${this.errorText(error)}>
        <span class="person-avatar" part="avatar" aria-hidden="true">?</span>
        <span class="person-name" part="name">${this.errorText(error)}</span>
      </span>`,
    });
  }

  private renderLoading() {
    return html`<span class="person" aria-busy="true">
      <span class="person-avatar" part="avatar" data-state="loading" aria-hidden="true"></span>
      <span class="person-name muted" part="name">${this.t('state.loading')}</span>
    </span>`;
  }

  private renderPerson(person: Person) {
    return renderPersonLabel(person, this.activeLocale, { compact: this.compact });
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
