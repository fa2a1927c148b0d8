/** The kit's pure rules and records: no DOM, no I/O, usable on a server too. */
export * from './records.js';
export * from './people.js';
export * from './validation.js';
