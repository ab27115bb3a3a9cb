// A small RDF model (subjects with their types and statements) and the three writers the catalog
// serves: RDF/XML (what dataportal.se harvests), Turtle and JSON-LD. Written by hand because the
// export streams tens of thousands of datasets: each writer turns one node into text at a time,
// so memory stays flat and the output needs no second pass. Every subject is an IRI: no blank nodes.
import { expand, NS, type CompactIri, type Prefix } from "./vocabulary.ts";

export type RdfObject =
  | { readonly iri: string }
  | { readonly value: string; readonly language?: string; readonly datatype?: CompactIri };

export type Statement = readonly [predicate: CompactIri, object: RdfObject];

/** One subject. The same subject may appear in several nodes; readers merge them. */
export interface RdfNode {
  readonly id: string;
  readonly types: readonly CompactIri[];
  readonly statements: readonly Statement[];
}

export const iri = (value: string): RdfObject => ({ iri: value });
export const text = (value: string, language: string): RdfObject => ({ value, language });
export const typed = (value: string, datatype: CompactIri): RdfObject => ({ value, datatype });

export const RDF_FORMATS = ["rdf", "ttl", "jsonld"] as const;
export type RdfFormat = (typeof RDF_FORMATS)[number];

export const RDF_MEDIA_TYPES: Readonly<Record<RdfFormat, string>> = {
  rdf: "application/rdf+xml",
  ttl: "text/turtle",
  jsonld: "application/ld+json",
};

/** Turns nodes into text: the document's start, each node, the document's end. */
export interface RdfWriter {
  start(): string;
  node(node: RdfNode): string;
  end(): string;
}

export function rdfWriter(format: RdfFormat): RdfWriter {
  switch (format) {
    case "rdf":
      return new RdfXmlWriter();
    case "ttl":
      return new TurtleWriter();
    case "jsonld":
      return new JsonLdWriter();
  }
}

const PREFIXES = Object.entries(NS) as [Prefix, string][];

// Characters XML 1.0 does not allow at all; they are dropped rather than making the document invalid.
const XML_INVALID_CHARS =
  "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]";
const XML_INVALID = new RegExp(XML_INVALID_CHARS, "g");
const HAS_XML_INVALID = new RegExp(XML_INVALID_CHARS);

/** The text without the characters XML cannot carry; almost always the text itself, untouched. */
function clean(value: string): string {
  return HAS_XML_INVALID.test(value) ? value.replace(XML_INVALID, "") : value;
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  // A carriage return is written as a reference: an XML reader turns a literal one into a line feed.
  "\r": "&#13;",
  '"': "&quot;",
  "\n": "&#10;",
  "\t": "&#9;",
};
const XML_TEXT_SPECIAL = /[&<>\r]/g;
const XML_ATTRIBUTE_SPECIAL = /[&<>\r"\n\t]/g;
const escapeXml = (c: string) => XML_ESCAPES[c] ?? c;

// The export writes millions of short strings: a test first skips the replace for most of them.
function xmlText(value: string): string {
  const text = clean(value);
  XML_TEXT_SPECIAL.lastIndex = 0;
  return XML_TEXT_SPECIAL.test(text) ? text.replace(XML_TEXT_SPECIAL, escapeXml) : text;
}

function xmlAttribute(value: string): string {
  const text = clean(value);
  XML_ATTRIBUTE_SPECIAL.lastIndex = 0;
  return XML_ATTRIBUTE_SPECIAL.test(text) ? text.replace(XML_ATTRIBUTE_SPECIAL, escapeXml) : text;
}

class RdfXmlWriter implements RdfWriter {
  start(): string {
    const namespaces = PREFIXES.map(([prefix, ns]) => `\n    xmlns:${prefix}="${ns}"`).join("");
    return `<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF${namespaces}>\n`;
  }

  node(node: RdfNode): string {
    // The first type names the element (<dcat:Dataset rdf:about=…>), the rest are rdf:type.
    const [first, ...rest] = node.types;
    const element = first ?? "rdf:Description";
    let out = `  <${element} rdf:about="${xmlAttribute(node.id)}">\n`;
    for (const type of rest) out += `    <rdf:type rdf:resource="${xmlAttribute(expand(type))}"/>\n`;
    for (const [predicate, object] of node.statements) {
      if ("iri" in object) {
        out += `    <${predicate} rdf:resource="${xmlAttribute(object.iri)}"/>\n`;
      } else if (object.language !== undefined) {
        out += `    <${predicate} xml:lang="${object.language}">${xmlText(object.value)}</${predicate}>\n`;
      } else if (object.datatype !== undefined) {
        out += `    <${predicate} rdf:datatype="${expand(object.datatype)}">${xmlText(object.value)}</${predicate}>\n`;
      } else {
        out += `    <${predicate}>${xmlText(object.value)}</${predicate}>\n`;
      }
    }
    return `${out}  </${element}>\n`;
  }

  end(): string {
    return "</rdf:RDF>\n";
  }
}

// Characters an IRIREF may not hold; percent-encoded so that a stray one cannot break the document.
// eslint-disable-next-line no-control-regex
const IRI_UNSAFE = /[\u0000-\u0020<>"{}|^`\\]/g;

function turtleIri(value: string): string {
  IRI_UNSAFE.lastIndex = 0;
  return IRI_UNSAFE.test(value)
    ? `<${value.replace(IRI_UNSAFE, (c) => encodeURIComponent(c))}>`
    : `<${value}>`;
}

// eslint-disable-next-line no-control-regex
const TURTLE_ESCAPE = /["\\\u0000-\u001F\u007F]/g;
const TURTLE_NAMED: Readonly<Record<string, string>> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

function turtleString(value: string): string {
  const text = clean(value);
  TURTLE_ESCAPE.lastIndex = 0;
  if (!TURTLE_ESCAPE.test(text)) return `"${text}"`;
  const escaped = text.replace(
    TURTLE_ESCAPE,
    (c) => TURTLE_NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}`,
  );
  return `"${escaped}"`;
}

function turtleObject(object: RdfObject): string {
  if ("iri" in object) return turtleIri(object.iri);
  if (object.language !== undefined) return `${turtleString(object.value)}@${object.language}`;
  if (object.datatype !== undefined) return `${turtleString(object.value)}^^${object.datatype}`;
  return turtleString(object.value);
}

class TurtleWriter implements RdfWriter {
  start(): string {
    return PREFIXES.map(([prefix, ns]) => `@prefix ${prefix}: <${ns}> .\n`).join("") + "\n";
  }

  node(node: RdfNode): string {
    const lines: string[] = [];
    if (node.types.length > 0) lines.push(`a ${node.types.join(", ")}`);
    // Statements of one predicate are written together as an object list.
    const byPredicate = new Map<CompactIri, string[]>();
    for (const [predicate, object] of node.statements) {
      const objects = byPredicate.get(predicate);
      if (objects === undefined) byPredicate.set(predicate, [turtleObject(object)]);
      else objects.push(turtleObject(object));
    }
    for (const [predicate, objects] of byPredicate) lines.push(`${predicate} ${objects.join(", ")}`);
    if (lines.length === 0) return "";
    return `${turtleIri(node.id)}\n    ${lines.join(" ;\n    ")} .\n\n`;
  }

  end(): string {
    return "";
  }
}

/** The JSON-LD context: the prefixes, so that keys read as `dcterms:title`. */
export const JSONLD_CONTEXT: Readonly<Record<string, string>> = Object.fromEntries(PREFIXES);

class JsonLdWriter implements RdfWriter {
  private first = true;

  start(): string {
    return `{"@context":${JSON.stringify(JSONLD_CONTEXT)},\n"@graph":[\n`;
  }

  node(node: RdfNode): string {
    const object: Record<string, unknown> = { "@id": node.id };
    if (node.types.length > 0) object["@type"] = node.types.map(expand);
    for (const [predicate, value] of node.statements) {
      const values = (object[predicate] ??= []) as unknown[];
      // The same characters are dropped as in the other formats, so all three say the same.
      const literal = "iri" in value ? "" : clean(value.value);
      if ("iri" in value) values.push({ "@id": value.iri });
      else if (value.language !== undefined) values.push({ "@value": literal, "@language": value.language });
      else if (value.datatype !== undefined)
        values.push({ "@value": literal, "@type": expand(value.datatype) });
      else values.push({ "@value": literal });
    }
    const separator = this.first ? "" : ",\n";
    this.first = false;
    return separator + JSON.stringify(object);
  }

  end(): string {
    return "\n]}\n";
  }
}
