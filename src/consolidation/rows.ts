// One stored row of a national dataset, and its shapes on the way out: an API item, a GeoJSON
// feature and a CSV line.
import { csvRow } from "../core/index.ts";
import type { SpecificationDefinition } from "../specs/index.ts";

export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** The columns every data query reads (dataset_rows). */
export const ROW_COLUMNS =
  "organization_code, record_id, release_id, source_row, kommun_code, lan_code, latitude, longitude, data, demo";

export interface StoredRow {
  readonly organization_code: string;
  readonly record_id: string;
  readonly release_id: string;
  readonly source_row: number;
  readonly kommun_code: string | null;
  readonly lan_code: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly data: Readonly<Record<string, JsonValue>>;
  readonly demo: boolean;
  /** The sort field's value as text, when the query sorts by a field. */
  readonly sort_key?: string | null;
}

export interface PointGeometry {
  readonly type: "Point";
  readonly coordinates: readonly [number, number];
}

export interface DataItem {
  /** The national id: organization code, a colon, the row's id within the organization's data. */
  readonly id: string;
  readonly organization: string;
  readonly kommun: string | null;
  readonly lan: string | null;
  /** Synthetic demo content, not real data. */
  readonly demo: boolean;
  readonly provenance: {
    readonly organization: string;
    readonly release: string;
    readonly sourceRow: number;
  };
  readonly geometry: PointGeometry | null;
  readonly properties: Readonly<Record<string, JsonValue>>;
}

export interface DataFeature {
  readonly type: "Feature";
  readonly id: string;
  readonly geometry: PointGeometry | null;
  readonly properties: Readonly<Record<string, JsonValue>>;
}

export function nationalId(organization: string, record: string): string {
  return `${organization}:${record}`;
}

/** Splits a national id at its first colon; record ids may hold colons of their own. */
export function splitNationalId(id: string): { organization: string; record: string } | undefined {
  const colon = id.indexOf(":");
  if (colon <= 0 || colon === id.length - 1) return undefined;
  return { organization: id.slice(0, colon), record: id.slice(colon + 1) };
}

function geometryOf(row: StoredRow): PointGeometry | null {
  return row.latitude === null || row.longitude === null
    ? null
    : { type: "Point", coordinates: [row.longitude, row.latitude] };
}

/** The record in the specification's field order (jsonb keeps its own), then any other keys. */
function orderedProperties(definition: SpecificationDefinition, data: Readonly<Record<string, JsonValue>>) {
  const properties: Record<string, JsonValue> = {};
  for (const field of definition.schema.fields) properties[field.name] = data[field.name] ?? null;
  for (const [key, value] of Object.entries(data)) if (!(key in properties)) properties[key] = value;
  return properties;
}

export function toItem(definition: SpecificationDefinition, row: StoredRow): DataItem {
  return {
    id: nationalId(row.organization_code, row.record_id),
    organization: row.organization_code,
    kommun: row.kommun_code,
    lan: row.lan_code,
    demo: row.demo,
    provenance: { organization: row.organization_code, release: row.release_id, sourceRow: row.source_row },
    geometry: geometryOf(row),
    properties: orderedProperties(definition, row.data),
  };
}

/** A GeoJSON feature: the record's fields, then where it comes from (names start with _). */
export function toFeature(definition: SpecificationDefinition, row: StoredRow): DataFeature {
  return {
    type: "Feature",
    id: nationalId(row.organization_code, row.record_id),
    geometry: geometryOf(row),
    properties: {
      ...orderedProperties(definition, row.data),
      _organization: row.organization_code,
      _kommun: row.kommun_code,
      _lan: row.lan_code,
      _release: row.release_id,
      _source_row: row.source_row,
      _demo: row.demo,
    },
  };
}

export const PROVENANCE_COLUMNS = ["_id", "_organization", "_release", "_source_row"] as const;

export function csvHeader(definition: SpecificationDefinition): string {
  return csvRow([...definition.schema.fields.map((f) => f.name), ...PROVENANCE_COLUMNS]);
}

function cellText(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** One CSV line; csvRow neutralises every cell a spreadsheet would run as a formula. */
export function csvLine(definition: SpecificationDefinition, row: StoredRow): string {
  return csvRow([
    ...definition.schema.fields.map((f) => cellText(row.data[f.name])),
    nationalId(row.organization_code, row.record_id),
    row.organization_code,
    row.release_id,
    String(row.source_row),
  ]);
}
