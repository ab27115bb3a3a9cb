// Publications and national datasets as catalog entries: titles, keywords, themes, publisher,
// contact, coverage and distributions, all derived from what the platform already knows.
import type { LocalizedText } from "../core/index.ts";
import {
  datasetId,
  type CatalogAgent,
  type CatalogDataService,
  type CatalogDataset,
  type CatalogDistribution,
  type CatalogLocation,
  type ContactPoint,
} from "./model.ts";
import type { Lookups, NationalRow, PublicationRow, SpecVersionFacts } from "./source.ts";
import {
  FREQUENCIES,
  frequencyOf,
  OGC_API_FEATURES,
  PUBLISHER_TYPES,
  SWEDEN,
  themesFor,
  type FileFormat,
  type VocabularyTerm,
} from "./vocabulary.ts";

/** The IRIs the catalog mints, all under the platform's public base URL. */
export class CatalogIris {
  constructor(readonly base: string) {}

  nationalCatalog = () => `${this.base}/catalog`;
  organizationCatalog = (code: string) => `${this.base}/organizations/${code}/catalog`;
  dataset = (id: string) => `${this.base}/catalog/datasets/${id}`;
  organization = (code: string) => `${this.base}/organizations/${code}#organization`;
  organizationPage = (code: string) => `${this.base}/organizations/${code}`;
  organizationContact = (code: string) => `${this.base}/organizations/${code}#contact`;
  platform = () => `${this.base}/#organization`;
  platformContact = () => `${this.base}/#contact`;
  home = () => `${this.base}/`;
  specification = (slug: string, version: string) => `${this.base}/specifications/${slug}/${version}`;
  dataApi = () => `${this.base}/catalog/services/data-api`;
  ogcApi = () => `${this.base}/catalog/services/ogc-api-features`;

  /** Where mail about the platform's metadata goes: the public host's own domain. */
  private host(): string {
    try {
      return new URL(this.base).hostname;
    } catch {
      return "localhost";
    }
  }

  /**
   * DCAT-AP-SE requires vcard:hasEmail on every contact point: until an organization gives its own
   * (RegistryService.updateContact), it gets this placeholder at the platform's domain, so mail
   * reaches the platform's support, tagged with the organization. Pre-flight flags it.
   */
  contactEmail = (code: string | null) =>
    `mailto:${code === null ? "dataverkstad" : `dataverkstad+${code}`}@${this.host()}`;
}

/**
 * The IRI dataportal.se uses for a Swedish organization: SE and the ten digits of its
 * organisationsnummer, no hyphen (DIGG's harvesting specification; e.g. SE2120001702).
 */
export function dataportalOrganizationIri(organizationNumber: string): string {
  return `http://dataportal.se/organisation/SE${organizationNumber.replace("-", "")}`;
}

export const PLATFORM_NAME: LocalizedText = { sv: "Nationell dataverkstad", en: "Nationell dataverkstad" };

export function platformAgent(iris: CatalogIris): CatalogAgent {
  return {
    iri: iris.platform(),
    name: PLATFORM_NAME,
    type: PUBLISHER_TYPES.NationalAuthority,
    organizationCode: null,
    organizationNumber: null,
    sameAs: null,
    homepage: iris.home(),
  };
}

export function platformContact(iris: CatalogIris): ContactPoint {
  return {
    iri: iris.platformContact(),
    name: { sv: "Dataverkstadens support", en: "Dataverkstad support" },
    email: iris.contactEmail(null),
    url: iris.home(),
    placeholder: false,
  };
}

export interface OrganizationFacts {
  readonly code: string;
  readonly name: string;
  readonly types: readonly string[];
  readonly lanCode: string;
  readonly organizationNumber: string | null;
  readonly website: string | null;
  /** The organization's own contact mailbox; null while only the placeholder exists. */
  readonly contactEmail: string | null;
}

export function organizationAgent(iris: CatalogIris, org: OrganizationFacts): CatalogAgent {
  return {
    iri: iris.organization(org.code),
    name: { sv: org.name, en: org.name },
    // A kommun (Region Gotland included) is a local authority; a region, the former landsting.
    type: org.types.includes("kommun") ? PUBLISHER_TYPES.LocalAuthority : PUBLISHER_TYPES.RegionalAuthority,
    organizationCode: org.code,
    organizationNumber: org.organizationNumber,
    sameAs: org.organizationNumber === null ? null : dataportalOrganizationIri(org.organizationNumber),
    homepage: org.website ?? iris.organizationPage(org.code),
  };
}

/** The organization's own contact; the platform's placeholder address while it has given none. */
export function organizationContact(iris: CatalogIris, org: OrganizationFacts): ContactPoint {
  return {
    iri: iris.organizationContact(org.code),
    name: { sv: `${org.name}, öppna data`, en: `${org.name}, open data` },
    email: org.contactEmail === null ? iris.contactEmail(org.code) : `mailto:${org.contactEmail}`,
    url: org.website ?? iris.organizationPage(org.code),
    placeholder: org.contactEmail === null,
  };
}

/** A kommun covers its municipality; a region its county. */
export function organizationArea(
  iris: CatalogIris,
  org: OrganizationFacts,
  lookups: Lookups,
): CatalogLocation {
  if (org.types.includes("kommun")) {
    return {
      iri: `${iris.base}/api/v1/organizations/${org.code}/boundary`,
      label: { sv: org.name, en: org.name },
      bbox: lookups.bboxes.get(`kommun:${org.code}`) ?? null,
    };
  }
  const name = lookups.lanNames.get(org.lanCode) ?? org.name;
  return {
    iri: `${iris.base}/api/v1/lan/${org.lanCode}/boundary`,
    label: { sv: name, en: name },
    bbox: lookups.bboxes.get(`lan:${org.lanCode}`) ?? null,
  };
}

export function swedenArea(lookups: Lookups): CatalogLocation {
  return { iri: SWEDEN.iri, label: SWEDEN.label, bbox: lookups.swedenBbox };
}

const FORMAT_NAMES: Readonly<Record<FileFormat, string>> = {
  csv: "CSV",
  json: "JSON",
  geojson: "GeoJSON",
  xlsx: "Excel (xlsx)",
};

function dateOnly(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function keywords(spec: SpecVersionFacts, area: LocalizedText | null, extra: LocalizedText) {
  const list = (language: "sv" | "en") => [
    ...new Set([spec.title[language], ...(area === null ? [] : [area[language]]), extra[language]]),
  ];
  return { sv: list("sv"), en: list("en") };
}

const DEMO_NOTE: LocalizedText = {
  sv: "Obs: syntetiska demodata, inte organisationens egna uppgifter. ",
  en: "Note: synthetic demo data, not the organization's own. ",
};

export function publicationDataset(
  row: PublicationRow,
  iris: CatalogIris,
  lookups: Lookups,
): CatalogDataset | undefined {
  const spec = lookups.versions.get(`${row.slug}@${row.specVersion}`) ?? lookups.latest.get(row.slug);
  if (spec === undefined) return undefined;
  const org: OrganizationFacts = {
    code: row.organizationCode,
    name: row.organizationName,
    types: row.organizationTypes,
    lanCode: row.lanCode,
    organizationNumber: row.organizationNumber,
    website: row.organizationWebsite,
    contactEmail: row.organizationContactEmail,
  };
  const id = datasetId(row.organizationCode, row.slug);
  const datasetIri = iris.dataset(id);
  const entry = lookups.priority.get(row.slug);
  const demo = row.demo ? DEMO_NOTE : { sv: "", en: "" };
  const distribution = (format: FileFormat): CatalogDistribution => {
    const url = `${iris.base}/api/v1/organizations/${row.organizationCode}/data/${row.slug}.${format}`;
    return {
      iri: `${datasetIri}/distributions/${format}`,
      title: {
        sv: `${spec.title.sv} från ${org.name} som ${FORMAT_NAMES[format]}`,
        en: `${spec.title.en} from ${org.name} as ${FORMAT_NAMES[format]}`,
      },
      description: {
        sv: `Organisationens gällande rader, hämtade direkt ur den nationella datamängden (${FORMAT_NAMES[format]}).`,
        en: `The organization's current rows, straight from the national dataset (${FORMAT_NAMES[format]}).`,
      },
      accessUrl: url,
      downloadUrl: url,
      format,
      accessService: iris.dataApi(),
      byteSize: null,
      sha256: null,
      issued: row.firstPublishedAt,
      modified: row.releasedAt,
    };
  };
  const original: CatalogDistribution = {
    iri: `${datasetIri}/distributions/original`,
    title: {
      sv: `Originalfilen som ${org.name} publicerade (${FORMAT_NAMES[row.releaseFormat]})`,
      en: `The original file ${org.name} published (${FORMAT_NAMES[row.releaseFormat]})`,
    },
    description: {
      sv: "Den gällande releasens fil, byte för byte som den kom in.",
      en: "The current release's file, byte for byte as it arrived.",
    },
    accessUrl: `${iris.base}/api/v1/releases/${row.releaseId}/file`,
    downloadUrl: `${iris.base}/api/v1/releases/${row.releaseId}/file`,
    format: row.releaseFormat,
    accessService: null,
    byteSize: row.releaseBytes,
    sha256: row.releaseSha256,
    issued: row.releasedAt,
    modified: row.releasedAt,
  };
  const formats: FileFormat[] = spec.spatial ? ["csv", "json", "geojson"] : ["csv", "json"];
  return {
    id,
    iri: datasetIri,
    kind: "publication",
    organizationCode: row.organizationCode,
    slug: row.slug,
    specVersion: spec.version,
    title: { sv: `${spec.title.sv} – ${org.name}`, en: `${spec.title.en} – ${org.name}` },
    description: {
      sv: `${demo.sv}${spec.description.sv} Publicerad av ${org.name} enligt Dataverkstadens specifikation ${spec.title.sv} ${spec.version}.`,
      en: `${demo.en}${spec.description.en} Published by ${org.name} following Dataverkstad's specification ${spec.title.en} ${spec.version}.`,
    },
    keywords: keywords(spec, entry?.area ?? null, { sv: org.name, en: org.name }),
    themes: themesFor(row.slug, entry?.area.sv ?? null),
    publisher: organizationAgent(iris, org),
    contactPoint: organizationContact(iris, org),
    conformsTo: {
      iri: iris.specification(row.slug, spec.version),
      title: { sv: `${spec.title.sv} ${spec.version}`, en: `${spec.title.en} ${spec.version}` },
    },
    spatial: organizationArea(iris, org, lookups),
    temporalStart: dateOnly(row.firstPublishedAt),
    accrualPeriodicity: frequencyOf(row.intervalMinutes),
    issued: row.firstPublishedAt,
    modified: row.releasedAt,
    landingPage: `${iris.base}/organizations/${row.organizationCode}/publications/${row.slug}`,
    hvdCategory: hvdOf(entry),
    distributions: [...formats.map(distribution), original],
    rows: row.rows,
    demo: row.demo,
  };
}

function hvdOf(entry: { readonly hvdCategory: { uri: string; label: LocalizedText } | null } | undefined) {
  const category = entry?.hvdCategory ?? null;
  return category === null ? null : ({ iri: category.uri, label: category.label } satisfies VocabularyTerm);
}

export function nationalDataset(
  row: NationalRow,
  iris: CatalogIris,
  lookups: Lookups,
): CatalogDataset | undefined {
  const spec = lookups.latest.get(row.slug);
  if (spec === undefined) return undefined;
  const id = datasetId(null, row.slug);
  const datasetIri = iris.dataset(id);
  const entry = lookups.priority.get(row.slug);
  const demo = row.demo ? DEMO_NOTE : { sv: "", en: "" };
  const download = (format: FileFormat): CatalogDistribution => ({
    iri: `${datasetIri}/distributions/${format}`,
    title: {
      sv: `${spec.title.sv}, hela landet, som ${FORMAT_NAMES[format]}`,
      en: `${spec.title.en}, the whole country, as ${FORMAT_NAMES[format]}`,
    },
    description: {
      sv: `Alla organisationers gällande rader i en fil (${FORMAT_NAMES[format]}). Samma filter som i data-API:t fungerar.`,
      en: `Every organization's current rows in one file (${FORMAT_NAMES[format]}). The data API's filters apply.`,
    },
    accessUrl: `${iris.base}/api/v1/data/${row.slug}`,
    downloadUrl: `${iris.base}/api/v1/data/${row.slug}/download.${format}`,
    format,
    accessService: iris.dataApi(),
    byteSize: null,
    sha256: null,
    issued: row.firstPublishedAt,
    modified: row.modified,
  });
  const distributions: CatalogDistribution[] = (
    spec.spatial ? (["csv", "json", "geojson"] as const) : (["csv", "json"] as const)
  ).map(download);
  if (spec.spatial) {
    distributions.push({
      iri: `${datasetIri}/distributions/ogc`,
      title: {
        sv: `${spec.title.sv} i OGC API Features`,
        en: `${spec.title.en} in OGC API Features`,
      },
      description: {
        sv: "Samlingen i OGC API Features (GeoJSON), för GIS-verktyg som QGIS och ArcGIS.",
        en: "The collection in OGC API Features (GeoJSON), for GIS tools such as QGIS and ArcGIS.",
      },
      accessUrl: `${iris.base}/ogc/collections/${row.slug}/items`,
      downloadUrl: null,
      format: "geojson",
      accessService: iris.ogcApi(),
      byteSize: null,
      sha256: null,
      issued: row.firstPublishedAt,
      modified: row.modified,
    });
  }
  const platform = platformAgent(iris);
  return {
    id,
    iri: datasetIri,
    kind: "national",
    organizationCode: null,
    slug: row.slug,
    specVersion: spec.version,
    title: { sv: `${spec.title.sv} – hela Sverige`, en: `${spec.title.en} – all of Sweden` },
    description: {
      sv: `${demo.sv}${spec.description.sv} Nationell sammanställning av ${row.organizations} organisationers publiceringar enligt Dataverkstadens specifikation ${spec.title.sv} ${spec.version}, i ett enhetligt format.`,
      en: `${demo.en}${spec.description.en} National compilation of ${row.organizations} organizations' publications following Dataverkstad's specification ${spec.title.en} ${spec.version}, in one consistent format.`,
    },
    keywords: keywords(spec, entry?.area ?? null, { sv: "nationell datamängd", en: "national dataset" }),
    themes: themesFor(row.slug, entry?.area.sv ?? null),
    publisher: platform,
    contactPoint: platformContact(iris),
    conformsTo: {
      iri: iris.specification(row.slug, spec.version),
      title: { sv: `${spec.title.sv} ${spec.version}`, en: `${spec.title.en} ${spec.version}` },
    },
    spatial: swedenArea(lookups),
    temporalStart: dateOnly(row.firstPublishedAt),
    // Every publication that is published somewhere in the country updates it at once.
    accrualPeriodicity: FREQUENCIES.UPDATE_CONT,
    issued: row.firstPublishedAt,
    modified: row.modified,
    landingPage: `${iris.base}/data/${row.slug}`,
    hvdCategory: hvdOf(entry),
    distributions,
    rows: row.rows,
    demo: row.demo,
  };
}

export function dataApiService(iris: CatalogIris): CatalogDataService {
  return {
    iri: iris.dataApi(),
    title: { sv: "Dataverkstadens data-API", en: "Dataverkstad data API" },
    description: {
      sv: "JSON-, CSV- och GeoJSON-API för de nationella datamängderna och varje organisations rader, med filter och nyckelbaserad bläddring. Beskrivs av OpenAPI 3.1.",
      en: "JSON, CSV and GeoJSON API over the national datasets and each organization's rows, with filters and keyset paging. Described by OpenAPI 3.1.",
    },
    endpointUrl: `${iris.base}/api/v1`,
    endpointDescription: `${iris.base}/openapi.json`,
    documentation: `${iris.base}/docs`,
    conformsTo: null,
    servesDataset: [],
  };
}

export function ogcApiService(iris: CatalogIris): CatalogDataService {
  return {
    iri: iris.ogcApi(),
    title: { sv: "Dataverkstadens OGC API Features", en: "Dataverkstad OGC API Features" },
    description: {
      sv: "De nationella datamängderna med läge som samlingar i OGC API Features (Part 1 Core, GeoJSON).",
      en: "The national datasets with a position as collections in OGC API Features (Part 1 Core, GeoJSON).",
    },
    endpointUrl: `${iris.base}/ogc`,
    endpointDescription: `${iris.base}/ogc/api`,
    documentation: `${iris.base}/docs`,
    conformsTo: OGC_API_FEATURES,
    servesDataset: [],
  };
}
