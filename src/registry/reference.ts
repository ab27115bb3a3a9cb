import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import {
  KOMMUN_KOD,
  LAN_KOD,
  ORGANIZATION_CODE,
  AppError,
  type KommunKod,
  type LanKod,
  type OrganizationCode,
} from "../core/index.ts";
import type { AreaGeometry, BBox, Boundary, Lan, Organization, OrganizationType } from "./types.ts";

const REFERENCE_DIR = fileURLToPath(new URL("./reference/", import.meta.url));

export const EXPECTED_COUNTS = { kommuner: 290, lan: 21, regioner: 21, organizations: 310 } as const;

export interface RegistryReference {
  readonly lan: readonly Lan[];
  readonly organizations: readonly Organization[];
  readonly boundaries: readonly Boundary[];
  /** Codes whose name no source gives: they keep "<name> kommun" (none today; see SOURCES.md). */
  readonly unsourcedNames: readonly string[];
}

/** One CSV line's cells: RFC 4180 quoting ("a, b" and "" inside quotes); no line breaks in cells. */
export function splitCsvLine(line: string): string[] | undefined {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quoted) {
      if (c === '"' && line.charAt(i + 1) === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === '"') return undefined;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  if (quoted) return undefined;
  cells.push(cell);
  return cells;
}

/** Reads a comma-separated file with a header row. */
function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(join(REFERENCE_DIR, file), "utf8").replace(/^\uFEFF/, "");
  const [header, ...lines] = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (header === undefined) throw referenceError(file, "a header row", "an empty file");
  const columns = header.split(",");
  return lines.map((line, index) => {
    const cells = splitCsvLine(line);
    if (cells === undefined) throw referenceError(`${file}:${index + 2}`, "well-formed quoting", line);
    if (cells.length !== columns.length) {
      throw referenceError(`${file}:${index + 2}`, `${columns.length} columns`, `${cells.length}`);
    }
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ""]));
  });
}

const lanCode = z.string().regex(LAN_KOD);
const kommunCode = z.string().regex(KOMMUN_KOD);

const countyRow = z.object({
  county_code: lanCode,
  county_name: z.string().min(1),
  county_name_short: z.string().min(1),
});
const municipalityRow = z.object({
  municipality_code: kommunCode,
  municipality_name: z.string().min(1),
  municipality_name_short: z.string().min(1),
  county_code: lanCode,
});
const regionRow = z.object({
  region_code: z.string().regex(ORGANIZATION_CODE),
  region_name: z.string().min(1),
  county_code: lanCode,
  organization_kind: z.enum(["region", "kommun-with-regional-responsibility"]),
});

const organisationsnummer = z.string().regex(/^\d{6}-\d{4}$/);
const officialRow = z.object({
  code: z.string().regex(/^(\d{2}|\d{4})$/),
  type: z.enum(["kommun", "region"]),
  name: z.string().min(1),
  organisationsnummer: z.union([z.literal(""), organisationsnummer]),
  website: z.union([z.literal(""), z.string().regex(/^https?:\/\/\S+$/)]),
  name_source: z.string(),
  orgnr_source: z.string(),
});

/**
 * Whether an organisationsnummer's last digit is its Luhn check digit over the first nine, as
 * Bolagsverket and SCB issue them: a typo in the reference data fails here, not in a harvester.
 */
export function isValidOrganizationNumber(value: string): boolean {
  if (!organisationsnummer.safeParse(value).success) return false;
  const digits = value.replace("-", "").split("").map(Number);
  let sum = 0;
  digits.forEach((digit, i) => {
    const weighted = i % 2 === 0 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  });
  return sum % 10 === 0;
}

/** What organizations.csv says of one organization: its own name, and what a public source gives. */
interface OfficialFacts {
  readonly name: string;
  readonly organizationNumber: string | null;
  readonly website: string | null;
}

/**
 * organizations.csv by "type:code". Gotland's two rows (kommun 0980, region 09) are one legal
 * entity: they must agree, and the registry keeps it once, as 0980.
 */
function readOfficialFacts(): Map<string, OfficialFacts> {
  const facts = new Map<string, OfficialFacts>();
  for (const row of parseRows("organizations.csv", officialRow)) {
    const where = `organizations.csv ${row.type} ${row.code}`;
    if (row.organisationsnummer !== "" && !isValidOrganizationNumber(row.organisationsnummer))
      throw referenceError(where, "an organisationsnummer with a valid check digit", row.organisationsnummer);
    if (facts.has(`${row.type}:${row.code}`)) throw referenceError(where, "one row", "a duplicate");
    facts.set(`${row.type}:${row.code}`, {
      name: row.name,
      organizationNumber: row.organisationsnummer === "" ? null : row.organisationsnummer,
      website: row.website === "" ? null : row.website,
    });
  }
  return facts;
}

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z.array(position).min(4);
const geometry = z.discriminatedUnion("type", [
  z.object({ type: z.literal("Polygon"), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);
const featureCollection = <P extends z.ZodType>(properties: P) =>
  z.object({
    type: z.literal("FeatureCollection"),
    features: z.array(z.object({ type: z.literal("Feature"), geometry, properties })),
  });

function parseRows<T>(file: string, schema: z.ZodType<T>): T[] {
  return readCsv(file).map((row, index) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw referenceError(`${file}:${index + 2}`, "a valid row", parsed.error.message);
    return parsed.data;
  });
}

function readGeoJson<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(join(REFERENCE_DIR, file), "utf8")));
  if (!parsed.success)
    throw referenceError(file, "a GeoJSON FeatureCollection of polygons", parsed.error.message);
  return parsed.data;
}

export function bboxOf(geometry: AreaGeometry): BBox {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const ringCoords of polygon) {
      for (const [lon, lat] of ringCoords) {
        west = Math.min(west, lon);
        east = Math.max(east, lon);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
    }
  }
  return [west, south, east, north];
}

/** Reads and cross-checks the registry's reference files. Throws if any count or code is off. */
export function loadRegistryReference(): RegistryReference {
  const lan: Lan[] = parseRows("counties.csv", countyRow).map((row) => ({
    code: row.county_code as LanKod,
    name: row.county_name,
    shortName: row.county_name_short,
  }));
  const lanByCode = new Map(lan.map((l) => [l.code as string, l]));

  const municipalities = parseRows("municipalities.csv", municipalityRow);
  const regions = parseRows("regions.csv", regionRow);
  const official = readOfficialFacts();
  // Names come from organizations.csv, never from a rule; without a row the plain name stays.
  const unsourced: string[] = [];
  const facts = (type: OrganizationType, code: string, plainName: string): OfficialFacts => {
    const found = official.get(`${type}:${code}`);
    if (found !== undefined) return found;
    unsourced.push(code);
    return { name: plainName, organizationNumber: null, website: null };
  };

  const organizations = new Map<string, Organization>();
  for (const row of municipalities) {
    if (!lanByCode.has(row.county_code)) {
      throw referenceError(`municipalities.csv ${row.municipality_code}`, "a known county", row.county_code);
    }
    if (!row.municipality_code.startsWith(row.county_code)) {
      throw referenceError(
        `municipalities.csv ${row.municipality_code}`,
        `a code in county ${row.county_code}`,
        row.municipality_code,
      );
    }
    const own = facts("kommun", row.municipality_code, `${row.municipality_name_short} kommun`);
    organizations.set(row.municipality_code, {
      code: row.municipality_code as OrganizationCode,
      name: own.name,
      shortName: row.municipality_name_short,
      types: ["kommun"],
      lanCode: row.county_code as LanKod,
      kommunKod: row.municipality_code as KommunKod,
      organizationNumber: own.organizationNumber,
      website: own.website,
      contactEmail: null,
    });
  }
  for (const row of regions) {
    const county = lanByCode.get(row.county_code);
    if (county === undefined)
      throw referenceError(`regions.csv ${row.region_code}`, "a known county", row.county_code);
    const existing = organizations.get(row.region_code);
    if (row.organization_kind === "kommun-with-regional-responsibility") {
      if (existing === undefined) {
        throw referenceError(`regions.csv ${row.region_code}`, "an existing municipality", "none");
      }
      const asRegion = official.get(`region:${row.county_code}`);
      if (asRegion !== undefined && asRegion.organizationNumber !== existing.organizationNumber) {
        throw referenceError(
          `organizations.csv region ${row.county_code}`,
          `the organisationsnummer of ${row.region_code}, the same legal entity`,
          asRegion.organizationNumber ?? "none",
        );
      }
      const types: OrganizationType[] = ["kommun", "region"];
      organizations.set(row.region_code, { ...existing, types });
      continue;
    }
    if (existing !== undefined)
      throw referenceError(`regions.csv ${row.region_code}`, "a new code", "a duplicate");
    const own = facts("region", row.region_code, row.region_name);
    organizations.set(row.region_code, {
      code: row.region_code as OrganizationCode,
      name: own.name,
      shortName: county.shortName,
      types: ["region"],
      lanCode: county.code,
      kommunKod: null,
      organizationNumber: own.organizationNumber,
      website: own.website,
      contactEmail: null,
    });
  }

  for (const key of official.keys()) {
    const [type = "", code = ""] = key.split(":");
    const org =
      organizations.get(code) ??
      [...organizations.values()].find(
        (o) => type === "region" && o.lanCode === code && o.types.includes("region"),
      );
    if (org?.types.includes(type as OrganizationType) !== true)
      throw referenceError(`organizations.csv ${type} ${code}`, "an organization of the registry", "none");
  }

  const boundaries: Boundary[] = [];
  const kommunFeatures = readGeoJson(
    "swedish_municipalities.geojson",
    featureCollection(z.object({ id: kommunCode, lan_code: lanCode })),
  );
  for (const feature of kommunFeatures.features) {
    const org = organizations.get(feature.properties.id);
    if (org?.lanCode !== feature.properties.lan_code) {
      throw referenceError(
        `swedish_municipalities.geojson ${feature.properties.id}`,
        "a municipality of the CSV in the same county",
        feature.properties.lan_code,
      );
    }
    boundaries.push({
      areaType: "kommun",
      code: feature.properties.id,
      geometry: feature.geometry,
      bbox: bboxOf(feature.geometry),
    });
  }
  const lanFeatures = readGeoJson(
    "swedish_regions.geojson",
    featureCollection(z.object({ l_id: z.number().int() })),
  );
  for (const feature of lanFeatures.features) {
    const code = String(feature.properties.l_id).padStart(2, "0");
    if (!lanByCode.has(code))
      throw referenceError(`swedish_regions.geojson l_id ${feature.properties.l_id}`, "a known county", code);
    boundaries.push({ areaType: "lan", code, geometry: feature.geometry, bbox: bboxOf(feature.geometry) });
  }

  const result = { lan, organizations: [...organizations.values()], boundaries, unsourcedNames: unsourced };
  checkCounts(result);
  return result;
}

function checkCounts(reference: RegistryReference): void {
  const count = (type: OrganizationType) =>
    reference.organizations.filter((o) => o.types.includes(type)).length;
  const found = {
    kommuner: count("kommun"),
    lan: reference.lan.length,
    regioner: count("region"),
    organizations: reference.organizations.length,
  };
  for (const key of Object.keys(EXPECTED_COUNTS) as (keyof typeof EXPECTED_COUNTS)[]) {
    if (found[key] !== EXPECTED_COUNTS[key])
      throw referenceError(key, String(EXPECTED_COUNTS[key]), String(found[key]));
  }
  const boundaryCount = (type: "kommun" | "lan") =>
    new Set(reference.boundaries.filter((b) => b.areaType === type).map((b) => b.code)).size;
  if (boundaryCount("kommun") !== EXPECTED_COUNTS.kommuner)
    throw referenceError("kommun boundaries", "290", String(boundaryCount("kommun")));
  if (boundaryCount("lan") !== EXPECTED_COUNTS.lan)
    throw referenceError("län boundaries", "21", String(boundaryCount("lan")));
}

function referenceError(where: string, expected: string, found: string): AppError {
  return new AppError(
    "INTERNAL",
    {
      sv: `Referensdata för registret är fel i ${where}: väntade ${expected}, fann ${found}.`,
      en: `Registry reference data is wrong in ${where}: expected ${expected}, found ${found}.`,
    },
    { details: { where, expected, found } },
  );
}
