// Conformance: the EU DCAT-AP 3.0.1 shapes plus DIGG's DCAT-AP-SE additions, run with
// rdf-validate-shacl over the catalog's own nodes, and each result said in plain Swedish or
// English: which dataset, which property, what was expected and what was found. The validation
// itself runs in a worker thread (shacl-worker.ts): about a second of CPU for an organization's
// catalog, which must not stall every other request on the server.
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import type { DatasetCore, Quad } from "@rdfjs/types";
import { DataFactory, Store, Writer } from "n3";
import type { LocalizedText } from "../core/index.ts";
import type { RdfNode } from "./rdf.ts";
import { expand, NS } from "./vocabulary.ts";

export const SHAPES = [
  { file: "dcat-ap-3.0.1-shacl.ttl", name: "DCAT-AP 3.0.1 (EU)" },
  { file: "dcat-ap-se-additions.ttl", name: "DCAT-AP-SE 3.0.1, tillägg / additions (DIGG)" },
] as const;

/** The shapes for high-value datasets: checked on those datasets alone (they target every dataset). */
export const HVD_SHAPES = [{ file: "dcat-ap-hvd-3.0.0-shacl.ttl", name: "DCAT-AP HVD 3.0.0 (EU)" }] as const;

export type ShaclProfile = "dcat-ap-se" | "hvd";
export const PROFILES: Readonly<Record<ShaclProfile, readonly { file: string; name: string }[]>> = {
  "dcat-ap-se": SHAPES,
  hvd: HVD_SHAPES,
};

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

/** What the worker is sent: the data as N-Triples; and what it answers. */
export interface ShaclRequest {
  readonly id: number;
  readonly ntriples: string;
  readonly profile: ShaclProfile;
}
export type ShaclResponse =
  | { readonly id: number; readonly violations: ShaclViolation[] }
  | { readonly id: number; readonly error: string };

/** Longest a validation may take before the worker is stopped and the caller told. */
const VALIDATION_TIMEOUT_MS = 120_000;

const namedNode = (value: string) => DataFactory.namedNode(value);
const literal = (value: string, languageOrDatatype: string | ReturnType<typeof namedNode>) =>
  DataFactory.literal(value, languageOrDatatype);
const quad = (subject: Quad["subject"], predicate: Quad["predicate"], object: Quad["object"]) =>
  DataFactory.quad(subject, predicate, object);

interface Pending {
  readonly resolve: (violations: ShaclViolation[]) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** The one SHACL worker of this process, started on first use and again after a failure. */
class ShaclWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  validate(ntriples: string, profile: ShaclProfile): Promise<ShaclViolation[]> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new Error(`SHACL validation took longer than ${VALIDATION_TIMEOUT_MS / 1000} s`));
      }, VALIDATION_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, ntriples, profile } satisfies ShaclRequest);
    });
  }

  private start(): Worker {
    if (this.worker !== null) return this.worker;
    // Its own entry loads tsx; the flags of this process (--test, --cpu-prof…) are not its own.
    const worker = new Worker(new URL("./shacl-worker.mjs", import.meta.url), { execArgv: [] });
    worker.on("message", (response: ShaclResponse) => {
      const waiting = this.pending.get(response.id);
      if (waiting === undefined) return;
      this.pending.delete(response.id);
      clearTimeout(waiting.timer);
      if ("error" in response) waiting.reject(new Error(response.error));
      else waiting.resolve(response.violations);
    });
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => {
      if (this.worker === worker) this.fail(new Error(`the SHACL worker stopped (exit code ${code})`));
    });
    // An idle worker does not keep the process alive; a validation waiting does, by its timer.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Every waiting validation fails; the next one starts a new worker. */
  private fail(error: Error): void {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) void worker.terminate();
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
      this.pending.delete(id);
    }
  }
}

const shaclWorker = new ShaclWorker();

/** The data checked against a profile's shapes, in the SHACL worker; each result described in words. */
export function validate(data: DatasetCore, profile: ShaclProfile = "dcat-ap-se"): Promise<ShaclViolation[]> {
  return shaclWorker.validate(new Writer({ format: "N-Triples" }).quadsToString([...data]), profile);
}

/** Nodes written to N-Triples per this many; a turn of the event loop after SLICE_MS of them. */
const NODES_PER_SLICE = 20;
const SLICE_MS = 15;

/**
 * Many nodes (a large harvest) validated like `validate(toDataset(nodes))`, but written to
 * N-Triples a slice at a time so that the writing never holds the event loop for long.
 */
export async function validateNodes(
  nodes: readonly RdfNode[],
  profile: ShaclProfile = "dcat-ap-se",
): Promise<ShaclViolation[]> {
  const parts: string[] = [];
  let slice = performance.now();
  for (let at = 0; at < nodes.length; at += NODES_PER_SLICE) {
    const quads = toDataset(nodes.slice(at, at + NODES_PER_SLICE));
    parts.push(new Writer({ format: "N-Triples" }).quadsToString([...quads]));
    if (performance.now() - slice > SLICE_MS) {
      await yieldToLoop();
      slice = performance.now();
    }
  }
  return shaclWorker.validate(parts.join(""), profile);
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

/** `http://purl.org/dc/terms/title` → `dcterms:title`. */
export function compact(value: string): string {
  for (const [prefix, ns] of Object.entries(NS))
    if (value.startsWith(ns)) return `${prefix}:${value.slice(ns.length)}`;
  return value;
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
