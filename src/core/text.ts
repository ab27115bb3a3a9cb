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
