import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import proj4 from "proj4";
import { loadRegistryReference, type AreaGeometry } from "../registry/index.ts";
import {
  CRS_CODES,
  specificationDefinition,
  type FieldDefinition,
  type SpecificationDefinition,
} from "./definition.ts";

const DIR = fileURLToPath(new URL("./definitions/", import.meta.url));
const EXPECTED_AT_LEAST = 17;

/** Sweden's extent in WGS 84, the same bounds the definitions put on latitude and longitude. */
const SWEDEN = { south: 55, north: 69.1, west: 10.9, east: 24.2 } as const;

/** SWEREF 99 TM and the 12 local SWEREF 99 zones (central meridian, false easting 150 000 m). */
const ZONE_MERIDIANS: Readonly<Record<string, number>> = {
  "EPSG:3007": 12,
  "EPSG:3008": 13.5,
  "EPSG:3009": 15,
  "EPSG:3010": 16.5,
  "EPSG:3011": 18,
  "EPSG:3012": 14.25,
  "EPSG:3013": 15.75,
  "EPSG:3014": 17.25,
  "EPSG:3015": 18.75,
  "EPSG:3016": 20.25,
  "EPSG:3017": 21.75,
  "EPSG:3018": 23.25,
};
function projDefinition(crs: string): string {
  const grs80 = "+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs";
  if (crs === "EPSG:3006") return `+proj=utm +zone=33 ${grs80}`;
  const meridian = ZONE_MERIDIANS[crs];
  assert.ok(meridian !== undefined, `no projection for ${crs}`);
  return `+proj=tmerc +lat_0=0 +lon_0=${meridian} +k=1 +x_0=150000 +y_0=0 ${grs80}`;
}

interface DefinitionFile {
  readonly file: string;
  readonly folder: string;
  readonly name: string;
  readonly json: unknown;
}

function readDefinitionFiles(): DefinitionFile[] {
  const files: DefinitionFile[] = [];
  for (const folder of readdirSync(DIR).sort()) {
    for (const name of readdirSync(join(DIR, folder)).sort()) {
      const text = readFileSync(join(DIR, folder, name), "utf8");
      files.push({ file: `${folder}/${name}`, folder, name, json: JSON.parse(text) as unknown });
    }
  }
  return files;
}

const files = readDefinitionFiles();
const reference = loadRegistryReference();
const organizationCodes = new Set(reference.organizations.map((o) => o.code as string));
const lanOfOrganization = new Map(
  reference.organizations.map((o) => [o.code as string, o.lanCode as string]),
);
const boundaries = new Map(reference.boundaries.map((b) => [`${b.areaType}:${b.code}`, b.geometry]));

function parse(file: DefinitionFile): SpecificationDefinition {
  const parsed = specificationDefinition.safeParse(file.json);
  assert.ok(parsed.success, `${file.file}: ${parsed.success ? "" : parsed.error.message}`);
  return parsed.data;
}

function fieldsOf(spec: SpecificationDefinition): Map<string, FieldDefinition> {
  return new Map(spec.schema.fields.map((field) => [field.name, field]));
}

function primaryKeyOf(spec: SpecificationDefinition): string[] {
  const key = spec.schema.primaryKey;
  if (key === undefined) return [];
  return typeof key === "string" ? [key] : key;
}

// --- Cell checks: what a CSV cell of each type must look like -------------------------------------

const BOOLEAN_SPELLINGS = ["true", "false", "ja", "nej", "1", "0"];
const PATTERNS: Readonly<Record<string, RegExp>> = {
  integer: /^-?\d+$/,
  number: /^-?\d+(\.\d+)?$/,
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  datetime:
    /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-]\d{2}:\d{2})$/,
  time: /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/,
  year: /^\d{4}$/,
  yearmonth: /^\d{4}-(0[1-9]|1[0-2])$/,
};
const FORMATS: Readonly<Record<string, RegExp>> = {
  email: /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  phone: /^\+?\d[\d\s-]{5,}\d$/,
};

function isRealDate(value: string): boolean {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value.slice(0, 10);
}

/** The check digit of an organisationsnummer (Luhn over its ten digits). */
function luhnValid(orgnr: string): boolean {
  const digits = orgnr.replace("-", "");
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let v = Number(digits[i]) * ((digits.length - i) % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return sum % 10 === 0;
}

function anchored(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`, "u");
}

/** Problems with one non-empty cell against its field, as readable sentences (empty when valid). */
function cellProblems(field: FieldDefinition, value: string): string[] {
  const problems: string[] = [];
  const where = `${field.name}="${value}"`;
  const c = field.constraints;
  if (field.type === "boolean") {
    const spellings = [...BOOLEAN_SPELLINGS, ...(field.trueValues ?? []), ...(field.falseValues ?? [])];
    if (!spellings.includes(value.toLowerCase())) problems.push(`${where} is not a boolean`);
  } else if (field.type !== "string") {
    const shape = PATTERNS[field.type];
    if (shape !== undefined && !shape.test(value)) problems.push(`${where} is not a ${field.type}`);
    if ((field.type === "date" || field.type === "datetime") && !isRealDate(value)) {
      problems.push(`${where} is not a calendar date`);
    }
  }
  if (field.type === "string" && field.format !== undefined && field.format !== "default") {
    if (field.format === "uri") {
      let ok = false;
      try {
        ok = ["http:", "https:"].includes(new URL(value).protocol);
      } catch {
        ok = false;
      }
      if (!ok) problems.push(`${where} is not an http(s) URI`);
    } else {
      const format = FORMATS[field.format];
      assert.ok(format !== undefined, `unknown format ${field.format}`);
      if (!format.test(value)) problems.push(`${where} is not a valid ${field.format}`);
    }
  }
  if (c?.pattern !== undefined && !anchored(c.pattern).test(value)) {
    problems.push(`${where} does not match ${c.pattern}`);
  }
  if (c?.minLength !== undefined && value.length < c.minLength) problems.push(`${where} is too short`);
  if (c?.maxLength !== undefined && value.length > c.maxLength) problems.push(`${where} is too long`);
  const numeric = field.type === "integer" || field.type === "number" || field.type === "year";
  if (c?.minimum !== undefined) {
    const below = numeric ? Number(value) < Number(c.minimum) : value < String(c.minimum);
    if (below) problems.push(`${where} is below ${String(c.minimum)}`);
  }
  if (c?.maximum !== undefined) {
    const above = numeric ? Number(value) > Number(c.maximum) : value > String(c.maximum);
    if (above) problems.push(`${where} is above ${String(c.maximum)}`);
  }
  if (c?.enum !== undefined && !c.enum.includes(value)) problems.push(`${where} is not in the enum`);
  if (field.codeList !== undefined && !field.codeList.some((entry) => entry.value === value)) {
    problems.push(`${where} is not in the code list`);
  }
  const orgnr = /^\d{6}-\d{4}$/.test(value);
  if (field.reference === "organization" && !organizationCodes.has(value) && !orgnr) {
    problems.push(`${where} is not a known organization`);
  }
  if (field.type === "string" && orgnr && !luhnValid(value)) {
    problems.push(`${where} has a wrong organisationsnummer check digit`);
  }
  return problems;
}

// --- Geometry: is a point inside a municipality or county? ---------------------------------------

type Ring = readonly (readonly [number, number])[];

function insideRing(ring: Ring, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] ?? [0, 0];
    const [xj, yj] = ring[j] ?? [0, 0];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Distance in km from a point to the nearest edge of a ring (flat-earth, fine at a few km). */
function distanceToRingKm(ring: Ring, lon: number, lat: number): number {
  const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
  const ky = 110.57;
  let best = Infinity;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] ?? [0, 0];
    const [x2, y2] = ring[i + 1] ?? [0, 0];
    const ax = (x1 - lon) * kx;
    const ay = (y1 - lat) * ky;
    const bx = (x2 - lon) * kx;
    const by = (y2 - lat) * ky;
    const dx = bx - ax;
    const dy = by - ay;
    const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

function polygonsOf(geometry: AreaGeometry): readonly (readonly Ring[])[] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * The boundaries in the registry are simplified to about 2 %, so a beach or a harbour can fall just
 * outside its municipality's polygon: a point counts as inside within this distance of the edge.
 */
const BOUNDARY_TOLERANCE_KM = 2;

function withinArea(geometry: AreaGeometry, lon: number, lat: number): boolean {
  let nearest = Infinity;
  for (const [outer, ...holes] of polygonsOf(geometry)) {
    if (outer === undefined) continue;
    if (insideRing(outer, lon, lat) && !holes.some((hole) => insideRing(hole, lon, lat))) return true;
    nearest = Math.min(nearest, distanceToRingKm(outer, lon, lat));
  }
  return nearest <= BOUNDARY_TOLERANCE_KM;
}

/** The boundary a publisher's rows should lie in: its municipality, or its county for a region. */
function areaOfPublisher(code: string): AreaGeometry | undefined {
  if (/^\d{4}$/.test(code)) return boundaries.get(`kommun:${code}`);
  const lan = lanOfOrganization.get(code);
  return lan === undefined ? undefined : boundaries.get(`lan:${lan}`);
}

/** WGS 84 position of an example row, from latitude/longitude or by unprojecting SWEREF 99. */
function positionOf(
  spec: SpecificationDefinition,
  row: Record<string, string>,
): [number, number] | undefined {
  const geo = spec.schema.geo;
  if (geo === undefined) return undefined;
  if (geo.kind === "wgs84") {
    const lat = row[geo.latitude] ?? "";
    const lon = row[geo.longitude] ?? "";
    return lat === "" || lon === "" ? undefined : [Number(lon), Number(lat)];
  }
  const northing = row[geo.northing] ?? "";
  const easting = row[geo.easting] ?? "";
  const crs = (geo.crsField === undefined ? undefined : row[geo.crsField]) ?? geo.crs ?? "";
  if (northing === "" || easting === "" || crs === "") return undefined;
  const [lon, lat] = proj4("WGS84", projDefinition(crs)).inverse([Number(easting), Number(northing)]);
  return [lon, lat];
}

// --- The tests -----------------------------------------------------------------------------------

test(`at least ${EXPECTED_AT_LEAST} specifications are shipped, each folder holding version files only`, () => {
  const slugs = new Set(files.map((f) => f.folder));
  assert.ok(slugs.size >= EXPECTED_AT_LEAST, `only ${slugs.size} specifications`);
  for (const file of files) assert.match(file.name, /^\d+\.\d+\.\d+\.json$/, file.file);
});

for (const file of files) {
  test(`${file.file} is a valid specification whose path names its slug and version`, () => {
    const spec = parse(file);
    assert.equal(spec.slug, file.folder);
    assert.equal(`${spec.version}.json`, file.name);
    assert.match(spec.published, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(isRealDate(spec.published), spec.published);
    assert.ok(spec.basis.every((b) => b.url.startsWith("https://") || b.url.startsWith("http://")));
    assert.ok(spec.changelog.length >= 1);
  });

  test(`${file.file} has unique field names, and its primary key and position name real fields`, () => {
    const spec = parse(file);
    const names = spec.schema.fields.map((f) => f.name);
    assert.equal(new Set(names).size, names.length, `duplicate field in ${names.join(", ")}`);
    const fields = fieldsOf(spec);
    const key = primaryKeyOf(spec);
    assert.ok(key.length > 0, "a primary key is declared");
    for (const name of key) assert.ok(fields.has(name), `primary key field ${name} exists`);
    const geo = spec.schema.geo;
    if (geo?.kind === "wgs84") {
      assert.equal(fields.get(geo.latitude)?.geoRole, "latitude");
      assert.equal(fields.get(geo.longitude)?.geoRole, "longitude");
    } else if (geo?.kind === "projected") {
      assert.equal(fields.get(geo.northing)?.geoRole, "northing");
      assert.equal(fields.get(geo.easting)?.geoRole, "easting");
      if (geo.crsField !== undefined) {
        const crsField = fields.get(geo.crsField);
        assert.equal(crsField?.geoRole, "crs");
        const codes = crsField.codeList?.map((entry) => entry.value) ?? [];
        assert.ok(codes.length > 0, "the coordinate-system field lists its codes");
        for (const code of codes) assert.ok((CRS_CODES as readonly string[]).includes(code), code);
      }
      if (geo.height !== undefined) assert.equal(fields.get(geo.height)?.geoRole, "height");
    }
    for (const field of spec.schema.fields) {
      if (field.geoRole === undefined) continue;
      const named = geo === undefined ? [] : Object.values(geo);
      assert.ok(named.includes(field.name), `${field.name} has a geoRole but is not named in schema.geo`);
    }
  });

  test(`${file.file} has code lists with unique values that constraints do not repeat`, () => {
    for (const field of parse(file).schema.fields) {
      if (field.codeList === undefined) continue;
      const values = field.codeList.map((entry) => entry.value);
      assert.equal(new Set(values).size, values.length, `${field.name}: duplicate code`);
      assert.equal(field.constraints?.enum, undefined, `${field.name}: enum duplicates the code list`);
    }
  });

  test(`${file.file} documents every field in Swedish and English with an example that is valid`, () => {
    for (const field of parse(file).schema.fields) {
      assert.equal(field.title, field.titles.sv, `${field.name}: title is the Swedish title`);
      assert.equal(field.description, field.descriptions.sv, `${field.name}: description is the Swedish one`);
      assert.notEqual(
        field.descriptions.sv,
        field.descriptions.en,
        `${field.name}: descriptions are translated`,
      );
      assert.ok(field.example !== "", `${field.name}: has an example`);
      assert.deepEqual(cellProblems(field, field.example), [], `${field.name}: example`);
    }
  });

  test(`${file.file} has patterns that are anchored, compile and have no nested quantifiers`, () => {
    for (const field of parse(file).schema.fields) {
      const pattern = field.constraints?.pattern;
      if (pattern === undefined) continue;
      assert.ok(pattern.startsWith("^") && pattern.endsWith("$"), `${field.name}: ${pattern} is anchored`);
      assert.doesNotThrow(() => anchored(pattern), `${field.name}: ${pattern} compiles`);
      assert.doesNotMatch(pattern, /\([^)]*[+*][^)]*\)[+*{]/, `${field.name}: ${pattern} nests quantifiers`);
    }
  });

  test(`${file.file} has 3 to 5 example rows that each satisfy the schema`, () => {
    const spec = parse(file);
    const fields = fieldsOf(spec);
    assert.ok(spec.examples.length >= 3 && spec.examples.length <= 5, `${spec.examples.length} rows`);
    spec.examples.forEach((row, index) => {
      const where = `row ${index + 1}`;
      assert.deepEqual(Object.keys(row).sort(), [...fields.keys()].sort(), `${where}: exactly the fields`);
      const problems: string[] = [];
      for (const field of spec.schema.fields) {
        const value = row[field.name] ?? "";
        if (spec.schema.missingValues.includes(value)) {
          if (field.constraints?.required === true) problems.push(`${field.name} is required`);
          continue;
        }
        problems.push(...cellProblems(field, value));
      }
      assert.deepEqual(problems, [], where);
    });
  });

  test(`${file.file} has example rows with unique primary keys and unique values where declared`, () => {
    const spec = parse(file);
    const key = primaryKeyOf(spec);
    const keys = spec.examples.map((row) => JSON.stringify(key.map((name) => row[name] ?? "")));
    assert.equal(new Set(keys).size, keys.length, `duplicate primary key among ${keys.join(" ")}`);
    for (const field of spec.schema.fields) {
      if (field.constraints?.unique !== true) continue;
      const values = spec.examples.map((row) => row[field.name] ?? "").filter((v) => v !== "");
      assert.equal(new Set(values).size, values.length, `${field.name} is unique`);
    }
  });

  test(`${file.file} places every example in Sweden, inside the publisher's municipality or county`, () => {
    const spec = parse(file);
    if (spec.schema.geo === undefined) return;
    const publisherField = spec.schema.fields.find((f) => f.reference === "organization")?.name;
    spec.examples.forEach((row, index) => {
      const position = positionOf(spec, row);
      if (position === undefined) return;
      const [lon, lat] = position;
      const where = `row ${index + 1} at ${lat.toFixed(5)} N ${lon.toFixed(5)} E`;
      assert.ok(lat >= SWEDEN.south && lat <= SWEDEN.north, `${where}: latitude in Sweden`);
      assert.ok(lon >= SWEDEN.west && lon <= SWEDEN.east, `${where}: longitude in Sweden`);
      const publisher = publisherField === undefined ? undefined : row[publisherField];
      const area = publisher === undefined ? undefined : areaOfPublisher(publisher);
      if (area !== undefined) assert.ok(withinArea(area, lon, lat), `${where}: inside ${publisher ?? ""}`);
    });
  });
}
