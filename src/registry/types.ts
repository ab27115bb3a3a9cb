import type { KommunKod, LanKod, OrganizationCode } from "../core/index.ts";

export const ORGANIZATION_TYPES = ["kommun", "region"] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export interface Lan {
  readonly code: LanKod;
  /** "Östergötlands län" */
  readonly name: string;
  /** "Östergötland" */
  readonly shortName: string;
}

export interface Organization {
  readonly code: OrganizationCode;
  /** As the organization styles itself: "Linköpings kommun", "Falu kommun", "Stockholms stad", "Region Östergötland" */
  readonly name: string;
  /** "Linköping", "Östergötland" */
  readonly shortName: string;
  /** Region Gotland (0980) is both a kommun and a region. */
  readonly types: readonly OrganizationType[];
  readonly lanCode: LanKod;
  /** The kommunkod when the organization is a municipality. */
  readonly kommunKod: KommunKod | null;
  /** "212000-0142", from reference/organizations.csv; null where no public source gives it. */
  readonly organizationNumber: string | null;
  /** The organization's own website: from the reference data until its publisher sets it. */
  readonly website: string | null;
  /** The organization's own contact mailbox, set by its publisher; null while none is known. */
  readonly contactEmail: string | null;
}

export type AreaType = "kommun" | "lan";

/** [west, south, east, north] in WGS 84 degrees. */
export type BBox = readonly [number, number, number, number];

export interface Polygon {
  readonly type: "Polygon";
  readonly coordinates: readonly (readonly (readonly [number, number])[])[];
}

export interface MultiPolygon {
  readonly type: "MultiPolygon";
  readonly coordinates: readonly (readonly (readonly (readonly [number, number])[])[])[];
}

export type AreaGeometry = Polygon | MultiPolygon;

export interface Boundary {
  readonly areaType: AreaType;
  readonly code: string;
  readonly geometry: AreaGeometry;
  readonly bbox: BBox;
}
