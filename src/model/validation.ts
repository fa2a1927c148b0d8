import type { Message } from '../i18n/catalog.js';

/** One refused value: which field, and the message to show next to it. */
export type ValidationIssue = { field: string } & { message: Message };
