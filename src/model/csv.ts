/**
 * CSV for spreadsheets: RFC 4180 text that Excel, Numbers, LibreOffice and
 * WPS open with Chinese intact, and that cannot run a formula planted in a
 * KPI name or a comment.
 */

export type CsvCell = string | number | boolean | null | undefined;

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV
 * injection"): = + - @, and tab and carriage return, which some spreadsheets
 * skip before looking for those.
 */
export const CSV_FORMULA_TRIGGERS: readonly string[] = Object.freeze(['=', '+', '-', '@', '\t', '\r']);

/** Unicode whitespace (spaces, line breaks, NBSP, ideographic space…) a spreadsheet may trim before reading a formula. */
const LEADING_WHITESPACE = /^\s*/u;

/**
 * A text cell a spreadsheet would read as a formula gets a leading
 * apostrophe, which spreadsheets show as text and do not evaluate. Besides a
 * trigger in first place, a trigger after leading whitespace counts too
 * (" =1+1", "\n@SUM(…)"): importers that trim cells would otherwise run it.
 * Only for string cells: numbers are formatted by us, so a negative number
 * stays a number.
 */
export function neutralizeCsvCell(text: string): string {
  const first = text.charAt(0);
  const firstAfterWhitespace = text.charAt(LEADING_WHITESPACE.exec(text)?.[0].length ?? 0);
  const isTrigger = (character: string): boolean => character !== '' && CSV_FORMULA_TRIGGERS.includes(character);
  return isTrigger(first) || isTrigger(firstAfterWhitespace) ? `'${text}` : text;
}

/** RFC 4180 §2.6: a field holding a separator, a quote or a line break must be quoted. */
const NEEDS_QUOTES = /[",\r\n]/;

function fieldOf(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = neutralizeCsvCell(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Rows as CSV (RFC 4180): fields with a comma, quote, CR or LF quoted, quotes
 * doubled; CRLF between records. Starts with a UTF-8 byte order mark
 * (U+FEFF) because Excel reads a CSV without one in the system's legacy code
 * page, which garbles Chinese. `null`/`undefined` → empty; booleans →
 * `true`/`false`; numbers → `String(n)`, empty when not finite. Text cells
 * go through {@link neutralizeCsvCell}.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(fieldOf).join(',')).join('\r\n')}`;
}
