import { csvRow } from "../core/index.ts";
import type { Organization } from "../registry/index.ts";
import type { FieldDefinition, SpecificationDefinition } from "../specs/index.ts";
import { fromWgs84, parseCrs } from "../validation/index.ts";

/** Where each generated row lies, in WGS 84. */
export interface Position {
  readonly latitude: number;
  readonly longitude: number;
}

const ADJECTIVES = ["Norra", "Södra", "Östra", "Västra", "Stora", "Lilla", "Gamla", "Nya", "Övre", "Nedre"];
const PLACES = ["hagen", "viken", "udden", "ängen", "parken", "skogen", "torget", "backen", "sjön", "åsen"];
const KINDS: Readonly<Record<string, string>> = {
  badplatser: "badplats",
  lekplatser: "lekplats",
  grillplatser: "grillplats",
  utegym: "utegym",
  "offentliga-toaletter": "toalett",
  laddplatser: "laddstation",
  evenemang: "marknad",
  sevardheter: "utsiktsplats",
};

/** "Norra hagens lekplats": plausible, and obviously nobody's real address. */
function placeName(slug: string, index: number, salt: number): string {
  const adjective = ADJECTIVES[(index + salt) % ADJECTIVES.length] ?? "Norra";
  const place = PLACES[(index * 7 + salt) % PLACES.length] ?? "hagen";
  return `${adjective} ${place}s ${KINDS[slug] ?? "plats"}`;
}

const DEMO_DESCRIPTION = "Syntetiska exempeldata som visar hur plattformen fungerar.";

/**
 * A CSV for one organization built from the specification's own example rows: codes, booleans
 * and numbers come from the examples (so every row validates), while the publisher, ids, names
 * and positions are the organization's own, and free-text details are left out.
 */
export function rowsFor(
  spec: SpecificationDefinition,
  organization: Organization,
  positions: readonly Position[],
  options: { readonly salt?: number; readonly idPrefix?: string } = {},
): string {
  const fields = spec.schema.fields;
  const geo = spec.schema.geo;
  const pk = spec.schema.primaryKey;
  const keys = new Set(pk === undefined ? [] : typeof pk === "string" ? [pk] : pk);
  const salt = options.salt ?? 0;
  const prefix = options.idPrefix ?? "DEMO";
  const lines = [csvRow(fields.map((f) => f.name))];
  positions.forEach((position, i) => {
    const example = spec.examples[i % spec.examples.length] ?? {};
    const cell = (field: FieldDefinition): string => {
      if (field.reference === "organization") return organization.code;
      if (geo?.kind === "wgs84" && field.name === geo.latitude) return String(position.latitude);
      if (geo?.kind === "wgs84" && field.name === geo.longitude) return String(position.longitude);
      if (geo?.kind === "projected" && (field.name === geo.northing || field.name === geo.easting)) {
        const crs = geo.crs ?? parseCrs(example[geo.crsField ?? ""] ?? "") ?? "EPSG:3006";
        const { northing, easting } = fromWgs84(crs, position.longitude, position.latitude);
        return (field.name === geo.northing ? northing : easting).toFixed(3);
      }
      if (field.name === "name") return placeName(spec.slug, i, salt);
      const given = example[field.name] ?? "";
      if (field.type !== "string" || field.codeList !== undefined || field.constraints?.enum !== undefined)
        return given;
      if (keys.has(field.name) || field.constraints?.unique === true) return `${prefix}-${String(i + 1)}`;
      if (field.constraints?.required === true) return given;
      if (field.name === "city") return organization.shortName;
      if (field.name === "description") return DEMO_DESCRIPTION;
      return "";
    };
    lines.push(csvRow(fields.map(cell)));
  });
  return lines.join("");
}
