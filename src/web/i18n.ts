// The web pages' words and their formatting. The words live beside their pages in messages/, one
// file per area, each with Swedish and English; this module merges them and fills them in.
import type { Language } from "../core/index.ts";
import { ENGLISH, SWEDISH, type Messages, type Names, type Template } from "./messages/index.ts";

export type { FixHint, Messages, Template } from "./messages/index.ts";

/**
 * The values a template needs: one for each of its placeholders, and none when it has none, so a
 * missing or misspelled name fails the type-check.
 */
export type Values<T extends string, V> = [Names<T>] extends [never]
  ? Readonly<Record<string, never>>
  : Readonly<Record<Names<T>, V>>;

/**
 * A text with a number in it, one template per plural form of the language (Intl.PluralRules:
 * "one" and "other" in Swedish and English), and "none" for an exact zero when the page says it
 * in other words. Templates hold "{n}", which the server and filter.js fill in.
 */
export type CountTemplates = Readonly<
  Partial<Record<Intl.LDMLPluralRule, string>> & { none?: string; other: string }
>;

export const MESSAGES: Readonly<Record<Language, Messages>> = { sv: SWEDISH, en: ENGLISH };

export function messages(language: Language): Messages {
  return MESSAGES[language];
}

/** Fills "{name}" placeholders: fill("Karta över {name}", { name: "Malmö" }). Unknown names stay as they are. */
export function fill<T extends string>(template: T, values: Values<T, string | number>): string {
  const byName: Readonly<Record<string, string | number | undefined>> = values;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = byName[key];
    return value === undefined ? whole : String(value);
  });
}

/**
 * A template split at its "{name}" placeholders, each replaced by its value, for putting markup
 * into a text: fillParts("Fältet {field} ...", { field: <code>lat</code> }). Unknown names stay text.
 */
export function fillParts<S extends string, V extends Readonly<Record<Names<S>, unknown>>>(
  template: S,
  values: V,
): (string | V[keyof V])[] {
  // Every value of V is a V[keyof V]; looked up by any name, some are missing.
  const byName = values as Partial<Readonly<Record<string, V[keyof V]>>>;
  return template
    .split(/(\{\w+\})/)
    .filter((part) => part !== "")
    .map((part) => {
      const key = /^\{(\w+)\}$/.exec(part)?.[1];
      const value = key === undefined ? undefined : byName[key];
      return value === undefined ? part : value;
    });
}

const PLURALS: Readonly<Record<Language, Intl.PluralRules>> = {
  sv: new Intl.PluralRules("sv"),
  en: new Intl.PluralRules("en"),
};

/** The placeholders of a count's templates other than {n}, which countText fills. */
type CountNames<T extends CountTemplates> = Exclude<Names<Extract<T[keyof T], string>>, "n">;

/**
 * The count text for n things in the language's plural form ("none" for zero if it has one), with
 * the placeholders other than {n} still to fill.
 */
export function countText<T extends CountTemplates>(
  templates: T,
  n: number,
  language: Language,
): Template<CountNames<T>> {
  const template =
    n === 0 && templates.none !== undefined
      ? templates.none
      : (templates[PLURALS[language].select(n)] ?? templates.other);
  // Filling {n} leaves the others as they were, which is what the mark says.
  return fill(template, { n }) as Template<CountNames<T>>;
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
