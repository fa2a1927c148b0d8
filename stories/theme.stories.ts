import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { token, tokenDefault, TOKENS, type TokenDefinition } from '../src/styles/tokens.js';
import '../src/widgets/person-chip/person-chip.js';
import { adoptPageStyles } from './support/page-styles.js';
import { PEOPLE } from './support/people.js';
import { sideBySide } from './support/side-by-side.js';

/*
 * Live examples for the Theme page (theme.mdx). They are hidden from the
 * sidebar (`!dev`): the page shows them next to the text that explains them.
 */

adoptPageStyles(css`
  .palette {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: ${token('space-s')};
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .palette li {
    display: flex;
    align-items: center;
    gap: ${token('space-s')};
    font-size: ${token('font-size-s')};
  }
  .palette .swatch {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    border-radius: ${token('radius-s')};
    border: 1px solid ${token('color-border')};
  }
  .parts-demo tandem-person-chip::part(avatar) {
    border-radius: ${token('radius-s')};
  }
  .parts-demo tandem-person-chip::part(title) {
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
`);

const colourTokens = TOKENS.filter((definition: TokenDefinition) => definition.group === 'colour' || definition.group === 'status');

const chips = html`<div class="tandem-stack">
  <tandem-person-chip .person=${PEOPLE.wangFang}></tandem-person-chip>
  <tandem-person-chip .person=${PEOPLE.chenJing}></tandem-person-chip>
</div>`;

const meta = {
  title: 'Theme',
  tags: ['!dev', '!autodocs'],
} satisfies Meta;

export default meta;
type Story = StoryObj;

/**
 * Every colour token as the widgets resolve it, in light and dark. The
 * swatches read the same `var(--tandem-…, light-dark(…))` the widgets do, so a
 * token you set on the page shows here too.
 */
export const Palette: Story = {
  parameters: { tandem: { provider: false } },
  render: () =>
    sideBySide(
      () => html`<ul class="palette">
        ${colourTokens.map(
          (definition) => html`<li>
            <span class="swatch" style=${styleMap({ background: `var(--tandem-${definition.name}, ${tokenDefault(definition)})` })}></span>
            <code>--tandem-${definition.name}</code>
          </li>`,
        )}
      </ul>`,
      undefined,
      [
        { locale: 'en', theme: 'light' },
        { locale: 'en', theme: 'dark' },
      ],
    ),
};

/**
 * The same chips with the defaults (left) and with a host's brand set through
 * tokens (right): accent, muted text and font, each with a light and a dark
 * value through `light-dark()`.
 */
export const TokenOverrides: Story = {
  name: 'Token overrides',
  render: () =>
    html`<div class="tandem-row">
      ${chips}
      <div
        style=${styleMap({
          '--tandem-color-accent': 'light-dark(#0b6e4f, #6fd3a8)',
          '--tandem-color-accent-soft': 'light-dark(#d9f2e6, #123b2c)',
          '--tandem-color-text-muted': 'light-dark(#3f5a50, #a7c4b8)',
          '--tandem-font-family': 'Georgia, "Songti SC", "Noto Serif CJK SC", serif',
        })}
      >
        ${chips}
      </div>
    </div>`,
};

/** `::part()` for what tokens do not cover: square avatars and spaced capitals in titles. */
export const Parts: Story = {
  render: () => html`<div class="parts-demo">${chips}</div>`,
};
