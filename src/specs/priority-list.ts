import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { z } from "zod";
import { AppError } from "../core/index.ts";
import type { Localized } from "./definition.ts";
import type { HvdCategory, Level, PriorityListEntry, PriorityStatus } from "./types.ts";

const SOURCE = new URL("./reference/priority-list.csv", import.meta.url);

export const EXPECTED_ENTRIES = 100;

/** The EU high-value-dataset categories (Implementing Regulation (EU) 2023/138) the list refers to. */
const HVD_CATEGORIES: Readonly<Record<string, HvdCategory>> = {
  geospatial: {
    uri: "http://data.europa.eu/bna/c_ac64a52d",
    label: { sv: "Geospatiala data", en: "Geospatial" },
  },
  "earth-observation-environment": {
    uri: "http://data.europa.eu/bna/c_dd313021",
    label: { sv: "Jordobservation och miljö", en: "Earth observation and environment" },
  },
  meteorological: {
    uri: "http://data.europa.eu/bna/c_164e0bf5",
    label: { sv: "Meteorologiska data", en: "Meteorological" },
  },
  statistics: { uri: "http://data.europa.eu/bna/c_e1da4e07", label: { sv: "Statistik", en: "Statistics" } },
  companies: {
    uri: "http://data.europa.eu/bna/c_a9135398",
    label: { sv: "Företag och företagsägande", en: "Companies and company ownership" },
  },
  mobility: { uri: "http://data.europa.eu/bna/c_b79e35eb", label: { sv: "Rörlighet", en: "Mobility" } },
};

/** Areas, with English names. Besöksnäring och rekreation, Mobilitet, Stadsplanering and Livsmedel are NDV's own. */
const AREAS: Readonly<Record<string, string>> = {
  "Besöksnäring och rekreation": "Tourism and recreation",
  Stadsplanering: "Urban planning",
  Mobilitet: "Mobility",
  Livsmedel: "Food",
  "Ekonomi och förvaltning": "Finance and administration",
  Miljö: "Environment",
  "Vatten och avfall": "Water and waste",
  "Hälsa och sjukvård": "Health care",
  Utbildning: "Education",
  "Demokrati och insyn": "Democracy and transparency",
  "Befolkning och statistik": "Population and statistics",
  Omsorg: "Social care",
  Kultur: "Culture",
};

/** The source leaves the area of some confirmed entries blank; these are the platform's own placement. */
const AREA_FOR_BLANK: Readonly<Record<string, string>> = {
  Skolinformation: "Utbildning",
  "Laddpunkter för elfordon": "Mobilitet",
  Luftkvalitet: "Miljö",
  Leverantörsreskontra: "Ekonomi och förvaltning",
  Parkering: "Mobilitet",
  "Idrotts- och fritidsanläggningar": "Besöksnäring och rekreation",
  Evenemang: "Besöksnäring och rekreation",
  "Points of interest (POI)": "Besöksnäring och rekreation",
};

/** Where the platform's specification slug is not the entry's name in kebab-case. */
const SLUG_FOR_NAME: Readonly<Record<string, string>> = {
  "Laddpunkter för elfordon": "laddplatser",
  "Points of interest (POI)": "points-of-interest",
  // The Linköping pilot domains.
  "Energiförbrukning i offentliga fastigheter": "energianvandning-byggnader",
  "Cykel- och gångtrafikmätningar": "mobilitetsmatningar",
};

const row = z.object({
  rank_official: z.string(),
  name_sv: z.string().min(1),
  name_en: z.string().min(1),
  area_sv: z.string(),
  level: z.enum(["kommun", "region", "both"]),
  status: z.enum(["official", "candidate"]),
  hvd_category: z.string(),
  basis_url: z.url(),
  notes: z.string(),
});

/** "Idrotts- och fritidsanläggningar" → "idrotts-och-fritidsanlaggningar". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\([^)]*\)/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function listError(where: string, expected: string, found: string): AppError {
  return new AppError(
    "INTERNAL",
    {
      sv: `Den prioriterade listans referensdata är fel i ${where}: väntade ${expected}, fann ${found}.`,
      en: `The prioritized list's reference data is wrong in ${where}: expected ${expected}, found ${found}.`,
    },
    { details: { where, expected, found } },
  );
}

/**
 * The seed list: NDV's confirmed entries keep their official rank; the rest fill the free places
 * in the order of the source (confirmed without rank first, then candidates). `specifiedSlugs`
 * are the specifications the platform has; an entry with one is "specified", a confirmed entry
 * without one "in-progress" (NDV has worked on it), a candidate "identified".
 */
export function loadPriorityList(specifiedSlugs: ReadonlySet<string>): PriorityListEntry[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(SOURCE, "utf8"), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0)
    throw listError("priority-list.csv", "valid CSV", parsed.errors[0]?.message ?? "");
  const rows = parsed.data.map((raw, index) => {
    const result = row.safeParse(raw);
    if (!result.success)
      throw listError(`priority-list.csv:${index + 2}`, "a valid row", result.error.message);
    return result.data;
  });
  if (rows.length !== EXPECTED_ENTRIES)
    throw listError("priority-list.csv", `${EXPECTED_ENTRIES} rows`, String(rows.length));

  const taken = new Set(rows.filter((r) => r.rank_official !== "").map((r) => Number(r.rank_official)));
  const free = Array.from({ length: EXPECTED_ENTRIES }, (_, i) => i + 1).filter((rank) => !taken.has(rank));
  const slugs = new Set<string>();

  const entries = rows.map((r): PriorityListEntry => {
    const officialRank = r.rank_official === "" ? null : Number(r.rank_official);
    const rank = officialRank ?? free.shift();
    if (rank === undefined) throw listError(r.name_sv, "a free rank", "none left");
    const slug = SLUG_FOR_NAME[r.name_sv] ?? slugify(r.name_sv);
    if (slugs.has(slug)) throw listError(r.name_sv, "a unique slug", slug);
    slugs.add(slug);
    const areaSv = r.area_sv !== "" ? r.area_sv : AREA_FOR_BLANK[r.name_sv];
    const areaEn = areaSv === undefined ? undefined : AREAS[areaSv];
    if (areaSv === undefined || areaEn === undefined) throw listError(r.name_sv, "a known area", r.area_sv);
    const hvd = r.hvd_category === "" ? null : HVD_CATEGORIES[r.hvd_category];
    if (hvd === undefined) throw listError(r.name_sv, "a known HVD category", r.hvd_category);
    const specified = specifiedSlugs.has(slug);
    const status: PriorityStatus = specified
      ? "specified"
      : r.status === "official"
        ? "in-progress"
        : "identified";
    const name: Localized = { sv: r.name_sv, en: r.name_en };
    return {
      rank,
      officialRank,
      slug,
      name,
      area: { sv: areaSv, en: areaEn },
      level: r.level satisfies Level,
      hvdCategory: hvd,
      status,
      confirmation: r.status,
      basisUrl: r.basis_url,
      notes: r.notes,
      specification: null,
    };
  });
  return entries.sort((a, b) => a.rank - b.rank);
}
