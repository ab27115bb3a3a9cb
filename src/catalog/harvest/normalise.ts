// Harvested triples → one normalised description per dataset, in the platform's RDF model, so
// that what the platform re-publishes passes the same shapes as its own entries. The rules:
//
// 1. Blank nodes get skolem IRIs `{base}/.well-known/genid/{hash}`, the hash taken from what the
//    node says and who refers to it, so an unchanged description keeps its IRIs between harvests.
//    The base is a token here and the export's base at export time (see `rebase`).
// 2. A dataset's description is the dataset, everything it refers to that the document describes
//    (distributions, publisher, contact point, data services, periods…), but not other datasets or
//    catalogs. Its distributions and skolemised nodes are its own; the rest are shared resources,
//    written once per export.
// 3. Only the vocabulary the writers know (the prefixes in vocabulary.ts) is kept; other
//    properties, classes and datatypes are dropped and recorded.
// 4. A referenced resource gets the class the shapes expect of it (a licence becomes a
//    dcterms:LicenseDocument, a contact point a vcard:Kind…), read from the shapes themselves; a
//    skos:Concept gets a label (the vocabulary's own when known).
// 5. A literal where the shapes want a resource becomes one when it can: a format ("text/csv",
//    "CSV", ".csv") the EU file-type URI, a media type its IANA URI, a URL its IRI; else dropped.
// 6. A dataset without a publisher gets the organization; an agent without a type gets the
//    organization's type (the source is the organization's own catalog).
// 7. The dataset gets an IRI of the organization's own (see organizationDatasetIri), the source's
//    IRI kept as its adms:identifier: two organizations' catalogs may describe the same IRI.
// Every change is recorded in Swedish and English for the pre-flight page.
import { createHash } from "node:crypto";
import type { LocalizedText } from "../../core/index.ts";
import type { RdfNode, RdfObject, Statement } from "../rdf.ts";
import { dataportalOrganizationIri } from "../entries.ts";
import {
  ACCESS_PUBLIC,
  CC0,
  DATA_THEME_SCHEME,
  DATA_THEMES,
  FREQUENCIES,
  HVD_LEGISLATION,
  LANGUAGE_SWEDISH,
  mediaTypeIri,
  NS,
  PUBLISHER_TYPES,
  SWEDEN,
  type CompactIri,
  type Prefix,
  type VocabularyTerm,
} from "../vocabulary.ts";
import { euFileType, isMediaType } from "./file-types.ts";
import type { Term, Triple } from "./parse.ts";
import { expectationOf, shapeTable, type ShapeTable } from "./shapes.ts";

/** Stands for the platform's base URL in stored descriptions; replaced when exported. */
export const BASE_TOKEN = "urn:x-dataverkstad-base:";

export interface NormalisationNote {
  readonly kind: "dropped" | "added" | "changed";
  /** The resource concerned (as stored: skolem IRIs carry the base token). */
  readonly subject: string;
  readonly property: string | null;
  readonly message: LocalizedText;
}

/** A dataset's normalised description: its own nodes and the shared resources it refers to. */
export interface HarvestedGraph {
  readonly own: readonly RdfNode[];
  readonly shared: readonly RdfNode[];
}

/** What search and listings read, without parsing the graph. */
export interface SearchFields {
  /** language ("" when untagged) → text. */
  readonly title: Readonly<Record<string, string>>;
  readonly description: Readonly<Record<string, string>>;
  readonly keywords: Readonly<Record<string, readonly string[]>>;
  readonly themes: readonly string[];
  readonly formats: readonly string[];
  readonly licences: readonly string[];
}

export interface NormalisedDataset {
  readonly iri: string;
  readonly identifier: string | null;
  readonly graph: HarvestedGraph;
  /** sha256 of the canonical description: equal hash, nothing to rewrite. */
  readonly hash: string;
  readonly notes: readonly NormalisationNote[];
  readonly fields: SearchFields;
}

export interface DuplicateDataset {
  readonly iri: string;
  readonly identifier: string;
  readonly keptIri: string;
}

export interface NormalisedDocument {
  readonly datasets: readonly NormalisedDataset[];
  /** Datasets with the same dct:identifier as one kept before them in the same document. */
  readonly duplicates: readonly DuplicateDataset[];
}

export interface HarvestOrganization {
  readonly code: string;
  readonly name: string;
  readonly publisherType: VocabularyTerm;
  /** Its organisationsnummer, the agent's identifier as on the platform's own datasets; null when unknown. */
  readonly organizationNumber: string | null;
}

const RDF_TYPE = `${NS.rdf}type`;
const DCAT = NS.dcat;
const DCTERMS = NS.dcterms;
const SKOS = NS.skos;
const FOAF = NS.foaf;
const DATASET = `${DCAT}Dataset`;
const NOT_FOLLOWED = new Set([DATASET, `${DCAT}Catalog`, `${DCAT}CatalogRecord`, `${DCAT}DatasetSeries`]);
const CONCEPT = `${SKOS}Concept`;
const CONCEPT_SCHEME = `${SKOS}ConceptScheme`;
const AGENT = `${FOAF}Agent`;
const FORMAT_PROPERTIES = new Set([`${DCTERMS}format`]);
const MEDIA_TYPE_PROPERTIES = new Set([`${DCAT}mediaType`, `${DCAT}compressFormat`, `${DCAT}packageFormat`]);
const DATE_PROPERTIES = new Set([
  `${DCTERMS}issued`,
  `${DCTERMS}modified`,
  `${DCAT}startDate`,
  `${DCAT}endDate`,
]);
const EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";

const KNOWN_LABELS: ReadonlyMap<string, LocalizedText> = new Map(
  [
    ...Object.values(DATA_THEMES),
    ...Object.values(FREQUENCIES),
    ...Object.values(PUBLISHER_TYPES),
    CC0,
    ACCESS_PUBLIC,
    LANGUAGE_SWEDISH,
    SWEDEN,
    HVD_LEGISLATION,
    DATA_THEME_SCHEME,
  ].map((term): [string, LocalizedText] => [term.iri, term.label]),
);

const PREFIXES = (Object.entries(NS) as [Prefix, string][]).sort((a, b) => b[1].length - a[1].length);
const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** `http://purl.org/dc/terms/title` → `dcterms:title`, or undefined outside the known vocabulary. */
export function compactIri(iri: string): CompactIri | undefined {
  for (const [prefix, ns] of PREFIXES) {
    if (!iri.startsWith(ns)) continue;
    const local = iri.slice(ns.length);
    return NCNAME.test(local) && !local.endsWith(".") ? `${prefix}:${local}` : undefined;
  }
  return undefined;
}

interface WorkStatement {
  readonly predicate: string;
  readonly object: Term;
}

interface WorkNode {
  readonly id: string;
  readonly types: Set<string>;
  statements: WorkStatement[];
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The label a concept without one gets: the vocabulary's, else its IRI's last segment. */
function labelOf(iri: string): LocalizedText {
  const known = KNOWN_LABELS.get(iri);
  if (known !== undefined) return known;
  const fileType = iri.startsWith(EU_FILE_TYPE) ? euFileType(iri) : undefined;
  if (fileType !== undefined) return { sv: fileType.label, en: fileType.label };
  const last =
    iri
      .replace(/[/#]+$/, "")
      .split(/[/#]/)
      .pop() ?? iri;
  let text = last;
  try {
    text = decodeURIComponent(last);
  } catch {
    // keep it as written
  }
  text = text.replace(/_/g, " ") || iri;
  return { sv: text, en: text };
}

function termKey(term: Term): string {
  switch (term.kind) {
    case "iri":
      return `<${term.value}>`;
    case "blank":
      return `_:${term.value}`;
    case "literal":
      return JSON.stringify([term.value, term.language, term.datatype]);
  }
}

/** Blank-node labels → skolem IRIs, stable for unchanged content. */
function skolemise(triples: readonly Triple[], organizationCode: string): Map<string, string> {
  const bySubject = new Map<string, Triple[]>();
  const referrers = new Map<string, Triple[]>();
  for (const t of triples) {
    if (t.subject.kind === "blank") {
      const list = bySubject.get(t.subject.value);
      if (list === undefined) bySubject.set(t.subject.value, [t]);
      else list.push(t);
    }
    if (t.object.kind === "blank") {
      const list = referrers.get(t.object.value);
      if (list === undefined) referrers.set(t.object.value, [t]);
      else list.push(t);
    }
  }
  const canonical = new Map<string, string>();
  const canonicalOf = (label: string, visiting: Set<string>): string => {
    const done = canonical.get(label);
    if (done !== undefined) return done;
    if (visiting.has(label)) return "[cycle]";
    visiting.add(label);
    const lines = (bySubject.get(label) ?? []).map(
      (t) =>
        `${t.predicate} ${t.object.kind === "blank" ? `[${canonicalOf(t.object.value, visiting)}]` : termKey(t.object)}`,
    );
    visiting.delete(label);
    const text = lines.sort().join("\n");
    canonical.set(label, text);
    return text;
  };
  const skolems = new Map<string, string>();
  const skolemOf = (label: string, visiting: Set<string>): string => {
    const done = skolems.get(label);
    if (done !== undefined) return done;
    const own = bySubject.get(label) ?? [];
    const isDataset = own.some(
      (t) => t.predicate === RDF_TYPE && t.object.kind === "iri" && t.object.value === DATASET,
    );
    const identifier = own.find((t) => t.predicate === `${DCTERMS}identifier` && t.object.kind === "literal");
    let seed: string;
    if (isDataset && identifier !== undefined) {
      // A blank-node dataset keeps its IRI while its dct:identifier stays, whatever else changes.
      seed = `dataset\n${organizationCode}\n${identifier.object.value}`;
    } else {
      visiting.add(label);
      const owners = (referrers.get(label) ?? [])
        .map((t) =>
          t.subject.kind === "iri"
            ? `<${t.subject.value}> ${t.predicate}`
            : visiting.has(t.subject.value)
              ? `[cycle] ${t.predicate}`
              : `<${skolemOf(t.subject.value, visiting)}> ${t.predicate}`,
        )
        .sort();
      visiting.delete(label);
      seed = `${owners[0] ?? ""}\n${canonicalOf(label, new Set())}`;
    }
    const iri = `${BASE_TOKEN}/.well-known/genid/${sha256(seed).slice(0, 32)}`;
    skolems.set(label, iri);
    return iri;
  };
  for (const label of new Set([...bySubject.keys(), ...referrers.keys()])) skolemOf(label, new Set());
  return skolems;
}

class Notes {
  private readonly seen = new Map<string, NormalisationNote>();

  add(note: NormalisationNote): void {
    const key = `${note.kind}|${note.subject}|${note.property ?? ""}|${note.message.en}`;
    if (!this.seen.has(key)) this.seen.set(key, note);
  }

  list(): NormalisationNote[] {
    return [...this.seen.values()];
  }
}

const shortIri = (iri: string) => compactIri(iri) ?? iri;

/** The triples of one catalog document, normalised dataset by dataset. */
export function normaliseDocument(
  triples: readonly Triple[],
  organization: HarvestOrganization,
): NormalisedDocument {
  const shapes = shapeTable();
  const skolems = skolemise(triples, organization.code);
  const resolve = (term: Term): Term =>
    term.kind === "blank" ? { kind: "iri", value: skolems.get(term.value) ?? "" } : term;
  const index = new Map<string, WorkNode>();
  for (const t of triples) {
    // The base token is ours: a source may not mint IRIs under the platform's base through it.
    if (t.subject.kind === "iri" && t.subject.value.startsWith(BASE_TOKEN)) continue;
    if (t.object.kind === "iri" && t.object.value.startsWith(BASE_TOKEN)) continue;
    const subject = resolve(t.subject);
    const object = resolve(t.object);
    let node = index.get(subject.value);
    if (node === undefined) {
      node = { id: subject.value, types: new Set(), statements: [] };
      index.set(subject.value, node);
    }
    if (t.predicate === RDF_TYPE && object.kind === "iri") node.types.add(object.value);
    else node.statements.push({ predicate: t.predicate, object });
  }

  const datasetIris = [...index.values()]
    .filter((n) => n.types.has(DATASET))
    .map((n) => n.id)
    .sort();
  const datasets: NormalisedDataset[] = [];
  const duplicates: DuplicateDataset[] = [];
  const byIdentifier = new Map<string, string>();
  for (const iri of datasetIris) {
    const normalised = normaliseDataset(iri, index, shapes, organization);
    if (normalised.identifier !== null) {
      const kept = byIdentifier.get(normalised.identifier);
      if (kept !== undefined) {
        duplicates.push({ iri, identifier: normalised.identifier, keptIri: kept });
        continue;
      }
      byIdentifier.set(normalised.identifier, iri);
    }
    datasets.push(normalised);
  }
  return { datasets, duplicates };
}

function normaliseDataset(
  datasetIri: string,
  index: ReadonlyMap<string, WorkNode>,
  shapes: ShapeTable,
  organization: HarvestOrganization,
): NormalisedDataset {
  const model = new Map<string, WorkNode>();
  const own = new Set([datasetIri]);
  const notes = new Notes();
  const queue = [datasetIri];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const id = queue.shift() ?? "";
    const source = index.get(id);
    if (source === undefined) continue;
    model.set(id, { id, types: new Set(source.types), statements: [...source.statements] });
    for (const { predicate, object } of source.statements) {
      if (object.kind !== "iri" || seen.has(object.value)) continue;
      const target = index.get(object.value);
      if (target === undefined || [...target.types].some((t) => NOT_FOLLOWED.has(t))) continue;
      seen.add(object.value);
      const isOwn =
        own.has(id) &&
        ((id === datasetIri && predicate === `${DCAT}distribution`) || object.value.startsWith(BASE_TOKEN));
      if (isOwn) own.add(object.value);
      queue.push(object.value);
    }
  }

  const nodeFor = (id: string): WorkNode => {
    let node = model.get(id);
    if (node === undefined) {
      node = { id, types: new Set(), statements: [] };
      model.set(id, node);
    }
    return node;
  };
  const agentIri = `${BASE_TOKEN}/organizations/${organization.code}#organization`;

  const normaliseNode = (node: WorkNode): boolean => {
    let changed = false;
    for (const type of [...node.types]) {
      if (compactIri(type) !== undefined) continue;
      node.types.delete(type);
      notes.add({
        kind: "dropped",
        subject: node.id,
        property: RDF_TYPE,
        message: {
          sv: `Typen ${type} ingår inte i DCAT-AP-SE och togs bort.`,
          en: `The class ${type} is not part of DCAT-AP-SE and was dropped.`,
        },
      });
      changed = true;
    }
    const kept: WorkStatement[] = [];
    for (const statement of node.statements) {
      const { predicate } = statement;
      let object = statement.object;
      const drop = (sv: string, en: string) => {
        notes.add({ kind: "dropped", subject: node.id, property: predicate, message: { sv, en } });
        changed = true;
      };
      if (compactIri(predicate) === undefined) {
        drop(
          `Egenskapen ${predicate} ingår inte i DCAT-AP-SE och togs bort.`,
          `The property ${predicate} is not part of DCAT-AP-SE and was dropped.`,
        );
        continue;
      }
      const expected = expectationOf(shapes, node.types, predicate);
      const name = shortIri(predicate);
      if (object.kind === "literal") {
        if (expected?.resource === true && !expected.literal) {
          const converted = literalAsResource(predicate, object.value);
          if (converted === undefined) {
            drop(
              `${name} ska vara en länk (IRI), men var texten "${object.value.slice(0, 100)}", som inte gick att tolka; värdet togs bort.`,
              `${name} must be a link (IRI), but was the text "${object.value.slice(0, 100)}", which could not be read as one; the value was dropped.`,
            );
            continue;
          }
          notes.add({
            kind: "changed",
            subject: node.id,
            property: predicate,
            message: {
              sv: `${name} "${object.value.slice(0, 100)}" blev ${converted}.`,
              en: `${name} "${object.value.slice(0, 100)}" became ${converted}.`,
            },
          });
          object = { kind: "iri", value: converted };
          changed = true;
        } else if (object.datatype !== "" && compactIri(object.datatype) === undefined) {
          notes.add({
            kind: "changed",
            subject: node.id,
            property: predicate,
            message: {
              sv: `Datatypen ${object.datatype} på ${name} är okänd och togs bort; värdet behölls som text.`,
              en: `The datatype ${object.datatype} on ${name} is unknown and was dropped; the value was kept as text.`,
            },
          });
          object = { ...object, datatype: "" };
          changed = true;
        } else if (DATE_PROPERTIES.has(predicate) && object.datatype === "" && object.language === "") {
          const datatype = dateDatatype(object.value.trim());
          if (datatype !== undefined) {
            object = { ...object, value: object.value.trim(), datatype };
            changed = true;
          }
        }
      } else if (expected?.literal === true && !expected.resource) {
        drop(
          `${name} ska vara en text eller ett värde, men var länken ${object.value}; värdet togs bort.`,
          `${name} must be a text or value, but was the link ${object.value}; the value was dropped.`,
        );
        continue;
      }
      if (object.kind === "iri" && expected !== undefined && expected.classes.size > 0) {
        const target = nodeFor(object.value);
        for (const cls of expected.classes) {
          if (target.types.has(cls)) continue;
          target.types.add(cls);
          changed = true;
          notes.add({
            kind: "added",
            subject: target.id,
            property: RDF_TYPE,
            message: {
              sv: `${shortIri(target.id)} (${name}) fick typen ${shortIri(cls)}, som profilen kräver.`,
              en: `${shortIri(target.id)} (${name}) was given the class ${shortIri(cls)}, as the profile requires.`,
            },
          });
        }
      }
      kept.push({ predicate, object });
    }
    node.statements = kept;

    const has = (predicate: string) => node.statements.some((s) => s.predicate === predicate);
    const addLabel = (predicate: string, what: LocalizedText) => {
      const label = labelOf(node.id);
      node.statements.push(
        { predicate, object: { kind: "literal", value: label.sv, language: "sv", datatype: "" } },
        { predicate, object: { kind: "literal", value: label.en, language: "en", datatype: "" } },
      );
      notes.add({
        kind: "added",
        subject: node.id,
        property: predicate,
        message: {
          sv: `${shortIri(node.id)} fick ${what.sv} "${label.sv}".`,
          en: `${shortIri(node.id)} was given the ${what.en} "${label.en}".`,
        },
      });
      changed = true;
    };
    if (node.types.has(CONCEPT) && !has(`${SKOS}prefLabel`))
      addLabel(`${SKOS}prefLabel`, { sv: "benämningen", en: "label" });
    if (node.types.has(CONCEPT_SCHEME) && !has(`${DCTERMS}title`))
      addLabel(`${DCTERMS}title`, { sv: "titeln", en: "title" });
    if (node.types.has(AGENT) && !has(`${DCTERMS}type`)) {
      node.statements.push({
        predicate: `${DCTERMS}type`,
        object: { kind: "iri", value: organization.publisherType.iri },
      });
      notes.add({
        kind: "added",
        subject: node.id,
        property: `${DCTERMS}type`,
        message: {
          sv: `Aktören ${shortIri(node.id)} saknade typ och fick organisationens: ${organization.publisherType.label.sv}.`,
          en: `The agent ${shortIri(node.id)} had no type and was given the organization's: ${organization.publisherType.label.en}.`,
        },
      });
      changed = true;
    }
    if (node.id === datasetIri && !has(`${DCTERMS}publisher`)) {
      node.statements.push({ predicate: `${DCTERMS}publisher`, object: { kind: "iri", value: agentIri } });
      const agent = nodeFor(agentIri);
      agent.types.add(AGENT);
      agent.types.add(`${FOAF}Organization`);
      agent.statements.push(
        {
          predicate: `${FOAF}name`,
          object: { kind: "literal", value: organization.name, language: "sv", datatype: "" },
        },
        {
          predicate: `${DCTERMS}identifier`,
          object: {
            kind: "literal",
            value: organization.organizationNumber ?? organization.code,
            language: "",
            datatype: "",
          },
        },
        // As on the platform's own datasets (entries.ts): the IRI dataportal.se knows it by.
        ...(organization.organizationNumber === null
          ? []
          : [
              {
                predicate: `${NS.owl}sameAs`,
                object: {
                  kind: "iri" as const,
                  value: dataportalOrganizationIri(organization.organizationNumber),
                },
              },
            ]),
      );
      notes.add({
        kind: "added",
        subject: node.id,
        property: `${DCTERMS}publisher`,
        message: {
          sv: `Datamängden saknade utgivare och fick organisationen ${organization.name}.`,
          en: `The dataset had no publisher and was given the organization ${organization.name}.`,
        },
      });
      changed = true;
    }
    return changed;
  };

  // Typing one resource can call for more (a new skos:Concept needs a label): a few passes settle it.
  for (let pass = 0; pass < 8; pass++) {
    let changed = false;
    for (const node of [...model.values()]) if (normaliseNode(node)) changed = true;
    if (!changed) break;
  }

  // Rule 7: the dataset is published under an IRI of the organization's own, the source's IRI kept
  // as an adms:identifier, so two organizations that describe the same IRI are both exported.
  const scoped = datasetIri.startsWith(BASE_TOKEN)
    ? datasetIri
    : organizationDatasetIri(organization.code, datasetIri);
  const rename = (iri: string) => (iri === datasetIri ? scoped : iri);
  if (scoped !== datasetIri) {
    const identifierIri = `${scoped}#source-iri`;
    nodeFor(datasetIri).statements.push({
      predicate: `${NS.adms}identifier`,
      object: { kind: "iri", value: identifierIri },
    });
    model.set(identifierIri, {
      id: identifierIri,
      types: new Set([`${NS.adms}Identifier`]),
      statements: [
        {
          predicate: `${NS.skos}notation`,
          object: { kind: "literal", value: datasetIri, language: "", datatype: `${NS.xsd}anyURI` },
        },
      ],
    });
    own.add(identifierIri);
  }

  const toRdf = (node: WorkNode): RdfNode => ({
    id: rename(node.id),
    types: [...node.types]
      .map((t) => compactIri(t))
      .filter((t) => t !== undefined)
      .sort(),
    statements: node.statements
      .map((s): Statement | undefined => {
        const predicate = compactIri(s.predicate);
        const object = rdfObject(
          s.object.kind === "iri" ? { kind: "iri", value: rename(s.object.value) } : s.object,
        );
        return predicate === undefined || object === undefined ? undefined : [predicate, object];
      })
      .filter((s) => s !== undefined)
      .sort((a, b) => {
        const x = JSON.stringify(a);
        const y = JSON.stringify(b);
        return x < y ? -1 : x > y ? 1 : 0;
      }),
  });
  const nodes = [...model.values()]
    .filter((n) => n.types.size > 0 || n.statements.length > 0)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // The dataset node first: readers and the export find it there.
  const graph: HarvestedGraph = {
    own: nodes
      .filter((n) => own.has(n.id))
      .sort((a, b) => Number(b.id === datasetIri) - Number(a.id === datasetIri))
      .map(toRdf),
    shared: nodes.filter((n) => !own.has(n.id)).map(toRdf),
  };
  const dataset = model.get(datasetIri);
  const identifier =
    dataset?.statements.find((s) => s.predicate === `${DCTERMS}identifier` && s.object.kind === "literal")
      ?.object.value ?? null;
  return {
    iri: datasetIri,
    identifier: identifier === null ? null : identifier.trim() || null,
    graph,
    hash: sha256(JSON.stringify(graph)),
    notes: notes.list(),
    fields: searchFields(datasetIri, model),
  };
}

/**
 * The IRI a harvested dataset is exported under: the organization's, from a hash of the source's
 * IRI (stable between harvests). `/organizations/{code}/harvested/{hash}` resolves to its page.
 */
export function organizationDatasetIri(organizationCode: string, sourceIri: string): string {
  return `${BASE_TOKEN}/organizations/${organizationCode}/harvested/${sha256(sourceIri).slice(0, 32)}`;
}

function rdfObject(term: Term): RdfObject | undefined {
  switch (term.kind) {
    case "iri":
      return { iri: term.value };
    case "blank":
      return undefined;
    case "literal": {
      if (term.language !== "") return { value: term.value, language: term.language };
      if (term.datatype === "") return { value: term.value };
      const datatype = compactIri(term.datatype);
      return datatype === undefined ? { value: term.value } : { value: term.value, datatype };
    }
  }
}

/** A literal where a resource is expected, as the IRI it stands for; undefined when it names none. */
function literalAsResource(predicate: string, text: string): string | undefined {
  const value = text.trim();
  if (FORMAT_PROPERTIES.has(predicate)) return euFileType(value)?.iri;
  if (MEDIA_TYPE_PROPERTIES.has(predicate)) {
    if (isMediaType(value)) return mediaTypeIri(value.split(";")[0]?.trim().toLowerCase() ?? value);
    return undefined;
  }
  if (/^(https?:\/\/|mailto:|tel:)\S+$/i.test(value) && URL.canParse(value)) return new URL(value).href;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return `mailto:${value}`;
  return undefined;
}

function dateDatatype(value: string): CompactIri | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return "xsd:date";
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.test(value))
    return "xsd:dateTime";
  if (/^\d{4}$/.test(value)) return "xsd:gYear";
  return undefined;
}

function searchFields(datasetIri: string, model: ReadonlyMap<string, WorkNode>): SearchFields {
  const dataset = model.get(datasetIri);
  const statements = dataset?.statements ?? [];
  const texts = (predicate: string) => {
    const out: Record<string, string> = {};
    for (const s of statements)
      if (s.predicate === predicate && s.object.kind === "literal") out[s.object.language] ??= s.object.value;
    return out;
  };
  const keywords: Record<string, string[]> = {};
  for (const s of statements)
    if (s.predicate === `${DCAT}keyword` && s.object.kind === "literal")
      (keywords[s.object.language] ??= []).push(s.object.value);
  const iris = (node: WorkNode | undefined, predicate: string) =>
    (node?.statements ?? [])
      .filter((s) => s.predicate === predicate && s.object.kind === "iri")
      .map((s) => s.object.value);
  const distributions = iris(dataset, `${DCAT}distribution`).map((iri) => model.get(iri));
  const unique = (values: string[]) => [...new Set(values)].sort();
  return {
    title: texts(`${DCTERMS}title`),
    description: texts(`${DCTERMS}description`),
    keywords,
    themes: unique(iris(dataset, `${DCAT}theme`)),
    formats: unique(distributions.flatMap((d) => iris(d, `${DCTERMS}format`))),
    licences: unique(distributions.flatMap((d) => iris(d, `${DCTERMS}license`))),
  };
}

/** The stored description with the export's base in place of the token. */
export function rebase(nodes: readonly RdfNode[], baseUrl: string): RdfNode[] {
  const fix = (iri: string) => (iri.startsWith(BASE_TOKEN) ? baseUrl + iri.slice(BASE_TOKEN.length) : iri);
  return nodes.map((node) => ({
    id: fix(node.id),
    types: node.types,
    statements: node.statements.map(([p, o]): Statement => ("iri" in o ? [p, { iri: fix(o.iri) }] : [p, o])),
  }));
}
