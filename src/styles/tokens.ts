import { unsafeCSS, type CSSResult } from 'lit';

/**
 * The public design tokens. A host page themes the kit by setting any of these
 * custom properties (on `tandem-provider`, a widget, or `:root`); where it sets
 * none, the defaults below apply. Colours have a light and a dark value,
 * chosen by the inherited `color-scheme` (the provider's `theme` sets it), so
 * dark mode reaches every shadow root and every d3 chart without JS.
 *
 * Text colours are chosen for WCAG AA contrast (4.5:1) on the surface colours.
 */
export interface TokenDefinition {
  /** The name without the `--tandem-` prefix. */
  readonly name: string;
  readonly group: TokenGroup;
  readonly light: string;
  /** Absent for tokens that are the same in both schemes. */
  readonly dark?: string;
  readonly description: string;
}

export const TOKEN_GROUPS = ['colour', 'status', 'type', 'space', 'shape', 'motion'] as const;
export type TokenGroup = (typeof TOKEN_GROUPS)[number];

export const TOKENS = [
  { name: 'color-surface', group: 'colour', light: '#ffffff', dark: '#16181d', description: 'Background of widgets.' },
  { name: 'color-surface-raised', group: 'colour', light: '#ffffff', dark: '#1f232b', description: 'Cards, dialogs, menus.' },
  { name: 'color-surface-sunken', group: 'colour', light: '#f3f5f8', dark: '#0f1115', description: 'Table headers, wells, hovered rows.' },
  { name: 'color-border', group: 'colour', light: '#d3d8e0', dark: '#363c48', description: 'Dividers and control borders.' },
  { name: 'color-text', group: 'colour', light: '#1b2130', dark: '#e7eaf0', description: 'Body text.' },
  { name: 'color-text-muted', group: 'colour', light: '#566072', dark: '#a4acba', description: 'Secondary text: owners, dates, hints.' },
  { name: 'color-accent', group: 'colour', light: '#2352c4', dark: '#8bb0ff', description: 'Primary actions, links, selection.' },
  { name: 'color-accent-contrast', group: 'colour', light: '#ffffff', dark: '#0b1020', description: 'Text on the accent colour.' },
  { name: 'color-accent-soft', group: 'colour', light: '#e8efff', dark: '#1c2a4d', description: 'Selected rows, soft highlights.' },
  { name: 'color-highlight', group: 'colour', light: '#fff2a8', dark: '#5a4a00', description: 'Search matches.' },
  { name: 'color-danger', group: 'colour', light: '#b42318', dark: '#ff8a80', description: 'Errors and destructive actions.' },
  { name: 'color-focus-ring', group: 'colour', light: '#2352c4', dark: '#8bb0ff', description: 'Keyboard focus outline.' },
  { name: 'color-on-track', group: 'status', light: '#116329', dark: '#5fd07e', description: 'On track: text, bars, badges.' },
  { name: 'color-on-track-soft', group: 'status', light: '#dcf5e3', dark: '#133a20', description: 'On track: badge background.' },
  { name: 'color-at-risk', group: 'status', light: '#7a4d00', dark: '#e3b341', description: 'At risk.' },
  { name: 'color-at-risk-soft', group: 'status', light: '#fff4cc', dark: '#3d3007', description: 'At risk: badge background.' },
  { name: 'color-off-track', group: 'status', light: '#b42318', dark: '#ff8a80', description: 'Off track.' },
  { name: 'color-off-track-soft', group: 'status', light: '#ffe9e6', dark: '#4a1a17', description: 'Off track: badge background.' },
  { name: 'color-neutral-soft', group: 'status', light: '#eceff3', dark: '#2a2f39', description: 'Neutral badges (draft, archived).' },
  {
    name: 'font-family',
    group: 'type',
    light: 'system-ui, sans-serif',
    description: 'Text, in every language once set; unset, Chinese pages use font-family-zh.',
  },
  {
    name: 'font-family-zh',
    group: 'type',
    light: 'system-ui, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
    description: 'Text on Chinese pages (lang zh): Simplified Chinese fonts named, so Han characters take their Chinese forms.',
  },
  { name: 'font-size-s', group: 'type', light: '0.75rem', description: 'Captions, badges.' },
  { name: 'font-size-m', group: 'type', light: '0.875rem', description: 'Body text.' },
  { name: 'font-size-l', group: 'type', light: '1rem', description: 'Emphasised text, inputs.' },
  { name: 'font-size-xl', group: 'type', light: '1.25rem', description: 'Headings inside widgets.' },
  { name: 'font-weight-strong', group: 'type', light: '600', description: 'Titles and emphasis.' },
  { name: 'line-height', group: 'type', light: '1.5', description: 'Body line height (CJK needs room).' },
  { name: 'space-xs', group: 'space', light: '0.25rem', description: 'Tight gaps inside controls.' },
  { name: 'space-s', group: 'space', light: '0.5rem', description: 'Gaps between related items.' },
  { name: 'space-m', group: 'space', light: '0.75rem', description: 'Padding of rows and controls.' },
  { name: 'space-l', group: 'space', light: '1rem', description: 'Padding of panels.' },
  { name: 'space-xl', group: 'space', light: '1.5rem', description: 'Gaps between sections.' },
  { name: 'radius-s', group: 'shape', light: '4px', description: 'Controls and badges.' },
  { name: 'radius-m', group: 'shape', light: '8px', description: 'Cards and dialogs.' },
  { name: 'focus-ring-width', group: 'shape', light: '2px', description: 'Keyboard focus outline width.' },
  {
    name: 'shadow-raised',
    group: 'shape',
    light: '0 1px 2px rgb(16 24 40 / 0.08), 0 4px 12px rgb(16 24 40 / 0.08)',
    dark: '0 1px 2px rgb(0 0 0 / 0.5), 0 4px 12px rgb(0 0 0 / 0.4)',
    description: 'Cards, dialogs, menus.',
  },
  { name: 'duration', group: 'motion', light: '150ms', description: 'Transitions; 0s under prefers-reduced-motion.' },
] as const satisfies readonly TokenDefinition[];

export type TokenName = (typeof TOKENS)[number]['name'];

const tokensByName = new Map<string, TokenDefinition>(TOKENS.map((token) => [token.name, token]));

/** The default value of a token: `light-dark()` where the schemes differ. */
export function tokenDefault(token: TokenDefinition): string {
  return token.dark === undefined ? token.light : `light-dark(${token.light}, ${token.dark})`;
}

/**
 * A token for use in `css` templates: `color: ${token('color-text')}` becomes
 * `var(--tandem-color-text, light-dark(…))`. Keeping the default in the
 * fallback (instead of defining the property on each host) lets a value set by
 * the page or the provider inherit into every shadow root.
 */
export function token(name: TokenName): CSSResult {
  const definition = tokensByName.get(name);
  if (!definition) throw new Error(`Unknown design token: ${name}`);
  return unsafeCSS(`var(--tandem-${name}, ${tokenDefault(definition)})`);
}
