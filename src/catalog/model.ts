// The catalog's model: what the platform says about each dataset, before it becomes RDF. Entries are
// computed from publications and the national datasets on every export (nothing is stored yet); a
// harvested entry will be the same shape, read from a catalog_datasets table keyed by its IRI.
import { DATASET_ID, type LocalizedText } from "../core/index.ts";
import type { FileFormat, VocabularyTerm } from "./vocabulary.ts";

/** An organization or the platform, as dcterms:publisher. */
export interface CatalogAgent {
  readonly iri: string;
  readonly name: LocalizedText;
  readonly type: VocabularyTerm;
  /** The organization code; null for the platform itself. */
  readonly organizationCode: string | null;
  /** Organisationsnummer ("212000-0142"), written as dcterms:identifier; null when unknown. */
  readonly organizationNumber: string | null;
  /** The IRI dataportal.se gives the organization (owl:sameAs); null without an organisationsnummer. */
  readonly sameAs: string | null;
  readonly homepage: string;
}

export interface ContactPoint {
  readonly iri: string;
  readonly name: LocalizedText;
  /** mailto: IRI. */
  readonly email: string;
  readonly url: string;
  /**
   * The address is the platform's stand-in, not the organization's own (none is known yet): the
   * catalog is then not ready for dataportal.se, and pre-flight says so.
   */
  readonly placeholder: boolean;
}

/** A named area (dcterms:Location) with its envelope as WKT. */
export interface CatalogLocation {
  readonly iri: string;
  readonly label: LocalizedText;
  /** west, south, east, north in WGS 84; null when unknown. */
  readonly bbox: readonly [number, number, number, number] | null;
}

export interface CatalogDistribution {
  readonly iri: string;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  readonly accessUrl: string;
  readonly downloadUrl: string | null;
  readonly format: FileFormat;
  /** The data service that serves it, if any (its IRI). */
  readonly accessService: string | null;
  readonly byteSize: number | null;
  /** Hex SHA-256 of the file, when the bytes are fixed (an original file). */
  readonly sha256: string | null;
  readonly issued: Date | null;
  readonly modified: Date | null;
}

export type DatasetKind = "publication" | "national";

export interface CatalogDataset {
  /** Short id used in the API: `{organization}.{slug}`, or `national.{slug}`. */
  readonly id: string;
  readonly iri: string;
  readonly kind: DatasetKind;
  readonly organizationCode: string | null;
  readonly slug: string;
  readonly specVersion: string;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  readonly keywords: Readonly<Record<"sv" | "en", readonly string[]>>;
  readonly themes: readonly VocabularyTerm[];
  readonly publisher: CatalogAgent;
  readonly contactPoint: ContactPoint;
  /** The specification page: `{base}/specifications/{slug}/{version}`. */
  readonly conformsTo: { readonly iri: string; readonly title: LocalizedText };
  readonly spatial: CatalogLocation;
  /** Start of the period the data covers (the first published release), as YYYY-MM-DD. */
  readonly temporalStart: string | null;
  readonly accrualPeriodicity: VocabularyTerm;
  readonly issued: Date | null;
  readonly modified: Date | null;
  readonly landingPage: string;
  readonly hvdCategory: VocabularyTerm | null;
  readonly distributions: readonly CatalogDistribution[];
  /** Published rows it holds. */
  readonly rows: number;
  /** Synthetic demo content. */
  readonly demo: boolean;
}

export interface CatalogDataService {
  readonly iri: string;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  readonly endpointUrl: string;
  readonly endpointDescription: string;
  /** The human documentation page (foaf:page). */
  readonly documentation: string;
  readonly conformsTo: VocabularyTerm | null;
  /** IRIs of the datasets it serves, within the document being written. */
  readonly servesDataset: readonly string[];
}

export interface CatalogHeader {
  readonly iri: string;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  readonly publisher: CatalogAgent;
  readonly homepage: string;
  readonly spatial: CatalogLocation;
  readonly issued: Date | null;
  readonly modified: Date | null;
}

/** What one export covers: the national catalog, or one organization's. */
export type CatalogScope =
  { readonly kind: "national" } | { readonly kind: "organization"; readonly code: string };

/** Where the platform is reached: the base of every IRI it mints. */
export interface CatalogContext {
  /** PUBLIC_URL or the request's origin, without a trailing slash. */
  readonly baseUrl: string;
}

/** `0580.badplatser` → organization 0580, slug badplatser; `national.badplatser` → the national dataset. */
export function parseDatasetId(
  id: string,
): { readonly organizationCode: string | null; readonly slug: string } | undefined {
  const match = DATASET_ID.exec(id);
  if (match === null) return undefined;
  const [, owner = "", slug = ""] = match;
  return { organizationCode: owner === "national" ? null : owner, slug };
}

export function datasetId(organizationCode: string | null, slug: string): string {
  return `${organizationCode ?? "national"}.${slug}`;
}
