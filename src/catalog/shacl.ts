// Conformance: the EU DCAT-AP 3.0.1 shapes plus DIGG's DCAT-AP-SE additions, run with
// rdf-validate-shacl over the catalog's own nodes, and each result said in plain Swedish or
// English: which dataset, which property, what was expected and what was found.
import { readFile } from "node:fs/promises";
import type { DatasetCore, Quad, Term } from "@rdfjs/types";
import { DataFactory, Parser, Store } from "n3";
import type SHACLValidator from "rdf-validate-shacl";
import type { LocalizedText } from "../core/index.ts";
import type { RdfNode } from "./rdf.ts";
import { expand, NS } from "./vocabulary.ts";

const REFERENCE = new URL("./reference/", import.meta.url);

export const SHAPES = [
  { file: "dcat-ap-3.0.1-shacl.ttl", name: "DCAT-AP 3.0.1 (EU)" },
  { file: "dcat-ap-se-additions.ttl", name: "DCAT-AP-SE 3.0.1, tillägg / additions (DIGG)" },
] as const;

const SH = "http://www.w3.org/ns/shacl#";

export interface ShaclViolation {
  /** The resource the result is about. */
  readonly focusNode: string;
  /** The property, as a full IRI; null for a result about the node itself. */
  readonly path: string | null;
  /** The constraint, e.g. MinCountConstraintComponent. */
  readonly constraint: string;
  readonly severity: "violation" | "warning" | "info";
  readonly value: string | null;
  readonly expected: LocalizedText;
  readonly found: LocalizedText;
  readonly message: LocalizedText;
}

interface Validator {
  readonly validator: SHACLValidator;
  readonly shapes: DatasetCore;
}

let loading: Promise<Validator> | undefined;
// One validation at a time: the validator keeps the data graph it is working on as its state.
let queue: Promise<unknown> = Promise.resolve();

const namedNode = (value: string) => DataFactory.namedNode(value);
const literal = (value: string, languageOrDatatype: string | ReturnType<typeof namedNode>) =>
  DataFactory.literal(value, languageOrDatatype);
const quad = (subject: Quad["subject"], predicate: Quad["predicate"], object: Quad["object"]) =>
  DataFactory.quad(subject, predicate, object);

// The validator and its RDF environment are loaded on first use: they take a while to import,
// and most processes (the CLI, a server nobody asks for a pre-flight) never need them.
async function validator(): Promise<Validator> {
  loading ??= (async () => {
    const [{ default: rdf }, { default: Validator }] = await Promise.all([
      import("@zazuko/env"),
      import("rdf-validate-shacl"),
    ]);
    const shapes = new Store();
    for (const { file } of SHAPES) {
      const source = await readFile(new URL(file, REFERENCE), "utf8");
      shapes.addQuads(new Parser().parse(source));
    }
    return { validator: new Validator(shapes, { factory: rdf }), shapes };
  })();
  try {
    return await loading;
  } catch (error) {
    loading = undefined;
    throw error;
  }
}

/** The nodes as an RDF/JS dataset, the way a reader of the export would see them. */
export function toDataset(nodes: Iterable<RdfNode>): DatasetCore {
  const dataset = new Store();
  const type = namedNode(`${NS.rdf}type`);
  for (const node of nodes) {
    const subject = namedNode(node.id);
    for (const t of node.types) dataset.add(quad(subject, type, namedNode(expand(t))));
    for (const [predicate, object] of node.statements) {
      const o =
        "iri" in object
          ? namedNode(object.iri)
          : object.language !== undefined
            ? literal(object.value, object.language)
            : literal(object.value, namedNode(expand(object.datatype ?? "xsd:string")));
      dataset.add(quad(subject, namedNode(expand(predicate)), o));
    }
  }
  return dataset;
}

/** Parsed RDF (from a test, or later a harvested source) validated the same way. */
export function datasetOf(quads: Iterable<Quad>): DatasetCore {
  const dataset = new Store();
  for (const q of quads) dataset.add(q);
  return dataset;
}

export async function validate(data: DatasetCore): Promise<ShaclViolation[]> {
  const { validator: v, shapes } = await validator();
  const run = queue.then(() => v.validate(data));
  queue = run.catch(() => undefined);
  const report = await run;
  return report.results.map((result) => describe(result, shapes, data));
}

const one = (dataset: DatasetCore, subject: Term, predicate: string): Term | undefined => {
  for (const q of dataset.match(subject, namedNode(predicate), null)) return q.object;
  return undefined;
};

function count(data: DatasetCore, focus: Term, path: Term | null): number {
  if (path === null || path.termType !== "NamedNode") return 0;
  return data.match(focus, path, null).size;
}

/** `http://purl.org/dc/terms/title` → `dcterms:title`. */
export function compact(value: string): string {
  for (const [prefix, ns] of Object.entries(NS))
    if (value.startsWith(ns)) return `${prefix}:${value.slice(ns.length)}`;
  return value;
}

function shown(term: Term | undefined | null): string {
  if (term === undefined || term === null) return "";
  if (term.termType === "Literal") return `"${term.value}"`;
  return compact(term.value);
}

type Result = Awaited<ReturnType<SHACLValidator["validate"]>>["results"][number];

/** The library types these terms as always present; a result about a node itself has no path or value. */
const maybe = (term: Term | null | undefined): Term | null => term ?? null;

function describe(result: Result, shapes: DatasetCore, data: DatasetCore): ShaclViolation {
  const focus = result.focusNode;
  const rawPath = maybe(result.path);
  const path = rawPath?.termType === "NamedNode" ? rawPath : null;
  const component = (maybe(result.sourceConstraintComponent)?.value ?? "").replace(SH, "");
  const shape = maybe(result.sourceShape);
  const param = (name: string) => (shape === null ? undefined : one(shapes, shape, `${SH}${name}`));
  const value = maybe(result.value);
  const n = count(data, focus, path);
  const severity = (maybe(result.severity)?.value ?? `${SH}Violation`).replace(SH, "").toLowerCase();
  const property = path === null ? { sv: "resursen", en: "the resource" } : propertyName(path.value);
  let expected: LocalizedText;
  let found: LocalizedText;
  switch (component) {
    case "MinCountConstraintComponent": {
      const min = param("minCount")?.value ?? "1";
      expected = { sv: `minst ${min} värde`, en: `at least ${min} value${min === "1" ? "" : "s"}` };
      found = { sv: n === 0 ? "inget värde" : `${n} värden`, en: n === 0 ? "no value" : `${n} values` };
      break;
    }
    case "MaxCountConstraintComponent": {
      const max = param("maxCount")?.value ?? "1";
      expected = { sv: `högst ${max} värde`, en: `at most ${max} value${max === "1" ? "" : "s"}` };
      found = { sv: `${n} värden`, en: `${n} values` };
      break;
    }
    case "ClassConstraintComponent": {
      const cls = shown(param("class"));
      expected = { sv: `en resurs av typen ${cls}`, en: `a resource of type ${cls}` };
      const types = value === null ? [] : [...data.match(value, namedNode(`${NS.rdf}type`), null)];
      const typeList = types.map((q) => shown(q.object)).join(", ");
      found = {
        sv: `${shown(value)}, ${typeList === "" ? "utan typ" : `av typen ${typeList}`}`,
        en: `${shown(value)}, ${typeList === "" ? "without a type" : `of type ${typeList}`}`,
      };
      break;
    }
    case "NodeKindConstraintComponent": {
      const kind = param("nodeKind")?.value.replace(SH, "") ?? "";
      const wanted =
        kind === "Literal"
          ? { sv: "en text eller ett värde (literal)", en: "a text or value (literal)" }
          : { sv: "en IRI (en länk)", en: "an IRI (a link)" };
      expected = wanted;
      found = {
        sv: value?.termType === "Literal" ? `texten ${shown(value)}` : `länken ${shown(value)}`,
        en: value?.termType === "Literal" ? `the text ${shown(value)}` : `the link ${shown(value)}`,
      };
      break;
    }
    case "DatatypeConstraintComponent": {
      const datatype = shown(param("datatype"));
      expected = { sv: `ett värde av datatypen ${datatype}`, en: `a value of datatype ${datatype}` };
      const actual = value?.termType === "Literal" ? compact(value.datatype.value) : "";
      found = { sv: `${shown(value)} (${actual})`, en: `${shown(value)} (${actual})` };
      break;
    }
    default: {
      const text = result.message.map((m) => m.value).join(" ");
      expected = { sv: `att villkoret ${component} uppfylls`, en: `the constraint ${component} to hold` };
      found = { sv: text || shown(value), en: text || shown(value) };
    }
  }
  return {
    focusNode: focus.value,
    path: path?.value ?? null,
    constraint: component,
    severity: severity === "warning" || severity === "info" ? severity : "violation",
    value: value === null ? null : value.value,
    expected,
    found,
    message: {
      sv: `${where(property.sv, path)}: förväntade ${expected.sv}, fann ${found.sv}.`,
      en: `${where(property.en, path)}: expected ${expected.en}, found ${found.en}.`,
    },
  };
}

/** "Utgivare (dcterms:publisher)", or just the compact IRI for a property without a name. */
function where(name: string, path: Term | null): string {
  if (path === null) return name.charAt(0).toUpperCase() + name.slice(1);
  const key = compact(path.value);
  return name === key ? key : `${name.charAt(0).toUpperCase()}${name.slice(1)} (${key})`;
}

/** The properties a publisher meets most, in words; others are shown by their compact IRI. */
const PROPERTY_NAMES: Readonly<Record<string, LocalizedText>> = {
  "dcterms:title": { sv: "titel", en: "title" },
  "dcterms:description": { sv: "beskrivning", en: "description" },
  "dcterms:publisher": { sv: "utgivare", en: "publisher" },
  "dcterms:license": { sv: "licens", en: "licence" },
  "dcterms:type": { sv: "typ av aktör", en: "agent type" },
  "dcterms:format": { sv: "filformat", en: "file format" },
  "dcterms:spatial": { sv: "geografiskt område", en: "spatial coverage" },
  "dcterms:temporal": { sv: "tidsperiod", en: "temporal coverage" },
  "dcterms:accrualPeriodicity": { sv: "uppdateringsfrekvens", en: "update frequency" },
  "dcterms:accessRights": { sv: "åtkomsträttigheter", en: "access rights" },
  "dcterms:conformsTo": { sv: "följer specifikation", en: "conforms to" },
  "dcterms:issued": { sv: "utgivningsdatum", en: "release date" },
  "dcterms:modified": { sv: "senast ändrad", en: "modification date" },
  "dcterms:language": { sv: "språk", en: "language" },
  "dcat:theme": { sv: "tema", en: "theme" },
  "dcat:keyword": { sv: "nyckelord", en: "keyword" },
  "dcat:contactPoint": { sv: "kontaktuppgift", en: "contact point" },
  "dcat:distribution": { sv: "distribution", en: "distribution" },
  "dcat:accessURL": { sv: "åtkomstadress", en: "access URL" },
  "dcat:downloadURL": { sv: "nedladdningsadress", en: "download URL" },
  "dcat:mediaType": { sv: "medietyp", en: "media type" },
  "dcat:landingPage": { sv: "webbsida", en: "landing page" },
  "dcat:dataset": { sv: "datamängd", en: "dataset" },
  "dcat:endpointURL": { sv: "tjänstens adress", en: "endpoint URL" },
  "foaf:name": { sv: "namn", en: "name" },
  "foaf:homepage": { sv: "webbplats", en: "homepage" },
  "skos:prefLabel": { sv: "benämning", en: "label" },
};

export function propertyName(iri: string): LocalizedText {
  const key = compact(iri);
  return PROPERTY_NAMES[key] ?? { sv: key, en: key };
}
