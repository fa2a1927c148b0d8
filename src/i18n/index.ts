export { en } from './en.js';
export { zhCN } from './zh-CN.js';
export type { Catalog, Message, MessageKey, MessageParams } from './catalog.js';
export {
  DEFAULT_LOCALE,
  LOCALES,
  catalogFor,
  registerMessages,
  type CatalogPart,
  isLocale,
  matchLocale,
  translate,
  translateMessage,
  translator,
  type Locale,
  type Translator,
} from './locale.js';
export { formatter, parseDate, type Formatter } from './format.js';
