// The SHACL engine: rdf-validate-shacl with the shapes SHAPES names, each result described in
// plain Swedish and English. It runs in the SHACL worker (shacl-worker.ts), off the threads that
// answer requests: validating an organization's catalog takes about a second.
import { readFile } from "node:fs/promises";
import type { DatasetCore, Term } from "@rdfjs/types";
import { DataFactory, Parser, Store } from "n3";
import type SHACLValidator from "rdf-validate-shacl";
import type { LocalizedText } from "../core/index.ts";
import { compact, PROFILES, propertyName, type ShaclProfile, type ShaclViolation } from "./shacl.ts";
import { NS } from "./vocabulary.ts";

const REFERENCE = new URL("./reference/", import.meta.url);
const SH = "http://www.w3.org/ns/shacl#";

interface Validator {
  readonly validator: SHACLValidator;
  readonly shapes: DatasetCore;
}

const loading = new Map<ShaclProfile, Promise<Validator>>();
// One validation at a time: a validator keeps the data graph it is working on as its state.
let queue: Promise<unknown> = Promise.resolve();

const namedNode = (value: string) => DataFactory.namedNode(value);

// Each profile's validator and the RDF environment are loaded on first use: they take a while to
// import and parse.
async function validator(profile: ShaclProfile): Promise<Validator> {
  let pending = loading.get(profile);
  if (pending === undefined) {
    pending = (async () => {
      const [{ default: rdf }, { default: Validator }] = await Promise.all([
        import("@zazuko/env"),
        import("rdf-validate-shacl"),
      ]);
      const shapes = new Store();
      for (const { file } of PROFILES[profile]) {
        const source = await readFile(new URL(file, REFERENCE), "utf8");
        shapes.addQuads(new Parser().parse(source));
      }
      return { validator: new Validator(shapes, { factory: rdf }), shapes };
    })();
    loading.set(profile, pending);
  }
  try {
    return await pending;
  } catch (error) {
    loading.delete(profile);
    throw error;
  }
}

/** The data checked against a profile's shapes, each result described in words. */
export async function validateData(data: DatasetCore, profile: ShaclProfile): Promise<ShaclViolation[]> {
  const { validator: v, shapes } = await validator(profile);
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
