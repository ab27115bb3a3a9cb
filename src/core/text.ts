/**
 * Folds a name for diacritic-insensitive search: "Linköping" → "linkoping",
 * "Malmö" → "malmo", "Ängelholm" → "angelholm". Both the stored names and the
 * query go through this, so the database needs no unaccent extension.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[\s\-–]+/g, " ")
    .trim();
}

/** Escapes LIKE wildcards so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// What PostgreSQL text and jsonb cannot store: NUL, and half a surrogate pair (JSON's "\ud800",
// Excel's _xD800_). Decoded bytes never hold the latter; decoders replace it.
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, "g");

/** Whether the text holds a character no database text column can store. */
export function hasUnstorable(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** The text with each such character replaced by U+FFFD. */
export function storable(text: string): string {
  return text.replace(UNSTORABLE_ALL, "\uFFFD");
}
