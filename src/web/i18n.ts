// The web pages' words and their formatting. The words live beside their pages in messages/, one
// file per area, each with Swedish and English; this module merges them and fills them in.
import type { Language } from "../core/index.ts";
import { ENGLISH, SWEDISH, type Messages } from "./messages/index.ts";

export type { FixHint, Messages } from "./messages/index.ts";

/** A text with a number in it: templates hold "{n}", which the server and filter.js fill in. */
export type CountTemplates = Readonly<{ none: string; one: string; many: string }>;

export const MESSAGES: Readonly<Record<Language, Messages>> = { sv: SWEDISH, en: ENGLISH };

export function messages(language: Language): Messages {
  return MESSAGES[language];
}

/** Fills "{name}" placeholders: fill("Karta över {name}", { name: "Malmö" }). Unknown names stay as they are. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    return value === undefined ? whole : String(value);
  });
}

/**
 * A template split at its "{name}" placeholders, each replaced by its value, for putting markup
 * into a text: fillParts("Fältet {field} ...", { field: <code>lat</code> }). Unknown names stay text.
 */
export function fillParts<T>(template: string, values: Readonly<Record<string, T>>): (string | T)[] {
  return template
    .split(/(\{\w+\})/)
    .filter((part) => part !== "")
    .map((part) => {
      const key = /^\{(\w+)\}$/.exec(part)?.[1];
      const value = key === undefined ? undefined : values[key];
      return value === undefined ? part : value;
    });
}

/** The count text for n things: none, one or many. */
export function countText(templates: CountTemplates, n: number): string {
  const template = n === 0 ? templates.none : n === 1 ? templates.one : templates.many;
  return fill(template, { n });
}

const LOCALES: Readonly<Record<Language, string>> = { sv: "sv-SE", en: "en-GB" };

/** The BCP 47 locale for formatting in a language. */
export function locale(language: Language): string {
  return LOCALES[language];
}

/** A count as the language writes it: "3 000" / "3,000". */
export function formatNumber(n: number, language: Language): string {
  return new Intl.NumberFormat(locale(language)).format(n);
}

/** A file size limit in megabytes: "200 MB", "0,5 MB". */
export function formatMegabytes(bytes: number, language: Language): string {
  return new Intl.NumberFormat(locale(language), {
    style: "unit",
    unit: "megabyte",
    maximumFractionDigits: 1,
  }).format(bytes / (1024 * 1024));
}

/** "27 november 2026" / "27 November 2026" for an ISO date (YYYY-MM-DD). */
export function formatDate(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** A moment in Swedish time: "27 november 2026 14:05" / "27 November 2026, 14:05". */
export function formatDateTime(moment: Date, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  }).format(moment);
}

/** The ISO form of a moment, for <time datetime>. */
export function isoDateTime(moment: Date): string {
  return moment.toISOString();
}

/** Names sorted the Swedish way (å, ä, ö last) on both languages' pages: they are Swedish names. */
export const nameCollator = new Intl.Collator("sv", { sensitivity: "base", numeric: true });
