// The vocabularies the catalog speaks: namespaces, and the EU controlled-vocabulary terms it uses
// with their Swedish and English labels (from the DCAT-AP-SE 3.0.1 bundle, src/catalog/reference).
import type { LocalizedText } from "../core/index.ts";

export const NS = {
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  dcat: "http://www.w3.org/ns/dcat#",
  dcterms: "http://purl.org/dc/terms/",
  dcatap: "http://data.europa.eu/r5r/",
  foaf: "http://xmlns.com/foaf/0.1/",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  eli: "http://data.europa.eu/eli/ontology#",
  locn: "http://www.w3.org/ns/locn#",
  spdx: "http://spdx.org/rdf/terms#",
  adms: "http://www.w3.org/ns/adms#",
  gsp: "http://www.opengis.net/ont/geosparql#",
  owl: "http://www.w3.org/2002/07/owl#",
} as const;

export type Prefix = keyof typeof NS;

/** A term as `prefix:local`, e.g. `dcterms:title`: what the model and the serializers use. */
export type CompactIri = `${Prefix}:${string}`;

export function expand(term: CompactIri): string {
  const colon = term.indexOf(":");
  return NS[term.slice(0, colon) as Prefix] + term.slice(colon + 1);
}

/** A term of a controlled vocabulary: its IRI, its label, and the classes the shapes expect of it. */
export interface VocabularyTerm {
  readonly iri: string;
  readonly label: LocalizedText;
}

const EU = "http://publications.europa.eu/resource/authority";

// ——— Data themes (EU data-theme vocabulary; labels as in the DCAT-AP-SE bundle) ———

export const DATA_THEME_SCHEME: VocabularyTerm = {
  iri: `${EU}/data-theme`,
  label: { sv: "Vokabulär för Data-Teman", en: "Data Theme Vocabulary" },
};

const theme = (code: string, sv: string, en: string): VocabularyTerm => ({
  iri: `${EU}/data-theme/${code}`,
  label: { sv, en },
});

export const DATA_THEMES = {
  AGRI: theme(
    "AGRI",
    "Jordbruk, fiske, skogsbruk och livsmedel",
    "Agriculture, fisheries, forestry and food",
  ),
  ECON: theme("ECON", "Ekonomi och finans", "Economy and finance"),
  EDUC: theme("EDUC", "Utbildning, kultur och sport", "Education, culture and sport"),
  ENER: theme("ENER", "Energi", "Energy"),
  ENVI: theme("ENVI", "Miljö", "Environment"),
  GOVE: theme("GOVE", "Regeringen och den offentliga sektorn", "Government and public sector"),
  HEAL: theme("HEAL", "Hälsa", "Health"),
  INTR: theme("INTR", "Internationella frågor", "International issues"),
  JUST: theme(
    "JUST",
    "Rättvisa, rättsliga system och allmän säkerhet",
    "Justice, legal system and public safety",
  ),
  SOCI: theme("SOCI", "Befolkning och samhälle", "Population and society"),
  REGI: theme("REGI", "Regioner och städer", "Regions and cities"),
  TECH: theme("TECH", "Vetenskap och teknik", "Science and technology"),
  TRAN: theme("TRAN", "Transport", "Transport"),
} as const;

export type DataThemeCode = keyof typeof DATA_THEMES;

/**
 * The themes of a dataset: the specification's own row when it has one, else its area on the
 * prioritized list. One table, so a reviewer sees every choice at once. Keys are
 * `spec:{slug}` or `area:{Swedish area name}`.
 */
export const THEMES: Readonly<Record<string, readonly DataThemeCode[]>> = {
  // The shipped specifications.
  "spec:badplatser": ["EDUC", "ENVI"],
  "spec:energianvandning-byggnader": ["ENER", "ENVI"],
  "spec:evenemang": ["EDUC", "SOCI"],
  "spec:forskolor": ["EDUC"],
  "spec:grillplatser": ["EDUC", "REGI"],
  "spec:idrotts-och-fritidsanlaggningar": ["EDUC"],
  "spec:laddplatser": ["TRAN", "ENER"],
  "spec:lediga-tomter": ["REGI", "ECON"],
  "spec:lekplatser": ["EDUC", "REGI"],
  "spec:leverantorsreskontra": ["GOVE", "ECON"],
  "spec:luftkvalitet": ["ENVI", "HEAL"],
  "spec:mobilitetsmatningar": ["TRAN"],
  "spec:offentliga-toaletter": ["REGI", "HEAL"],
  "spec:parkering": ["TRAN"],
  "spec:sevardheter": ["EDUC", "REGI"],
  "spec:stompunkter": ["REGI", "TECH"],
  "spec:utegym": ["EDUC", "HEAL"],
  // The areas of the prioritized list, for specifications without a row of their own.
  "area:Besöksnäring och rekreation": ["EDUC"],
  "area:Stadsplanering": ["REGI"],
  "area:Mobilitet": ["TRAN"],
  "area:Livsmedel": ["AGRI"],
  "area:Ekonomi och förvaltning": ["GOVE", "ECON"],
  "area:Miljö": ["ENVI"],
  "area:Vatten och avfall": ["ENVI"],
  "area:Hälsa och sjukvård": ["HEAL"],
  "area:Utbildning": ["EDUC"],
  "area:Demokrati och insyn": ["GOVE"],
  "area:Befolkning och statistik": ["SOCI"],
  "area:Omsorg": ["SOCI", "HEAL"],
  "area:Kultur": ["EDUC"],
};

/** Government and public sector when neither the specification nor its area is in the table. */
export function themesFor(slug: string, areaSv: string | null): readonly VocabularyTerm[] {
  const codes = THEMES[`spec:${slug}`] ??
    (areaSv === null ? undefined : THEMES[`area:${areaSv}`]) ?? ["GOVE"];
  return codes.map((code) => DATA_THEMES[code]);
}

// ——— Update frequency (EU frequency vocabulary) ———

const frequency = (code: string, sv: string, en: string): VocabularyTerm => ({
  iri: `${EU}/frequency/${code}`,
  label: { sv, en },
});

export const FREQUENCIES = {
  UPDATE_CONT: frequency("UPDATE_CONT", "uppdateras kontinuerligt", "continuously updated"),
  DAILY: frequency("DAILY", "dagligen", "daily"),
  WEEKLY: frequency("WEEKLY", "veckovis", "weekly"),
  MONTHLY: frequency("MONTHLY", "månatligen", "monthly"),
  QUARTERLY: frequency("QUARTERLY", "kvartalsvis", "quarterly"),
  ANNUAL: frequency("ANNUAL", "årligen", "annual"),
  IRREG: frequency("IRREG", "oregelbundet", "irregular"),
} as const;

/** A URL source fetched every so many minutes updates about that often; an upload, irregularly. */
export function frequencyOf(intervalMinutes: number | null): VocabularyTerm {
  if (intervalMinutes === null) return FREQUENCIES.IRREG;
  if (intervalMinutes < 24 * 60) return FREQUENCIES.UPDATE_CONT;
  if (intervalMinutes < 7 * 24 * 60) return FREQUENCIES.DAILY;
  if (intervalMinutes < 30 * 24 * 60) return FREQUENCIES.WEEKLY;
  if (intervalMinutes < 90 * 24 * 60) return FREQUENCIES.MONTHLY;
  if (intervalMinutes < 365 * 24 * 60) return FREQUENCIES.QUARTERLY;
  return FREQUENCIES.ANNUAL;
}

// ——— Publisher types (ADMS publisher-type vocabulary, as DCAT-AP-SE lists it) ———

export const PUBLISHER_TYPES = {
  // "Lokal myndighet/kommun"
  LocalAuthority: {
    iri: "http://purl.org/adms/publishertype/LocalAuthority",
    label: { sv: "Lokal myndighet/kommun", en: "Local Authority" },
  },
  // "Regional myndighet/landsting": a region is the former landsting.
  RegionalAuthority: {
    iri: "http://purl.org/adms/publishertype/RegionalAuthority",
    label: { sv: "Regional myndighet/landsting", en: "Regional authority" },
  },
  NationalAuthority: {
    iri: "http://purl.org/adms/publishertype/NationalAuthority",
    label: { sv: "Nationell myndighet", en: "National authority" },
  },
} as const satisfies Record<string, VocabularyTerm>;

// ——— Licence, access rights, language, legislation ———

/** CC0 1.0 by its canonical URI, the one DCAT-AP-SE requires for catalog metadata. */
export const CC0: VocabularyTerm = {
  iri: "http://creativecommons.org/publicdomain/zero/1.0/",
  label: { sv: "CC0 1.0 (Public Domain Dedication)", en: "CC0 1.0 (Public Domain Dedication)" },
};

export const ACCESS_PUBLIC: VocabularyTerm = {
  iri: `${EU}/access-right/PUBLIC`,
  label: { sv: "Publik", en: "Public" },
};

export const LANGUAGE_SWEDISH: VocabularyTerm = {
  iri: `${EU}/language/SWE`,
  label: { sv: "svenska", en: "Swedish" },
};

export const SWEDEN: VocabularyTerm = {
  iri: `${EU}/country/SWE`,
  label: { sv: "Sverige", en: "Sweden" },
};

/** The HVD implementing regulation, (EU) 2023/138. */
export const HVD_LEGISLATION: VocabularyTerm = {
  iri: "http://data.europa.eu/eli/reg_impl/2023/138/oj",
  label: {
    sv: "Kommissionens genomförandeförordning (EU) 2023/138 (värdefulla datamängder)",
    en: "Commission Implementing Regulation (EU) 2023/138 (high-value datasets)",
  },
};

export const OGC_API_FEATURES: VocabularyTerm = {
  iri: "http://www.opengis.net/doc/IS/ogcapi-features-1/1.0",
  label: { sv: "OGC API – Features – Part 1: Core", en: "OGC API – Features – Part 1: Core" },
};

export const SHA256 = "http://spdx.org/rdf/terms#checksumAlgorithm_sha256";

// ——— File types (EU file-type vocabulary) and media types (IANA) ———

export interface FileType {
  readonly format: VocabularyTerm;
  readonly mediaType: string;
  /** Whether the MQA counts the format as machine-readable and as non-proprietary. */
  readonly machineReadable: boolean;
  readonly nonProprietary: boolean;
}

const fileType = (
  code: string,
  label: string,
  mediaType: string,
  machineReadable: boolean,
  nonProprietary: boolean,
): FileType => ({
  format: { iri: `${EU}/file-type/${code}`, label: { sv: label, en: label } },
  mediaType,
  machineReadable,
  nonProprietary,
});

export const FILE_TYPES = {
  csv: fileType("CSV", "CSV", "text/csv", true, true),
  json: fileType("JSON", "JSON", "application/json", true, true),
  geojson: fileType("GEOJSON", "GeoJSON", "application/geo+json", true, true),
  xlsx: fileType(
    "XLSX",
    "XLSX",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    true,
    false,
  ),
} as const;

export type FileFormat = keyof typeof FILE_TYPES;

export function mediaTypeIri(mediaType: string): string {
  return `https://www.iana.org/assignments/media-types/${mediaType}`;
}
