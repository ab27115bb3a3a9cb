// Writing CSV. Every CSV the platform writes goes through here, so formula cells are
// neutralised in one place (OWASP "CSV injection").

const FORMULA_START = /^[=+\-@\t\r]/;
// A signed number is data, not a formula: "-12.5" must stay a number for the reader.
const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?$/;

/** A cell a spreadsheet would run as a formula gets a leading apostrophe; plain numbers stay. */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** One RFC 4180 cell: quoted when it holds the delimiter, a quote or a line break. */
export function csvCell(value: string, delimiter = ","): string {
  const safe = neutralizeFormula(value);
  return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line (CRLF-terminated, as RFC 4180 and Excel expect). */
export function csvRow(values: readonly string[], delimiter = ","): string {
  return values.map((value) => csvCell(value, delimiter)).join(delimiter) + "\r\n";
}
