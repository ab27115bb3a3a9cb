import type { Language } from "../core/index.ts";

/** English pages live under this prefix; Swedish pages at the plain path. */
export const ENGLISH_PREFIX = "/en";

/** The language a page path is in: English under /en, Swedish everywhere else. */
export function pathLanguage(path: string): Language {
  return path === ENGLISH_PREFIX || path.startsWith(`${ENGLISH_PREFIX}/`) ? "en" : "sv";
}

/** The path without its language prefix: "/en/lan/05" → "/lan/05", "/en" → "/". */
export function stripLanguage(path: string): string {
  if (pathLanguage(path) === "sv") return path;
  const rest = path.slice(ENGLISH_PREFIX.length);
  return rest === "" ? "/" : rest;
}

/** A site path ("/lan/05", "/") in the given language: "/en/lan/05", "/en". */
export function localizedPath(language: Language, path: string): string {
  if (language === "sv") return path;
  return path === "/" ? ENGLISH_PREFIX : `${ENGLISH_PREFIX}${path}`;
}

export function otherLanguage(language: Language): Language {
  return language === "sv" ? "en" : "sv";
}

/**
 * A request path that is safe to link back to: one leading slash and no backslash or whitespace, so
 * it can never become a link to another site ("//evil.example", "/\evil.example"). Else "/".
 */
export function safeSitePath(path: string): string {
  return /^\/(?![/\\])[^\s\\]*$/.test(path) ? path : "/";
}
