import { en } from './en.js';

/** Every message key the kit knows. */
export type MessageKey = keyof typeof en;

type EnglishMessage<K extends MessageKey> = (typeof en)[K];

/** The parameters a message takes: none for plain strings. */
export type MessageParams<K extends MessageKey> =
  EnglishMessage<K> extends (params: infer P) => string ? P : undefined;

/** The shape every catalog must have: the same keys as English, the same parameters. */
export type Catalog = {
  readonly [K in MessageKey]: EnglishMessage<K> extends (params: infer P) => string
    ? (params: P) => string
    : string;
};

/** A message to show later, in whichever language is current then (e.g. on an error). */
export type Message = {
  [K in MessageKey]: MessageParams<K> extends undefined
    ? { key: K; params?: undefined }
    : { key: K; params: MessageParams<K> };
}[MessageKey];
