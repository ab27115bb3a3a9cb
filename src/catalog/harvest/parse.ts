// An organization's catalog document as triples: RDF/XML, Turtle (and N-Triples) or JSON-LD, told
// apart by Content-Type and then by the first bytes. Untrusted input: XML with a DOCTYPE or an
// ENTITY is refused before any parser sees it (external entities, billion laughs), JSON-LD may
// load a remote @context only from the bundled allow-list (never from the network), JSON is
// depth-checked, and the number of triples is capped.
import jsonld from "jsonld";
import { Parser as TurtleParser, type Quad as N3Quad } from "n3";
import { RdfXmlParser } from "rdfxml-streaming-parser";
import type { Quad } from "@rdfjs/types";
import { HarvestError } from "./errors.ts";

export type RdfSyntax = "rdfxml" | "turtle" | "jsonld";

export type Term =
  | { readonly kind: "iri"; readonly value: string }
  | { readonly kind: "blank"; readonly value: string }
  | {
      readonly kind: "literal";
      readonly value: string;
      readonly language: string;
      /** Full datatype IRI; empty for a plain (xsd:string) or language-tagged literal. */
      readonly datatype: string;
    };

export interface Triple {
  readonly subject: Term;
  readonly predicate: string;
  readonly object: Term;
}

export interface ParseOptions {
  /** The URL the document came from: the base of relative IRIs. */
  readonly baseIri: string;
  readonly contentType: string | undefined;
  /** At most this many triples (a small document can still expand to many). */
  readonly maxTriples: number;
}

/**
 * Remote JSON-LD contexts the platform will use, bundled (never fetched). DCAT-AP-SE publishes no
 * JSON-LD context of its own (its bundle has none), so the list is empty: a document must carry
 * its context inline. An entry here is a URL and the context document, as stored in the project.
 */
export const BUNDLED_JSONLD_CONTEXTS: ReadonlyMap<string, Readonly<Record<string, unknown>>> = new Map();

const MAX_JSON_DEPTH = 64;
const RDF_XML = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
const LANG_STRING = `${RDF_XML}langString`;

/** The syntax the Content-Type names, if it names one we read. */
function syntaxOfContentType(contentType: string | undefined): RdfSyntax | undefined {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  switch (type) {
    case "application/rdf+xml":
    case "application/xml":
    case "text/xml":
      return "rdfxml";
    case "text/turtle":
    case "application/x-turtle":
    case "application/turtle":
    case "application/n-triples":
    case "text/n3":
      return "turtle";
    case "application/ld+json":
    case "application/json":
      return "jsonld";
    default:
      return undefined;
  }
}

/** By the first characters: `<` is XML, `{` or `[` JSON, anything else Turtle. */
export function sniffSyntax(text: string): RdfSyntax {
  const start = text.trimStart();
  // An element (`<rdf:RDF xmlns…`), a declaration or a comment; a Turtle IRI (`<https://…>`) is not.
  if (
    start.startsWith("<?") ||
    start.startsWith("<!") ||
    /^<[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?[\s/>]/.test(start)
  )
    return "rdfxml";
  if (start.startsWith("{") || start.startsWith("[")) return "jsonld";
  return "turtle";
}

export function detectSyntax(text: string, contentType: string | undefined): RdfSyntax {
  return syntaxOfContentType(contentType) ?? sniffSyntax(text);
}

/** UTF-8 with a fatal decoder (a BOM is dropped): bad bytes are an error, never mojibake. */
export function decodeDocument(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    throw new HarvestError({ kind: "encoding" }, { cause: error });
  }
}

export async function parseDocument(
  text: string,
  options: ParseOptions,
): Promise<{ syntax: RdfSyntax; triples: Triple[] }> {
  const syntax = detectSyntax(text, options.contentType);
  const triples: Triple[] = [];
  const add = (triple: Triple) => {
    if (triples.length >= options.maxTriples)
      throw new HarvestError({ kind: "too-many-triples", maxTriples: options.maxTriples });
    triples.push(triple);
  };
  switch (syntax) {
    case "rdfxml":
      await parseRdfXml(text, options.baseIri, add);
      break;
    case "turtle":
      parseTurtle(text, options.baseIri, add);
      break;
    case "jsonld":
      await parseJsonLd(text, options.baseIri, add);
      break;
  }
  return { syntax, triples };
}

function fromRdfJs(term: Quad["subject"] | Quad["object"]): Term | undefined {
  switch (term.termType) {
    case "NamedNode":
      return { kind: "iri", value: term.value };
    case "BlankNode":
      return { kind: "blank", value: term.value };
    case "Literal": {
      const datatype = term.datatype.value;
      return {
        kind: "literal",
        value: term.value,
        language: term.language,
        datatype: datatype === XSD_STRING || datatype === LANG_STRING ? "" : datatype,
      };
    }
    default:
      return undefined;
  }
}

function addQuad(quad: Quad | N3Quad, add: (triple: Triple) => void): void {
  // Named graphs are read as the default graph: a catalog is one graph.
  const subject = fromRdfJs(quad.subject);
  const object = fromRdfJs(quad.object);
  if (subject === undefined || subject.kind === "literal" || object === undefined) return;
  if (quad.predicate.termType !== "NamedNode") return;
  add({ subject, predicate: quad.predicate.value, object });
}

/** `<!DOCTYPE` or `<!ENTITY` anywhere: entity expansion is never needed in DCAT, and is the attack. */
const XML_DECLARATIONS = /<!\s*(DOCTYPE|ENTITY)/i;

function parseRdfXml(text: string, baseIri: string, add: (triple: Triple) => void): Promise<void> {
  const declaration = XML_DECLARATIONS.exec(text);
  if (declaration !== null)
    throw new HarvestError({ kind: "xml-declaration", declaration: (declaration[1] ?? "").toUpperCase() });
  return new Promise((resolve, reject: (error: unknown) => void) => {
    const parser = new RdfXmlParser({ baseIRI: baseIri });
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      reject(
        error instanceof HarvestError
          ? error
          : new HarvestError(
              { kind: "syntax", syntax: "rdfxml", detail: messageOf(error) },
              { cause: error },
            ),
      );
    };
    parser.on("data", (quad: Quad) => {
      try {
        addQuad(quad, add);
      } catch (error) {
        fail(error);
        parser.destroy();
      }
    });
    parser.on("error", fail);
    parser.on("end", () => {
      if (!failed) resolve();
    });
    parser.write(text);
    parser.end();
  });
}

function parseTurtle(text: string, baseIri: string, add: (triple: Triple) => void): void {
  let quads: N3Quad[];
  try {
    quads = new TurtleParser({ baseIRI: baseIri }).parse(text);
  } catch (error) {
    throw new HarvestError({ kind: "syntax", syntax: "turtle", detail: messageOf(error) }, { cause: error });
  }
  for (const quad of quads) addQuad(quad, add);
}

/** Deepest nesting of objects and arrays, counted outside strings, without building anything. */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

interface JsonLdQuad {
  readonly subject: { readonly termType: string; readonly value: string };
  readonly predicate: { readonly termType: string; readonly value: string };
  readonly object: {
    readonly termType: string;
    readonly value: string;
    readonly language?: string;
    readonly datatype?: { readonly value: string };
  };
}

async function parseJsonLd(text: string, baseIri: string, add: (triple: Triple) => void): Promise<void> {
  const depth = jsonDepth(text);
  if (depth > MAX_JSON_DEPTH) throw new HarvestError({ kind: "json-depth", depth, maxDepth: MAX_JSON_DEPTH });
  let document: unknown;
  try {
    // JSON.parse makes "__proto__" an ordinary own key: inert.
    document = JSON.parse(text);
  } catch (error) {
    throw new HarvestError({ kind: "syntax", syntax: "jsonld", detail: messageOf(error) }, { cause: error });
  }
  let refused: string | undefined;
  // The only way jsonld reaches outside the document: answered from the bundle, or refused.
  const documentLoader = (url: string) => {
    const bundled = BUNDLED_JSONLD_CONTEXTS.get(url);
    if (bundled !== undefined)
      return Promise.resolve({ contextUrl: undefined, documentUrl: url, document: bundled });
    refused ??= url;
    return Promise.reject(new HarvestError({ kind: "remote-context", url }));
  };
  let quads: JsonLdQuad[];
  try {
    quads = (await jsonld.toRDF(
      document as jsonld.JsonLdDocument,
      {
        base: baseIri,
        documentLoader,
      } as jsonld.Options.ToRdf,
    )) as unknown as JsonLdQuad[];
  } catch (error) {
    if (refused !== undefined)
      throw new HarvestError({ kind: "remote-context", url: refused }, { cause: error });
    throw new HarvestError({ kind: "syntax", syntax: "jsonld", detail: messageOf(error) }, { cause: error });
  }
  for (const quad of quads) {
    const subject: Term | undefined =
      quad.subject.termType === "NamedNode"
        ? { kind: "iri", value: quad.subject.value }
        : quad.subject.termType === "BlankNode"
          ? { kind: "blank", value: quad.subject.value.replace(/^_:/, "") }
          : undefined;
    if (subject === undefined || quad.predicate.termType !== "NamedNode") continue;
    const o = quad.object;
    const datatype = o.datatype?.value ?? "";
    const object: Term =
      o.termType === "NamedNode"
        ? { kind: "iri", value: o.value }
        : o.termType === "BlankNode"
          ? { kind: "blank", value: o.value.replace(/^_:/, "") }
          : {
              kind: "literal",
              value: o.value,
              language: o.language ?? "",
              datatype: datatype === XSD_STRING || datatype === LANG_STRING ? "" : datatype,
            };
    add({ subject, predicate: quad.predicate.value, object });
  }
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Parser messages can quote the input: keep them short.
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
