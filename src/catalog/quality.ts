// A metadata quality score on the model of data.europa.eu's Metadata Quality Assessment (MQA):
// five dimensions, 405 points, each indicator with the MQA's weight and the reason its points
// were given or not. Indicators measured on distributions score the share of distributions that
// pass; interoperability counts the best distribution, as the MQA does ("identical content,
// several distributions").
import type { LocalizedText } from "../core/index.ts";
import type { CatalogDataset, CatalogDistribution } from "./model.ts";
import { ACCESS_PUBLIC, CC0, FILE_TYPES } from "./vocabulary.ts";

export const DIMENSIONS = [
  "findability",
  "accessibility",
  "interoperability",
  "reusability",
  "contextuality",
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const MAX_POINTS: Readonly<Record<Dimension, number>> = {
  findability: 100,
  accessibility: 100,
  interoperability: 110,
  reusability: 75,
  contextuality: 20,
};

export const TOTAL_POINTS = 405;

export type Rating = "excellent" | "good" | "sufficient" | "bad";

/** The MQA's rating bands: 351–405 excellent, 221–350 good, 121–220 sufficient, below bad. */
export function ratingOf(points: number): Rating {
  if (points >= 351) return "excellent";
  if (points >= 221) return "good";
  if (points >= 121) return "sufficient";
  return "bad";
}

export interface IndicatorScore {
  readonly dimension: Dimension;
  readonly indicator: string;
  /** The property the MQA looks at, e.g. `dcat:keyword`. */
  readonly property: string;
  readonly weight: number;
  readonly points: number;
  /** Of how many resources (the dataset, or its distributions) how many passed. */
  readonly passed: number;
  readonly population: number;
  readonly reason: LocalizedText;
}

export interface QualityScore {
  readonly points: number;
  readonly maxPoints: number;
  readonly rating: Rating;
  readonly dimensions: Readonly<Record<Dimension, { readonly points: number; readonly maxPoints: number }>>;
  readonly indicators: readonly IndicatorScore[];
}

export interface QualityInput {
  readonly dataset: CatalogDataset;
  /** SHACL violations (DCAT-AP 3.0.1 + DCAT-AP-SE) about the dataset or what it refers to. */
  readonly violations: number;
  /** Whether a URL is one of the platform's own endpoints (answered by this server, not fetched). */
  readonly ownUrl: (url: string) => boolean;
}

const round = (value: number) => Math.round(value * 100) / 100;

function indicator(
  dimension: Dimension,
  name: string,
  property: string,
  weight: number,
  passed: number,
  population: number,
  reason: LocalizedText,
): IndicatorScore {
  const share = population === 0 ? 0 : passed / population;
  return {
    dimension,
    indicator: name,
    property,
    weight,
    points: round(weight * share),
    passed,
    population,
    reason,
  };
}

/** A yes/no indicator on the dataset itself. */
function present(
  dimension: Dimension,
  name: string,
  property: string,
  weight: number,
  ok: boolean,
  yes: LocalizedText,
  no: LocalizedText,
): IndicatorScore {
  return indicator(dimension, name, property, weight, ok ? 1 : 0, 1, ok ? yes : no);
}

/** Share of distributions passing a test, with the reason naming how many. */
function share(
  dimension: Dimension,
  name: string,
  property: string,
  weight: number,
  distributions: readonly CatalogDistribution[],
  test: (d: CatalogDistribution) => boolean,
  what: LocalizedText,
): IndicatorScore {
  const passed = distributions.filter(test).length;
  const n = distributions.length;
  return indicator(dimension, name, property, weight, passed, n, {
    sv: `${passed} av ${n} distributioner ${what.sv}.`,
    en: `${passed} of ${n} distributions ${what.en}.`,
  });
}

/** The indicator with the most points, among one per distribution (interoperability). */
function best(
  dimension: Dimension,
  name: string,
  property: string,
  weight: number,
  distributions: readonly CatalogDistribution[],
  test: (d: CatalogDistribution) => boolean,
  what: LocalizedText,
): IndicatorScore {
  const winner = distributions.find(test);
  return indicator(
    dimension,
    name,
    property,
    weight,
    winner === undefined ? 0 : 1,
    1,
    winner === undefined
      ? { sv: `Ingen distribution ${what.sv}.`, en: `No distribution ${what.en}.` }
      : { sv: `Distributionen ${winner.iri} ${what.sv}.`, en: `The distribution ${winner.iri} ${what.en}.` },
  );
}

export function scoreDataset(input: QualityInput): QualityScore {
  const { dataset: d, ownUrl } = input;
  const dist = d.distributions;
  const indicators: IndicatorScore[] = [
    // Findability
    present(
      "findability",
      "keywords",
      "dcat:keyword",
      30,
      d.keywords.sv.length + d.keywords.en.length > 0,
      { sv: `Nyckelord: ${d.keywords.sv.join(", ")}.`, en: `Keywords: ${d.keywords.en.join(", ")}.` },
      { sv: "Inga nyckelord.", en: "No keywords." },
    ),
    present(
      "findability",
      "categories",
      "dcat:theme",
      30,
      d.themes.length > 0,
      {
        sv: `Teman ur EU:s temavokabulär: ${d.themes.map((t) => t.label.sv).join(", ")}.`,
        en: `Themes from the EU data-theme vocabulary: ${d.themes.map((t) => t.label.en).join(", ")}.`,
      },
      { sv: "Inget tema.", en: "No theme." },
    ),
    present(
      "findability",
      "geo-search",
      "dcterms:spatial",
      20,
      true,
      { sv: `Geografiskt område: ${d.spatial.label.sv}.`, en: `Spatial coverage: ${d.spatial.label.en}.` },
      { sv: "Inget geografiskt område.", en: "No spatial coverage." },
    ),
    present(
      "findability",
      "time-based-search",
      "dcterms:temporal",
      20,
      d.temporalStart !== null,
      {
        sv: `Tidsperiod från ${d.temporalStart ?? ""}.`,
        en: `Temporal coverage from ${d.temporalStart ?? ""}.`,
      },
      {
        sv: "Ingen tidsperiod: inget har publicerats ännu.",
        en: "No temporal coverage: nothing published yet.",
      },
    ),
    // Accessibility. The platform's own URLs are answered by this server, so they are counted as
    // reachable without fetching them; outside URLs (harvested entries) need the link checks.
    share("accessibility", "access-url-accessible", "dcat:accessURL", 50, dist, (x) => ownUrl(x.accessUrl), {
      sv: "har en åtkomstadress som plattformen själv svarar på",
      en: "have an access URL the platform answers itself",
    }),
    share("accessibility", "download-url", "dcat:downloadURL", 20, dist, (x) => x.downloadUrl !== null, {
      sv: "har en nedladdningsadress",
      en: "have a download URL",
    }),
    share(
      "accessibility",
      "download-url-accessible",
      "dcat:downloadURL",
      30,
      dist,
      (x) => x.downloadUrl !== null && ownUrl(x.downloadUrl),
      {
        sv: "har en nedladdningsadress som plattformen själv svarar på",
        en: "have a download URL the platform answers itself",
      },
    ),
    // Interoperability
    best("interoperability", "format", "dcterms:format", 20, dist, () => true, {
      sv: "anger filformat",
      en: "gives a file format",
    }),
    best("interoperability", "media-type", "dcat:mediaType", 10, dist, () => true, {
      sv: "anger medietyp",
      en: "gives a media type",
    }),
    best("interoperability", "format-media-type-vocabulary", "dcterms:format", 10, dist, () => true, {
      sv: "anger filformat ur EU:s filtypsvokabulär och medietyp ur IANA:s register",
      en: "gives its format from the EU file-type vocabulary and its media type from IANA's register",
    }),
    best(
      "interoperability",
      "non-proprietary",
      "dcterms:format",
      20,
      dist,
      (x) => FILE_TYPES[x.format].nonProprietary,
      { sv: "har ett öppet (icke-proprietärt) format", en: "has a non-proprietary format" },
    ),
    best(
      "interoperability",
      "machine-readable",
      "dcterms:format",
      20,
      dist,
      (x) => FILE_TYPES[x.format].machineReadable,
      { sv: "har ett maskinläsbart format", en: "has a machine-readable format" },
    ),
    present(
      "interoperability",
      "dcat-ap-compliance",
      "rdf:type dcat:Dataset",
      30,
      input.violations === 0,
      {
        sv: "Följer DCAT-AP 3.0.1 och DCAT-AP-SE: inga SHACL-fel.",
        en: "Conforms to DCAT-AP 3.0.1 and DCAT-AP-SE: no SHACL violations.",
      },
      {
        sv: `Följer inte DCAT-AP: ${input.violations} SHACL-fel (se förhandskontrollen).`,
        en: `Does not conform to DCAT-AP: ${input.violations} SHACL violations (see the pre-flight check).`,
      },
    ),
    // Reusability: every distribution carries CC0 by its canonical URI, and access is public.
    share("reusability", "licence", "dcterms:license", 20, dist, () => true, {
      sv: `anger licens (${CC0.label.sv})`,
      en: `give a licence (${CC0.label.en})`,
    }),
    share("reusability", "licence-vocabulary", "dcterms:license", 10, dist, () => true, {
      sv: `anger licensen med dess kanoniska URI ${CC0.iri}`,
      en: `give the licence by its canonical URI ${CC0.iri}`,
    }),
    present(
      "reusability",
      "access-restrictions",
      "dcterms:accessRights",
      10,
      true,
      { sv: `Åtkomst: ${ACCESS_PUBLIC.label.sv}.`, en: `Access: ${ACCESS_PUBLIC.label.en}.` },
      { sv: "", en: "" },
    ),
    present(
      "reusability",
      "access-restrictions-vocabulary",
      "dcterms:accessRights",
      5,
      true,
      {
        sv: "Åtkomsträttigheter ur EU:s vokabulär (access-right).",
        en: "Access rights from the EU access-right vocabulary.",
      },
      { sv: "", en: "" },
    ),
    // A placeholder address reaches nobody at the organization: no points for it.
    present(
      "reusability",
      "contact-point",
      "dcat:contactPoint",
      20,
      !d.contactPoint.placeholder,
      { sv: `Kontaktuppgift: ${d.contactPoint.name.sv}.`, en: `Contact point: ${d.contactPoint.name.en}.` },
      {
        sv: "Kontaktuppgiften har bara plattformens platshållaradress; organisationen har inte angett någon egen.",
        en: "The contact point has only the platform's placeholder address; the organization has given none of its own.",
      },
    ),
    present(
      "reusability",
      "publisher",
      "dcterms:publisher",
      10,
      true,
      { sv: `Utgivare: ${d.publisher.name.sv}.`, en: `Publisher: ${d.publisher.name.en}.` },
      { sv: "", en: "" },
    ),
    // Contextuality
    share("contextuality", "rights", "dcterms:rights", 5, dist, () => false, {
      sv: "anger en rättighetsbeskrivning (dcterms:rights); licensen CC0 säger redan allt som behövs",
      en: "give a rights statement (dcterms:rights); the CC0 licence already says what is needed",
    }),
    share("contextuality", "file-size", "dcat:byteSize", 5, dist, (x) => x.byteSize !== null, {
      sv: "anger filstorlek (bara originalfilen har en fast storlek; de andra skapas ur aktuella data vid varje hämtning)",
      en: "give a file size (only the original file has a fixed size; the others are made from current data on each download)",
    }),
    present(
      "contextuality",
      "date-of-issue",
      "dcterms:issued",
      5,
      d.issued !== null,
      { sv: `Utgiven ${d.issued?.toISOString() ?? ""}.`, en: `Issued ${d.issued?.toISOString() ?? ""}.` },
      { sv: "Inget utgivningsdatum.", en: "No date of issue." },
    ),
    present(
      "contextuality",
      "modification-date",
      "dcterms:modified",
      5,
      d.modified !== null,
      {
        sv: `Ändrad ${d.modified?.toISOString() ?? ""}.`,
        en: `Modified ${d.modified?.toISOString() ?? ""}.`,
      },
      { sv: "Inget ändringsdatum.", en: "No modification date." },
    ),
  ];
  return summarize(indicators);
}

function summarize(indicators: readonly IndicatorScore[]): QualityScore {
  const dimensions = Object.fromEntries(
    DIMENSIONS.map((dimension) => [
      dimension,
      {
        points: round(
          indicators.filter((i) => i.dimension === dimension).reduce((sum, i) => sum + i.points, 0),
        ),
        maxPoints: MAX_POINTS[dimension],
      },
    ]),
  ) as Record<Dimension, { points: number; maxPoints: number }>;
  const points = round(DIMENSIONS.reduce((sum, d) => sum + dimensions[d].points, 0));
  return { points, maxPoints: TOTAL_POINTS, rating: ratingOf(points), dimensions, indicators };
}

/**
 * An organization's score: each indicator's points averaged over its datasets, as the MQA
 * scores a catalog. No datasets, no score.
 */
export function scoreCatalog(scores: readonly QualityScore[]): QualityScore | null {
  const first = scores[0];
  if (first === undefined) return null;
  const indicators = first.indicators.map((template, index): IndicatorScore => {
    const all = scores.map((s) => s.indicators[index] ?? template);
    const points = round(all.reduce((sum, i) => sum + i.points, 0) / all.length);
    const full = all.filter((i) => i.points === i.weight).length;
    return {
      ...template,
      points,
      passed: full,
      population: all.length,
      reason: {
        sv: `${full} av ${all.length} datamängder får full poäng; genomsnitt ${points} av ${template.weight}.`,
        en: `${full} of ${all.length} datasets score in full; average ${points} of ${template.weight}.`,
      },
    };
  });
  return summarize(indicators);
}
