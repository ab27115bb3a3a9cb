// Datasets an organization describes in the guided form: a few plain questions (title, what it
// is, theme, licence, where it is and in what format, how often it changes), checked with
// messages in Swedish and English, then written as one DCAT-AP-SE document for the organization
// and run through the harvest pipeline, so the entry is normalised, checked against the shapes,
// exported, found by search and listed in the pre-flight report like any other.
import type { AuditContext } from "../accounts/index.ts";
import { AppError, notFound, type LocalizedText } from "../core/index.ts";
import type { Database } from "../db/index.ts";
import type { HarvestRun, HarvestService } from "./harvest/index.ts";
import { DATA_THEMES, FREQUENCIES, type DataThemeCode } from "./vocabulary.ts";

const EU = "http://publications.europa.eu/resource/authority";

/** The licences the form offers: the two DCAT-AP-SE and the readiness model count as open. */
export const DESCRIBED_LICENCES = {
  CC0: "http://creativecommons.org/publicdomain/zero/1.0/",
  "CC-BY-4.0": "http://creativecommons.org/licenses/by/4.0/",
} as const;
export type DescribedLicence = keyof typeof DESCRIBED_LICENCES;

/** The formats the form offers, by their EU file-type code. */
export const DESCRIBED_FORMATS = [
  "CSV",
  "JSON",
  "GEOJSON",
  "XLSX",
  "XML",
  "PDF",
  "HTML",
  "ZIP",
  "SHP",
  "GPKG",
] as const;
export type DescribedFormat = (typeof DESCRIBED_FORMATS)[number];

export type DescribedFrequency = keyof typeof FREQUENCIES;

/** What the form asks. English texts are optional; Swedish ones are not. */
export interface DatasetDescription {
  readonly title: { readonly sv: string; readonly en: string };
  readonly description: { readonly sv: string; readonly en: string };
  readonly keywords: readonly string[];
  readonly theme: DataThemeCode;
  readonly licence: DescribedLicence;
  readonly accessUrl: string;
  readonly downloadUrl: string;
  readonly format: DescribedFormat;
  readonly frequency: DescribedFrequency;
  readonly landingPage: string;
  readonly contactEmail: string;
}

export type DescriptionField = keyof DatasetDescription;

export interface DescriptionProblem {
  readonly field: DescriptionField;
  readonly message: LocalizedText;
}

export const DESCRIPTION_LIMITS = {
  title: 200,
  description: 5000,
  keywords: 20,
  keyword: 60,
  url: 2000,
  email: 320,
} as const;

/** The form's values as typed (strings), before they are checked. */
export type DescriptionInput = Readonly<Partial<Record<string, unknown>>>;

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
const HTTP_URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks the form's values: the description, or every problem with its field. */
export function parseDescription(
  input: DescriptionInput,
): { ok: true; description: DatasetDescription } | { ok: false; problems: DescriptionProblem[] } {
  const problems: DescriptionProblem[] = [];
  const problem = (field: DescriptionField, sv: string, en: string) =>
    problems.push({ field, message: { sv, en } });
  const nested = (value: unknown, key: "sv" | "en") =>
    typeof value === "object" && value !== null ? text((value as Record<string, unknown>)[key]) : "";
  const title = {
    sv: nested(input.title, "sv") || text(input.titleSv),
    en: nested(input.title, "en") || text(input.titleEn),
  };
  const description = {
    sv: nested(input.description, "sv") || text(input.descriptionSv),
    en: nested(input.description, "en") || text(input.descriptionEn),
  };
  if (title.sv === "") problem("title", "Ange en titel på svenska.", "Give a title in Swedish.");
  if (title.sv.length > DESCRIPTION_LIMITS.title || title.en.length > DESCRIPTION_LIMITS.title)
    problem(
      "title",
      `Titeln får vara högst ${DESCRIPTION_LIMITS.title} tecken.`,
      `The title may be at most ${DESCRIPTION_LIMITS.title} characters.`,
    );
  if (description.sv === "")
    problem(
      "description",
      "Beskriv datamängden på svenska: vad den innehåller och vad den täcker.",
      "Describe the dataset in Swedish: what it holds and what it covers.",
    );
  if (
    description.sv.length > DESCRIPTION_LIMITS.description ||
    description.en.length > DESCRIPTION_LIMITS.description
  )
    problem(
      "description",
      `Beskrivningen får vara högst ${DESCRIPTION_LIMITS.description} tecken.`,
      `The description may be at most ${DESCRIPTION_LIMITS.description} characters.`,
    );
  const rawKeywords = Array.isArray(input.keywords)
    ? input.keywords.map(text)
    : text(input.keywords).split(",");
  const keywords = [...new Set(rawKeywords.map((k) => k.trim()).filter((k) => k !== ""))];
  if (
    keywords.length > DESCRIPTION_LIMITS.keywords ||
    keywords.some((k) => k.length > DESCRIPTION_LIMITS.keyword)
  )
    problem(
      "keywords",
      `Högst ${DESCRIPTION_LIMITS.keywords} nyckelord, vart och ett högst ${DESCRIPTION_LIMITS.keyword} tecken.`,
      `At most ${DESCRIPTION_LIMITS.keywords} keywords, each at most ${DESCRIPTION_LIMITS.keyword} characters.`,
    );
  const theme = text(input.theme);
  if (!(theme in DATA_THEMES)) problem("theme", "Välj ett tema.", "Choose a theme.");
  const licence = text(input.licence);
  if (!(licence in DESCRIBED_LICENCES))
    problem("licence", "Välj en licens: CC0 eller CC BY 4.0.", "Choose a licence: CC0 or CC BY 4.0.");
  const url = (field: "accessUrl" | "downloadUrl" | "landingPage", required: boolean) => {
    const value = text(input[field]);
    if (value === "") {
      if (required)
        problem(
          field,
          "Ange adressen där datamängden finns, som börjar med https://.",
          "Give the address where the dataset is, starting with https://.",
        );
    } else if (!HTTP_URL.test(value) || value.length > DESCRIPTION_LIMITS.url) {
      problem(
        field,
        `Adressen ska börja med https:// eller http:// och vara högst ${DESCRIPTION_LIMITS.url} tecken.`,
        `The address must start with https:// or http:// and be at most ${DESCRIPTION_LIMITS.url} characters.`,
      );
    }
    return value;
  };
  const accessUrl = url("accessUrl", true);
  const downloadUrl = url("downloadUrl", false);
  const landingPage = url("landingPage", false);
  const format = text(input.format).toUpperCase();
  if (!(DESCRIBED_FORMATS as readonly string[]).includes(format))
    problem("format", "Välj ett filformat.", "Choose a file format.");
  const frequency = text(input.frequency);
  if (!(frequency in FREQUENCIES))
    problem("frequency", "Välj hur ofta datamängden uppdateras.", "Choose how often the dataset is updated.");
  const contactEmail = text(input.contactEmail);
  if (contactEmail !== "" && (!EMAIL.test(contactEmail) || contactEmail.length > DESCRIPTION_LIMITS.email))
    problem(
      "contactEmail",
      "Ange en e-postadress som namn@exempel.se, eller lämna fältet tomt.",
      "Give an e-mail address like name@example.se, or leave the field empty.",
    );
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    description: {
      title,
      description,
      keywords,
      theme: theme as DataThemeCode,
      licence: licence as DescribedLicence,
      accessUrl,
      downloadUrl,
      format: format as DescribedFormat,
      frequency: frequency as DescribedFrequency,
      landingPage,
      contactEmail,
    },
  };
}

/** A described dataset with how its catalog entry came out. */
export interface DescribedDataset {
  readonly id: string;
  readonly organizationCode: string;
  readonly description: DatasetDescription;
  readonly updatedAt: Date;
  /** Whether its catalog entry passes the shapes (and is exported); null before its first save ran. */
  readonly valid: boolean | null;
  readonly violations: readonly LocalizedText[];
}

/** The identifier a described dataset carries in the catalog (its IRI is minted from it). */
export const describedIdentifier = (id: string) => `described-${id}`;

/** A Turtle string literal: nothing typed can end it early. */
function literal(value: string, language?: string): string {
  const escaped = value.replace(/[\p{Cc}"\\]/gu, (c) =>
    c === '"' || c === "\\" ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `"${escaped}"${language === undefined ? "" : `@${language}`}`;
}

/** A Turtle IRI: the URL as the WHATWG parser writes it, with what Turtle forbids escaped. */
function iri(value: string): string {
  const href = new URL(value).href.replace(
    /[<>"{}|^`\\\s]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
  return `<${href}>`;
}

/** The organization's described datasets as one Turtle document, as a harvested catalog would be. */
export function describedDocument(
  datasets: readonly { id: string; description: DatasetDescription }[],
): string {
  const lines: string[] = [
    "@prefix dcat: <http://www.w3.org/ns/dcat#> .",
    "@prefix dcterms: <http://purl.org/dc/terms/> .",
    "@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .",
  ];
  for (const { id, description: d } of datasets) {
    const parts = [
      `dcterms:identifier ${literal(describedIdentifier(id))}`,
      `dcterms:title ${literal(d.title.sv, "sv")}${d.title.en === "" ? "" : `, ${literal(d.title.en, "en")}`}`,
      `dcterms:description ${literal(d.description.sv, "sv")}${d.description.en === "" ? "" : `, ${literal(d.description.en, "en")}`}`,
      `dcat:theme <${EU}/data-theme/${d.theme}>`,
      `dcterms:accrualPeriodicity <${FREQUENCIES[d.frequency].iri}>`,
      ...(d.keywords.length === 0
        ? []
        : [`dcat:keyword ${d.keywords.map((k) => literal(k, "sv")).join(", ")}`]),
      ...(d.landingPage === "" ? [] : [`dcat:landingPage ${iri(d.landingPage)}`]),
      ...(d.contactEmail === ""
        ? []
        : [
            `dcat:contactPoint [ a vcard:Organization ; vcard:fn ${literal(d.title.sv, "sv")} ; vcard:hasEmail ${iri(`mailto:${d.contactEmail}`)} ]`,
          ]),
      `dcat:distribution [ a dcat:Distribution ; dcat:accessURL ${iri(d.accessUrl)}${d.downloadUrl === "" ? "" : ` ; dcat:downloadURL ${iri(d.downloadUrl)}`} ; dcterms:format <${EU}/file-type/${d.format}> ; dcterms:license <${DESCRIBED_LICENCES[d.licence]}> ]`,
    ];
    lines.push(`[] a dcat:Dataset ;\n  ${parts.join(" ;\n  ")} .`);
  }
  return `${lines.join("\n")}\n`;
}

export class DescribedDatasets {
  constructor(
    private readonly db: Database,
    private readonly harvest: HarvestService,
  ) {}

  async list(organizationCode: string): Promise<DescribedDataset[]> {
    const rows = await this.db.query<DescribedRow>(
      `${DESCRIBED_SELECT} WHERE d.organization_code = $1 ORDER BY d.id`,
      [organizationCode],
    );
    return rows.map(describedOf);
  }

  async get(organizationCode: string, id: string): Promise<DescribedDataset> {
    const rows = /^\d{1,18}$/.test(id)
      ? await this.db.query<DescribedRow>(
          `${DESCRIBED_SELECT} WHERE d.organization_code = $1 AND d.id = $2`,
          [organizationCode, id],
        )
      : [];
    const row = rows[0];
    if (row === undefined)
      throw notFound(
        {
          sv: `${organizationCode} har ingen beskriven datamängd ${id}.`,
          en: `${organizationCode} has no described dataset ${id}.`,
        },
        { organization: organizationCode, id },
      );
    return describedOf(row);
  }

  /** A new description; the catalog entry is made at once. */
  async create(
    organizationCode: string,
    input: DescriptionInput,
    audit: AuditContext,
  ): Promise<DescribedDataset> {
    const description = checked(input);
    const [row] = await this.db.query<{ id: string | number }>(
      `INSERT INTO described_datasets (organization_code, description, created_by) VALUES ($1, $2::jsonb, $3) RETURNING id`,
      [organizationCode, JSON.stringify(description), audit.actor],
    );
    if (row === undefined) throw new Error("described dataset insert returned no row");
    await this.publish(organizationCode, audit);
    return this.get(organizationCode, String(row.id));
  }

  async update(
    organizationCode: string,
    id: string,
    input: DescriptionInput,
    audit: AuditContext,
  ): Promise<DescribedDataset> {
    await this.get(organizationCode, id);
    const description = checked(input);
    await this.db.query(
      `UPDATE described_datasets SET description = $3::jsonb, updated_at = now() WHERE organization_code = $1 AND id = $2`,
      [organizationCode, id, JSON.stringify(description)],
    );
    await this.publish(organizationCode, audit);
    return this.get(organizationCode, id);
  }

  /** Removes the description; its catalog entry becomes a tombstone. */
  async remove(organizationCode: string, id: string, audit: AuditContext): Promise<void> {
    await this.get(organizationCode, id);
    await this.db.query("DELETE FROM described_datasets WHERE organization_code = $1 AND id = $2", [
      organizationCode,
      id,
    ]);
    await this.publish(organizationCode, audit);
  }

  /** Every description of the organization, as one document through the harvest pipeline. */
  private async publish(organizationCode: string, audit: AuditContext): Promise<HarvestRun> {
    const rows = await this.db.query<{ id: string | number; description: DatasetDescription }>(
      "SELECT id, description FROM described_datasets WHERE organization_code = $1 ORDER BY id",
      [organizationCode],
    );
    const document =
      rows.length === 0
        ? null
        : describedDocument(rows.map((r) => ({ id: String(r.id), description: r.description })));
    const run = await this.harvest.ingestDescribed(organizationCode, document, audit);
    // The document is ours; a failure to take it is the platform's, not the publisher's.
    if (run.error !== null) throw new Error(`described datasets of ${organizationCode}: ${run.error.en}`);
    return run;
  }
}

function checked(input: DescriptionInput): DatasetDescription {
  const parsed = parseDescription(input);
  if (parsed.ok) return parsed.description;
  throw new AppError(
    "BAD_REQUEST",
    {
      sv: `Beskrivningen behöver rättas: ${parsed.problems.map((p) => p.message.sv).join(" ")}`,
      en: `The description needs fixing: ${parsed.problems.map((p) => p.message.en).join(" ")}`,
    },
    { details: { problems: parsed.problems.map((p) => ({ field: p.field, message: p.message })) } },
  );
}

interface DescribedRow {
  id: string | number;
  organization_code: string;
  description: DatasetDescription;
  updated_at: Date;
  valid: boolean | null;
  violations: { message: LocalizedText }[] | null;
}

// The entry's verdict comes from the harvested row that carries the dataset's identifier.
const DESCRIBED_SELECT = `SELECT d.id, d.organization_code, d.description, d.updated_at, h.valid, h.violations
  FROM described_datasets d
  LEFT JOIN harvested_datasets h ON h.organization_code = d.organization_code AND h.status = 'active'
    AND h.identifier = 'described-' || d.id`;

function describedOf(row: DescribedRow): DescribedDataset {
  return {
    id: String(row.id),
    organizationCode: row.organization_code,
    description: row.description,
    updatedAt: row.updated_at,
    valid: row.valid,
    violations: (row.violations ?? []).map((v) => v.message),
  };
}
