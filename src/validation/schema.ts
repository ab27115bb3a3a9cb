import type { SpecificationDefinition } from "../specs/definition.ts";
import type { CoordinateColumns } from "./reader/types.ts";

/** Primary key fields, as a list. */
export function primaryKeyOf(spec: SpecificationDefinition): readonly string[] {
  const pk = spec.schema.primaryKey;
  return pk === undefined ? [] : typeof pk === "string" ? [pk] : pk;
}

/** Which columns a GeoJSON Point fills for this specification. */
export function coordinateColumns(spec: SpecificationDefinition): CoordinateColumns | undefined {
  const geo = spec.schema.geo;
  if (geo === undefined) return undefined;
  if (geo.kind === "wgs84") return { x: geo.longitude, y: geo.latitude, crs: "EPSG:4326" };
  const crs = geo.crs ?? "EPSG:3006";
  return {
    x: geo.easting,
    y: geo.northing,
    crs,
    ...(geo.crsField === undefined ? {} : { crsColumn: geo.crsField }),
  };
}
