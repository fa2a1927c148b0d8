import type { Person } from './records.js';

const HAN = /\p{Script=Han}/u;

/** True when the text is written (at least partly) in Chinese characters. */
export function isHanText(text: string): boolean {
  return HAN.test(text);
}

/**
 * The name to show a person in a language: in Chinese the Chinese form, in
 * English the Latin form, where the person has both (王芳 / Wang Fang).
 * The other form, if any, is the `alternate`.
 */
export function displayName(
  person: Pick<Person, 'name' | 'nameAlt'>,
  language: 'zh-CN' | 'en',
): { primary: string; alternate?: string } {
  const { name, nameAlt } = person;
  if (!nameAlt) return { primary: name };
  const nameIsHan = isHanText(name);
  const wantHan = language === 'zh-CN';
  return nameIsHan === wantHan ? { primary: name, alternate: nameAlt } : { primary: nameAlt, alternate: name };
}

/**
 * Up to two letters for an avatar. Chinese names show the given name (the
 * last one or two characters, as Chinese apps do); Latin names show the first
 * letters of the first and last word.
 */
export function initialsOf(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return '?';
  if (isHanText(trimmed)) {
    const characters = [...trimmed.replace(/\s+/g, '')];
    return characters.length <= 2 ? characters.join('') : characters.slice(-2).join('');
  }
  const words = trimmed.split(/\s+/).filter(Boolean);
  const first = [...(words[0] ?? '')][0] ?? '';
  const last = words.length > 1 ? ([...(words[words.length - 1] ?? '')][0] ?? '') : '';
  return (first + last).toUpperCase();
}
