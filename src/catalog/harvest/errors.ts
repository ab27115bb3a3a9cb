// Why a harvest failed, as a closed set of kinds, each said in plain Swedish and English: what was
// expected, what was found, and that the last good metadata is kept.
import type { LocalizedText } from "../../core/index.ts";

export type HarvestFailure =
  | { readonly kind: "encoding" }
  | { readonly kind: "xml-declaration"; readonly declaration: string }
  | { readonly kind: "syntax"; readonly syntax: "rdfxml" | "turtle" | "jsonld"; readonly detail: string }
  | { readonly kind: "remote-context"; readonly url: string }
  | { readonly kind: "json-depth"; readonly depth: number; readonly maxDepth: number }
  | { readonly kind: "too-many-triples"; readonly maxTriples: number }
  | { readonly kind: "no-datasets" };

const SYNTAX_NAMES = { rdfxml: "RDF/XML", turtle: "Turtle", jsonld: "JSON-LD" } as const;

export function describeHarvestFailure(failure: HarvestFailure): LocalizedText {
  switch (failure.kind) {
    case "encoding":
      return {
        sv: "Katalogen är inte giltig UTF-8. Spara den som UTF-8.",
        en: "The catalog is not valid UTF-8. Save it as UTF-8.",
      };
    case "xml-declaration":
      return {
        sv: `Katalogen innehåller en XML-deklaration (<!${failure.declaration}>). Sådana tas aldrig emot, eftersom de kan användas för att läsa filer på servern eller för att blåsa upp dokumentet (XXE, "billion laughs"). Ta bort DOCTYPE och ENTITY ur RDF/XML-filen.`,
        en: `The catalog contains an XML declaration (<!${failure.declaration}>). These are never accepted, since they can be used to read files on the server or to blow the document up (XXE, "billion laughs"). Remove DOCTYPE and ENTITY from the RDF/XML file.`,
      };
    case "syntax":
      return {
        sv: `Katalogen gick inte att läsa som ${SYNTAX_NAMES[failure.syntax]}: ${failure.detail}`,
        en: `The catalog could not be read as ${SYNTAX_NAMES[failure.syntax]}: ${failure.detail}`,
      };
    case "remote-context":
      return {
        sv: `JSON-LD-dokumentet hänvisar till en extern @context (${failure.url}) som inte finns i plattformens lista över tillåtna kontexter. Externa kontexter hämtas aldrig; lägg in kontexten direkt i dokumentet.`,
        en: `The JSON-LD document refers to a remote @context (${failure.url}) that is not on the platform's list of allowed contexts. Remote contexts are never fetched; put the context in the document itself.`,
      };
    case "json-depth":
      return {
        sv: `JSON-LD-dokumentet är nästlat ${failure.depth} nivåer djupt; högst ${failure.maxDepth} tillåts.`,
        en: `The JSON-LD document is nested ${failure.depth} levels deep; at most ${failure.maxDepth} are allowed.`,
      };
    case "too-many-triples":
      return {
        sv: `Katalogen innehåller fler än ${failure.maxTriples} tripler; det är mer än plattformen tar emot från en källa.`,
        en: `The catalog holds more than ${failure.maxTriples} triples; that is more than the platform accepts from one source.`,
      };
    case "no-datasets":
      return {
        sv: "Katalogen innehåller ingen datamängd (dcat:Dataset). Inget ändrades: en tom katalog tas inte som att alla datamängder har tagits bort.",
        en: "The catalog contains no dataset (dcat:Dataset). Nothing changed: an empty catalog is not taken to mean that every dataset was removed.",
      };
  }
}

/** A harvest that cannot go on; the source keeps its last good metadata. */
export class HarvestError extends Error {
  readonly failure: HarvestFailure;
  readonly text: LocalizedText;

  constructor(failure: HarvestFailure, options: { readonly cause?: unknown } = {}) {
    const text = describeHarvestFailure(failure);
    super(text.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "HarvestError";
    this.failure = failure;
    this.text = text;
  }
}
