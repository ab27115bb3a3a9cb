// Reading harvested datasets: for the export (active and valid, in keyset batches), for its ETag,
// for search (the lead's index reads `activeHarvestedDatasets`) and for the pre-flight report.
import type { LocalizedText } from "../../core/index.ts";
import type { Queryable } from "../../db/index.ts";
import type { ShaclViolation } from "../shacl.ts";
import type { HarvestedGraph, NormalisationNote, SearchFields } from "./normalise.ts";

export interface HarvestedExportRow {
  readonly organizationCode: string;
  readonly iri: string;
  readonly graph: HarvestedGraph;
}

export const HARVESTED_BATCH = 500;

/** Active, valid harvested datasets of the scope, by (organization, IRI), one batch at a time. */
export async function* harvestedBatches(
  db: Queryable,
  organizationCode: string | null,
  batchSize = HARVESTED_BATCH,
): AsyncGenerator<readonly HarvestedExportRow[]> {
  let after: readonly [string, string] = ["", ""];
  for (;;) {
    const rows = await db.query<{ organization_code: string; dataset_iri: string; graph: HarvestedGraph }>(
      `SELECT organization_code, dataset_iri, graph FROM harvested_datasets
       WHERE status = 'active' AND valid AND (organization_code, dataset_iri) > ($1, $2)
         AND ($3::text IS NULL OR organization_code = $3)
       ORDER BY organization_code, dataset_iri LIMIT $4`,
      [after[0], after[1], organizationCode, batchSize],
    );
    if (rows.length === 0) return;
    yield rows.map((r) => ({ organizationCode: r.organization_code, iri: r.dataset_iri, graph: r.graph }));
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < batchSize) return;
    after = [last.organization_code, last.dataset_iri];
  }
}

/** Part of the catalog's ETag: moves with every change to what harvesting exports. */
export async function harvestedStamp(db: Queryable, organizationCode: string | null): Promise<string> {
  const [row] = await db.query<{ stamp: string | null }>(
    `SELECT coalesce(max(updated_at)::text, '') || ':' || count(*) FILTER (WHERE status = 'active' AND valid) AS stamp
     FROM harvested_datasets WHERE $1::text IS NULL OR organization_code = $1`,
    [organizationCode],
  );
  return row?.stamp ?? "";
}

/** An active harvested dataset as search and listings see it. */
export interface HarvestedDatasetSummary extends SearchFields {
  readonly id: string;
  readonly iri: string;
  readonly identifier: string | null;
  readonly organizationCode: string;
  readonly sourceId: string;
  /** Whether it passes the shapes (and is in the export). */
  readonly valid: boolean;
  readonly firstSeenAt: Date;
  readonly lastSeenAt: Date;
  readonly updatedAt: Date;
}

interface SummaryRow {
  id: string | number;
  dataset_iri: string;
  identifier: string | null;
  organization_code: string;
  source_id: string | number;
  title: Record<string, string>;
  summary: Record<string, string>;
  keywords: Record<string, string[]>;
  themes: string[];
  formats: string[];
  licences: string[];
  valid: boolean;
  first_seen_at: Date;
  last_seen_at: Date;
  updated_at: Date;
}

/**
 * Every active harvested dataset (of one organization, or all), with the fields a search index
 * needs, in keyset batches by id. Only valid ones unless `includeInvalid`: the rest are not in
 * the export either.
 */
export async function* activeHarvestedDatasets(
  db: Queryable,
  options: {
    readonly organizationCode?: string;
    readonly includeInvalid?: boolean;
    readonly batchSize?: number;
  } = {},
): AsyncGenerator<readonly HarvestedDatasetSummary[]> {
  const batchSize = options.batchSize ?? HARVESTED_BATCH;
  let after = 0;
  for (;;) {
    const rows = await db.query<SummaryRow>(
      `SELECT id, dataset_iri, identifier, organization_code, source_id, title, summary, keywords, themes, formats,
              licences, valid, first_seen_at, last_seen_at, updated_at
       FROM harvested_datasets
       WHERE status = 'active' AND ($2 OR valid) AND id > $1 AND ($3::text IS NULL OR organization_code = $3)
       ORDER BY id LIMIT $4`,
      [after, options.includeInvalid === true, options.organizationCode ?? null, batchSize],
    );
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      id: String(r.id),
      iri: r.dataset_iri,
      identifier: r.identifier,
      organizationCode: r.organization_code,
      sourceId: String(r.source_id),
      title: r.title,
      description: r.summary,
      keywords: r.keywords,
      themes: r.themes,
      formats: r.formats,
      licences: r.licences,
      valid: r.valid,
      firstSeenAt: r.first_seen_at,
      lastSeenAt: r.last_seen_at,
      updatedAt: r.updated_at,
    }));
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < batchSize) return;
    after = Number(last.id);
  }
}

/** A stored violation: what the pre-flight page shows. */
export type StoredViolation = Pick<ShaclViolation, "focusNode" | "path" | "constraint" | "message">;

export interface HarvestedPreflightItem {
  readonly iri: string;
  readonly title: Readonly<Record<string, string>>;
  readonly sourceId: string;
  /** False: left out of the export, for the violations listed. */
  readonly exported: boolean;
  readonly violations: readonly StoredViolation[];
  readonly normalisation: readonly NormalisationNote[];
}

export interface HarvestedPreflight {
  /** Active harvested datasets of the organization. */
  readonly datasets: number;
  readonly exported: number;
  /** Each dataset that was left out or changed in normalisation, with the reasons. */
  readonly items: readonly HarvestedPreflightItem[];
  readonly notice: LocalizedText | null;
  /** Dataset IRIs another organization's catalog describes too: both are exported, each its own. */
  readonly shared: readonly LocalizedText[];
}

export async function harvestedPreflight(
  db: Queryable,
  organizationCode: string,
): Promise<HarvestedPreflight> {
  const rows = await db.query<{
    dataset_iri: string;
    title: Record<string, string>;
    source_id: string | number;
    valid: boolean;
    violations: StoredViolation[];
    normalisation: NormalisationNote[];
  }>(
    `SELECT dataset_iri, title, source_id, valid, violations, normalisation FROM harvested_datasets
     WHERE organization_code = $1 AND status = 'active' ORDER BY dataset_iri`,
    [organizationCode],
  );
  const excluded = rows.filter((r) => !r.valid).length;
  const shared = await sharedDatasetIris(db, organizationCode);
  return {
    shared: shared.map((s) => sharedIriNote(s.iri, s.organizationCode, s.organizationName)),
    datasets: rows.length,
    exported: rows.length - excluded,
    items: rows
      .filter((r) => !r.valid || r.normalisation.length > 0)
      .map((r) => ({
        iri: r.dataset_iri,
        title: r.title,
        sourceId: String(r.source_id),
        exported: r.valid,
        violations: r.violations,
        normalisation: r.normalisation,
      })),
    notice:
      excluded === 0
        ? null
        : {
            sv: `${excluded} skördade datamängder uppfyller inte DCAT-AP-SE även efter normalisering och lämnas utanför katalogen tills källan rättas. Skälen står vid varje datamängd.`,
            en: `${excluded} harvested datasets do not meet DCAT-AP-SE even after normalisation and are left out of the catalog until the source is fixed. The reasons are given with each dataset.`,
          },
  };
}

/** A dataset IRI the organization's harvest shares with another organization's. */
export interface SharedDatasetIri {
  readonly iri: string;
  readonly organizationCode: string;
  readonly organizationName: string;
  readonly sourceId: string;
}

/**
 * The organization's active harvested datasets whose source IRI another organization's catalog
 * describes too (all of DIGG's examples use https://example.com/dataset1). Both are exported, each
 * under its organization's own IRI; this is what tells the organizations so.
 */
export async function sharedDatasetIris(
  db: Queryable,
  organizationCode: string,
): Promise<SharedDatasetIri[]> {
  const rows = await db.query<{ iri: string; code: string; name: string; source_id: string | number }>(
    `SELECT mine.dataset_iri AS iri, other.organization_code AS code, o.name, other.source_id
     FROM harvested_datasets mine
     JOIN harvested_datasets other ON other.dataset_iri = mine.dataset_iri
       AND other.organization_code <> mine.organization_code AND other.status = 'active'
     JOIN organizations o ON o.code = other.organization_code
     WHERE mine.organization_code = $1 AND mine.status = 'active'
     ORDER BY mine.dataset_iri, other.organization_code`,
    [organizationCode],
  );
  return rows.map((r) => ({
    iri: r.iri,
    organizationCode: r.code,
    organizationName: r.name,
    sourceId: String(r.source_id),
  }));
}

/** What an organization is told about an IRI it shares with another's catalog. */
export function sharedIriNote(iri: string, otherCode: string, otherName: string): LocalizedText {
  return {
    sv: `Datamängden ${iri} beskrivs också i katalogen som skördas från ${otherName} (${otherCode}). Båda beskrivningarna finns i den nationella katalogen, var och en under sin egen organisations adress med ${iri} som adms:identifier. Ge datamängden en egen adress i er katalog om den inte är samma datamängd.`,
    en: `The dataset ${iri} is also described in the catalog harvested from ${otherName} (${otherCode}). Both descriptions are in the national catalog, each under its own organization's address with ${iri} as adms:identifier. Give the dataset an address of your own in your catalog if it is not the same dataset.`,
  };
}
