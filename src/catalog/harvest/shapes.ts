// What the shapes expect of each property, read from the very shapes the export is checked
// against (src/catalog/reference): for a subject of class K, the object of property P must be of
// class C (sh:class), a resource (sh:nodeKind IRI) or a literal (sh:nodeKind Literal). The
// normaliser types referenced resources from this table, so a new shape version needs no code.
import { readFileSync } from "node:fs";
import { Parser, type Quad } from "n3";
import { SHAPES } from "../shacl.ts";

const SH = "http://www.w3.org/ns/shacl#";
const REFERENCE = new URL("../reference/", import.meta.url);

export interface PropertyExpectation {
  /** Classes the object must have (sh:class). */
  readonly classes: ReadonlySet<string>;
  /** The object must be a resource (sh:nodeKind sh:IRI / sh:BlankNodeOrIRI, or sh:class). */
  readonly resource: boolean;
  /** The object must be a literal (sh:nodeKind sh:Literal). */
  readonly literal: boolean;
}

/** class IRI → property IRI → what its objects must be. */
export type ShapeTable = ReadonlyMap<string, ReadonlyMap<string, PropertyExpectation>>;

let table: ShapeTable | undefined;

export function shapeTable(): ShapeTable {
  if (table !== undefined) return table;
  const quads: Quad[] = [];
  for (const { file } of SHAPES)
    quads.push(...new Parser().parse(readFileSync(new URL(file, REFERENCE), "utf8")));
  const bySubject = new Map<string, Quad[]>();
  for (const q of quads) {
    const list = bySubject.get(q.subject.value);
    if (list === undefined) bySubject.set(q.subject.value, [q]);
    else list.push(q);
  }
  const values = (subject: string, predicate: string) =>
    (bySubject.get(subject) ?? []).filter((q) => q.predicate.value === predicate).map((q) => q.object.value);
  interface Entry {
    classes: Set<string>;
    resource: boolean;
    literal: boolean;
  }
  const result = new Map<string, Map<string, Entry>>();
  for (const [subject] of bySubject) {
    for (const targetClass of values(subject, `${SH}targetClass`)) {
      const properties = result.get(targetClass) ?? new Map<string, Entry>();
      result.set(targetClass, properties);
      for (const property of values(subject, `${SH}property`)) {
        const [path] = values(property, `${SH}path`);
        if (path === undefined) continue;
        const entry = properties.get(path) ?? { classes: new Set<string>(), resource: false, literal: false };
        properties.set(path, entry);
        for (const cls of values(property, `${SH}class`)) {
          entry.classes.add(cls);
          entry.resource = true;
        }
        for (const kind of values(property, `${SH}nodeKind`)) {
          if (kind === `${SH}Literal`) entry.literal = true;
          else entry.resource = true;
        }
      }
    }
  }
  table = result;
  return result;
}

/** What the shapes say of property P on a subject with these classes (merged over the classes). */
export function expectationOf(
  shapes: ShapeTable,
  classes: Iterable<string>,
  property: string,
): PropertyExpectation | undefined {
  let found: { classes: Set<string>; resource: boolean; literal: boolean } | undefined;
  for (const cls of classes) {
    const e = shapes.get(cls)?.get(property);
    if (e === undefined) continue;
    found ??= { classes: new Set(), resource: false, literal: false };
    for (const c of e.classes) found.classes.add(c);
    found.resource ||= e.resource;
    found.literal ||= e.literal;
  }
  return found;
}
