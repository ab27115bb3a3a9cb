import type { LocalizedText } from "../core/index.ts";

/** The readiness model's version; stored with every snapshot, so history says which model made it. */
export const MODEL_VERSION = "1.0";

export const LEVELS = [0, 1, 2, 3] as const;
export type ReadinessLevel = (typeof LEVELS)[number];

export const LEVEL_NAMES: Readonly<Record<ReadinessLevel, LocalizedText>> = {
  0: { sv: "Inte påbörjad", en: "Not started" },
  1: { sv: "Påbörjad", en: "Started" },
  2: { sv: "Etablerad", en: "Established" },
  3: { sv: "Avancerad", en: "Advanced" },
};

/** Level 2 is "has the structures and basic prerequisites to share and use data": it counts toward the goal. */
export const GOAL_LEVEL: ReadinessLevel = 2;
/** The national goal: at least this share of kommuner and of regioner at GOAL_LEVEL or above. */
export const GOAL_SHARE = 0.5;

export const DECLARABLE = ["data-contact", "open-data-policy", "open-licence", "api"] as const;
export type DeclarableCriterion = (typeof DECLARABLE)[number];

export const CRITERIA = [
  "data-contact",
  "open-data-policy",
  "catalog",
  "open-licence",
  "published",
  "conformant",
  "fresh",
  "api",
] as const;
export type CriterionId = (typeof CRITERIA)[number];

export interface CriterionDefinition {
  readonly id: CriterionId;
  readonly group: "structures" | "data";
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  /** Points toward the score that ranks the leaderboard. */
  readonly points: number;
}

/** The criteria, as the model page and the API document them. */
export const CRITERION_DEFINITIONS: readonly CriterionDefinition[] = [
  {
    id: "data-contact",
    group: "structures",
    title: { sv: "Namngiven datakontakt", en: "A named data contact" },
    description: {
      sv: "En person eller funktion som svarar för organisationens öppna data. Egen uppgift med namn, e-post och en länk där kontakten anges.",
      en: "A person or function responsible for the organization's open data. Self-declared with a name, an e-mail address and a link where the contact is given.",
    },
    points: 10,
  },
  {
    id: "open-data-policy",
    group: "structures",
    title: { sv: "Beslut eller policy om öppna data", en: "An open-data decision or policy" },
    description: {
      sv: "Ett politiskt beslut eller en policy om att dela data öppet. Egen uppgift med länk till beslutet.",
      en: "A political decision or policy to share data openly. Self-declared with a link to the decision.",
    },
    points: 10,
  },
  {
    id: "catalog",
    group: "structures",
    title: { sv: "En skördbar katalog", en: "A harvestable catalog" },
    description: {
      sv: "Organisationen har en DCAT-AP-SE-katalog som dataportal.se kan skörda. Mäts: plattformens katalog för organisationen finns så snart den har en publicering.",
      en: "The organization has a DCAT-AP-SE catalog dataportal.se can harvest. Measured: the platform's catalog for the organization exists as soon as it has a publication.",
    },
    points: 10,
  },
  {
    id: "open-licence",
    group: "structures",
    title: { sv: "Öppna licenser", en: "Open licences" },
    description: {
      sv: "Data delas under CC0 eller CC BY. Mäts för det som publiceras här (CC0); egen uppgift med länk för annat.",
      en: "Data is shared under CC0 or CC BY. Measured for what is published here (CC0); self-declared with a link otherwise.",
    },
    points: 10,
  },
  {
    id: "published",
    group: "data",
    title: { sv: "Prioriterade datamängder publicerade", en: "Prioritized datasets published" },
    description: {
      sv: "Andelen av de prioriterade datamängder som väntas av organisationen som den har publicerat. Minst en fjärdedel (och minst en) uppfyller kriteriet.",
      en: "The share of the prioritized datasets expected of the organization that it has published. At least a quarter (and at least one) meets the criterion.",
    },
    points: 30,
  },
  {
    id: "conformant",
    group: "data",
    title: { sv: "Följer specifikationen", en: "Conformant" },
    description: {
      sv: "Andelen publiceringar vars gällande version validerade helt (inte bara de giltiga raderna).",
      en: "The share of publications whose current version validated in full (not only its valid rows).",
    },
    points: 10,
  },
  {
    id: "fresh",
    group: "data",
    title: { sv: "Aktuella", en: "Fresh" },
    description: {
      sv: "Andelen publiceringar som uppdaterats inom datamängdens uppdateringsintervall.",
      en: "The share of publications updated within the dataset's update interval.",
    },
    points: 10,
  },
  {
    id: "api",
    group: "data",
    title: { sv: "Maskinläsbart API eller nedladdning", en: "A machine-readable API or download" },
    description: {
      sv: "Data går att hämta maskinellt. Mäts: allt som publiceras här får API, OGC API och nedladdning; egen uppgift med länk för eget API.",
      en: "Data can be fetched by machines. Measured: everything published here gets an API, OGC API and downloads; self-declared with a link for an own API.",
    },
    points: 10,
  },
];

/** How the levels follow from the criteria, in one paragraph (the API's model document). */
export const LEVEL_RULES: LocalizedText = {
  sv: "Etablerad: alla fyra strukturkriterier, minst en fjärdedel av de förväntade prioriterade datamängderna publicerade, och API eller nedladdning. Avancerad: dessutom minst 75 % publicerade, följer specifikationen och aktuella. Påbörjad: något kriterium uppfyllt.",
  en: "Established: all four structure criteria, at least a quarter of the expected prioritized datasets published, and an API or download. Advanced: also at least 75 % published, conformant and fresh. Started: any criterion met.",
};

/** What each level takes, level by level (the model page). */
export const LEVEL_REQUIREMENTS: Readonly<Record<ReadinessLevel, LocalizedText>> = {
  0: { sv: "Inget kriterium är uppfyllt ännu.", en: "No criterion is met yet." },
  1: { sv: "Minst ett kriterium är uppfyllt.", en: "At least one criterion is met." },
  2: {
    sv: "Alla fyra strukturkriterier är uppfyllda, minst en fjärdedel (och minst en) av de förväntade prioriterade datamängderna är publicerade, och data går att hämta med API eller nedladdning. Nivån räknas mot det nationella målet.",
    en: "All four structure criteria are met, at least a quarter (and at least one) of the expected prioritized datasets are published, and data can be fetched by API or download. This level counts toward the national goal.",
  },
  3: {
    sv: "Etablerad, och dessutom är minst 75 % av de förväntade datamängderna publicerade, och minst 75 % av publiceringarna följer specifikationen och är aktuella.",
    en: "Established, and also at least 75 % of the expected datasets are published, and at least 75 % of the publications are conformant and fresh.",
  },
};

/** How each criterion is known: measured, self-declared, or measured for what is published here and declared otherwise. */
export const HOW_KNOWN: Readonly<Record<CriterionId, "measured" | "declared" | "measured-or-declared">> = {
  "data-contact": "declared",
  "open-data-policy": "declared",
  catalog: "measured",
  "open-licence": "measured-or-declared",
  published: "measured",
  conformant: "measured",
  fresh: "measured",
  api: "measured-or-declared",
};

/** Share of the expected prioritized datasets that must be published to meet "published". */
export const PUBLISHED_SHARE = 0.25;
/** Shares an Avancerad organization reaches in every data criterion. */
export const ADVANCED_SHARE = 0.75;

/** How a criterion is known: measured by the platform, or declared by the organization. */
export type Evidence =
  | { readonly kind: "measured"; readonly detail: LocalizedText }
  | {
      readonly kind: "declared";
      readonly detail: LocalizedText;
      readonly url: string;
      readonly declaredAt: Date;
      readonly declaredBy: string;
    }
  | { readonly kind: "missing"; readonly detail: LocalizedText };

export interface CriterionResult {
  readonly id: CriterionId;
  readonly met: boolean;
  /** 0–1 for the share criteria; 0 or 1 for the others. */
  readonly value: number;
  readonly evidence: Evidence;
}

export interface Declaration {
  readonly criterion: DeclarableCriterion;
  readonly url: string;
  readonly contactName: string | null;
  readonly contactEmail: string | null;
  readonly declaredAt: Date;
  readonly declaredBy: string;
}

export interface PublicationFact {
  readonly slug: string;
  readonly status: "published" | "partial";
  readonly releasedAt: Date;
  /** How often the dataset should be updated, in days. */
  readonly freshDays: number;
}

/** What readiness is computed from, for one organization. */
export interface ReadinessFacts {
  readonly expected: readonly string[];
  /** Current releases of the organization's publications of expected datasets. */
  readonly publications: readonly PublicationFact[];
  readonly declarations: readonly Declaration[];
  readonly now: Date;
}

export interface Readiness {
  readonly level: ReadinessLevel;
  readonly score: number;
  readonly criteria: readonly CriterionResult[];
}

const percent = (value: number): string => `${Math.round(value * 100)} %`;

/** Readiness from its facts: a pure function, so the model is testable and the same everywhere. */
export function computeReadiness(facts: ReadinessFacts): Readiness {
  const declared = new Map(facts.declarations.map((d) => [d.criterion, d]));
  const expected = new Set(facts.expected);
  const publications = facts.publications.filter((p) => expected.has(p.slug));
  const count = publications.length;
  const hasPublication = facts.publications.length > 0;
  const declaredEvidence = (d: Declaration, detail: LocalizedText): Evidence => ({
    kind: "declared",
    detail,
    url: d.url,
    declaredAt: d.declaredAt,
    declaredBy: d.declaredBy,
  });
  const declarable = (id: DeclarableCriterion, measured: LocalizedText | undefined): CriterionResult => {
    if (measured !== undefined)
      return { id, met: true, value: 1, evidence: { kind: "measured", detail: measured } };
    const declaration = declared.get(id);
    if (declaration !== undefined) {
      const detail =
        id === "data-contact"
          ? {
              sv: `${declaration.contactName ?? ""} (${declaration.contactEmail ?? ""})`,
              en: `${declaration.contactName ?? ""} (${declaration.contactEmail ?? ""})`,
            }
          : { sv: "Egen uppgift med länk.", en: "Self-declared with a link." };
      return { id, met: true, value: 1, evidence: declaredEvidence(declaration, detail) };
    }
    return {
      id,
      met: false,
      value: 0,
      evidence: { kind: "missing", detail: { sv: "Inte uppgivet ännu.", en: "Not declared yet." } },
    };
  };
  const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  const publishedShare = share(count, expected.size);
  const conformant = publications.filter((p) => p.status === "published").length;
  const fresh = publications.filter(
    (p) => facts.now.getTime() - p.releasedAt.getTime() <= p.freshDays * 86_400_000,
  ).length;
  const measuredOnPlatform = hasPublication
    ? { sv: "Mäts: organisationen publicerar här.", en: "Measured: the organization publishes here." }
    : undefined;

  const criteria: CriterionResult[] = [
    declarable("data-contact", undefined),
    declarable("open-data-policy", undefined),
    hasPublication
      ? {
          id: "catalog",
          met: true,
          value: 1,
          evidence: {
            kind: "measured",
            detail: {
              sv: "Mäts: organisationens katalog på plattformen har poster och kan skördas.",
              en: "Measured: the organization's catalog on the platform has entries and can be harvested.",
            },
          },
        }
      : {
          id: "catalog",
          met: false,
          value: 0,
          evidence: {
            kind: "missing",
            detail: {
              sv: "Ingen publicering ännu, så katalogen är tom.",
              en: "No publication yet, so the catalog is empty.",
            },
          },
        },
    declarable("open-licence", measuredOnPlatform),
    {
      id: "published",
      met: count >= 1 && publishedShare >= PUBLISHED_SHARE,
      value: publishedShare,
      evidence: {
        kind: "measured",
        detail: {
          sv: `${count} av ${expected.size} förväntade datamängder publicerade (${percent(publishedShare)}).`,
          en: `${count} of ${expected.size} expected datasets published (${percent(publishedShare)}).`,
        },
      },
    },
    {
      id: "conformant",
      met: count > 0 && conformant === count,
      value: share(conformant, count),
      evidence: {
        kind: "measured",
        detail: {
          sv: `${conformant} av ${count} publiceringar validerade helt.`,
          en: `${conformant} of ${count} publications validated in full.`,
        },
      },
    },
    {
      id: "fresh",
      met: count > 0 && fresh === count,
      value: share(fresh, count),
      evidence: {
        kind: "measured",
        detail: {
          sv: `${fresh} av ${count} publiceringar är uppdaterade inom sitt intervall.`,
          en: `${fresh} of ${count} publications are updated within their interval.`,
        },
      },
    },
    declarable("api", measuredOnPlatform),
  ];
  const met = (id: CriterionId) => criteria.some((c) => c.id === id && c.met);
  const value = (id: CriterionId) => criteria.find((c) => c.id === id)?.value ?? 0;
  const structures = (["data-contact", "open-data-policy", "catalog", "open-licence"] as const).every(met);
  const established = structures && met("published") && met("api");
  const advanced =
    established &&
    value("published") >= ADVANCED_SHARE &&
    value("conformant") >= ADVANCED_SHARE &&
    value("fresh") >= ADVANCED_SHARE;
  const level: ReadinessLevel = advanced ? 3 : established ? 2 : criteria.some((c) => c.met) ? 1 : 0;
  const score = Math.round(CRITERION_DEFINITIONS.reduce((sum, d) => sum + d.points * value(d.id), 0));
  return { level, score, criteria };
}
