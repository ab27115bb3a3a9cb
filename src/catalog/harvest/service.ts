// Harvest sources: an organization's own DCAT-AP-SE catalog URL, run on a schedule and on demand.
// A run fetches (SSRF-safe, capped, timed), parses, normalises and validates entirely outside any
// transaction; only a document that was read in full changes anything, in one transaction. A
// failing source records why and keeps every dataset it brought before.
import { Readable } from "node:stream";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { createHash, randomUUID } from "node:crypto";
import { recordAudit, type AuditContext } from "../../accounts/index.ts";
import { AppError, notFound, type LocalizedText } from "../../core/index.ts";
import type { Database, Queryable } from "../../db/index.ts";
import { fetchUrl, isFetchError, readBody, type FetchOptions } from "../../net/index.ts";
import type { RegistryService } from "../../registry/index.ts";
import { validateNodes, type ShaclViolation } from "../shacl.ts";
import { PUBLISHER_TYPES } from "../vocabulary.ts";
import { HarvestError } from "./errors.ts";
import type { HarvestOrganization, NormalisedDataset } from "./normalise.ts";
import { readDocument } from "./read.ts";
import { sharedDatasetIris, sharedIriNote, type StoredViolation } from "./store.ts";

/** Bumped when normalisation changes, so unchanged documents are read again under the new rules. */
const NORMALISATION_VERSION = "2";

export const DEFAULT_HARVEST_INTERVAL_MINUTES = 24 * 60;
export const MIN_HARVEST_INTERVAL_MINUTES = 5;
/** A run holds its source this long; longer than a fetch may take, short enough for a dead runner. */
const LEASE_MINUTES = 15;

export interface HarvestSettings {
  readonly allowedPrivateHosts?: readonly string[];
  /** Largest catalog document, in bytes (50 MB). */
  readonly maxBytes?: number;
  /** The whole fetch, body included (2 minutes). */
  readonly timeoutMs?: number;
  /** Longest pause while connecting or between chunks (15 s): a trickling server is cut off. */
  readonly idleTimeoutMs?: number;
  /** Most triples one document may hold (1,000,000). */
  readonly maxTriples?: number;
  /** Tests only: replaces DNS. */
  readonly resolve?: FetchOptions["resolve"];
}

export const HARVEST_DEFAULTS = {
  maxBytes: 50 * 1024 * 1024,
  timeoutMs: 120_000,
  idleTimeoutMs: 15_000,
  maxTriples: 1_000_000,
} as const;

export type HarvestStatus = "new" | "running" | "harvested" | "unchanged" | "failed";

export interface HarvestCounts {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly tombstoned: number;
  readonly rejected: number;
}

export interface HarvestSource {
  readonly id: string;
  readonly organizationCode: string;
  readonly url: string;
  readonly intervalMinutes: number;
  readonly enabled: boolean;
  readonly status: HarvestStatus;
  readonly counts: HarvestCounts;
  readonly error: (LocalizedText & { readonly kind?: string }) | null;
  readonly notes: readonly LocalizedText[];
  readonly contentSha256: string | null;
  readonly nextRunAt: Date | null;
  readonly lastStartedAt: Date | null;
  readonly lastFinishedAt: Date | null;
  readonly lastSuccessAt: Date | null;
  /** Active datasets from this source, and how many of them are in the export. */
  readonly datasets: { readonly active: number; readonly exported: number };
  readonly createdAt: Date;
}

/** What one run came to. */
export interface HarvestRun {
  readonly sourceId: string;
  readonly organizationCode: string;
  readonly url: string;
  readonly status: "harvested" | "unchanged" | "failed";
  readonly counts: HarvestCounts;
  readonly error: (LocalizedText & { readonly kind: string }) | null;
  readonly notes: readonly LocalizedText[];
  readonly durationMs: number;
}

const ZERO: HarvestCounts = { added: 0, updated: 0, unchanged: 0, tombstoned: 0, rejected: 0 };

interface SourceRow {
  id: string | number;
  organization_code: string;
  url: string;
  interval_minutes: number;
  enabled: boolean;
  status: HarvestStatus;
  datasets_added: number;
  datasets_updated: number;
  datasets_unchanged: number;
  datasets_tombstoned: number;
  datasets_rejected: number;
  last_error: (LocalizedText & { kind?: string }) | null;
  last_notes: LocalizedText[] | null;
  content_sha256: string | null;
  fetch_etag: string | null;
  fetch_last_modified: string | null;
  next_run_at: Date | null;
  last_started_at: Date | null;
  last_finished_at: Date | null;
  last_success_at: Date | null;
  created_at: Date;
  active?: number;
  exported?: number;
}

function toSource(row: SourceRow): HarvestSource {
  return {
    id: String(row.id),
    organizationCode: row.organization_code,
    url: row.url,
    intervalMinutes: row.interval_minutes,
    enabled: row.enabled,
    status: row.status,
    counts: {
      added: row.datasets_added,
      updated: row.datasets_updated,
      unchanged: row.datasets_unchanged,
      tombstoned: row.datasets_tombstoned,
      rejected: row.datasets_rejected,
    },
    error: row.last_error,
    notes: row.last_notes ?? [],
    contentSha256: row.content_sha256,
    nextRunAt: row.next_run_at,
    lastStartedAt: row.last_started_at,
    lastFinishedAt: row.last_finished_at,
    lastSuccessAt: row.last_success_at,
    datasets: { active: row.active ?? 0, exported: row.exported ?? 0 },
    createdAt: row.created_at,
  };
}

/** Remote sources only: the guided form's source is not fetched, listed or run by hand. */
const SOURCE_SELECT = `SELECT s.*,
  (SELECT count(*)::int FROM harvested_datasets d WHERE d.source_id = s.id AND d.status = 'active') AS active,
  (SELECT count(*)::int FROM harvested_datasets d WHERE d.source_id = s.id AND d.status = 'active' AND d.valid) AS exported
  FROM harvest_sources s WHERE s.kind = 'remote'`;

/** A catalog URL as publishers type it: http(s) only, no credentials. */
export function parseHarvestUrl(text: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text.trim());
  } catch {
    url = undefined;
  }
  if (
    url === undefined ||
    (url.protocol !== "http:" && url.protocol !== "https:") ||
    url.username !== "" ||
    url.password !== ""
  ) {
    throw new AppError(
      "BAD_REQUEST",
      {
        sv: `Väntade katalogens webbadress, som börjar med https:// eller http:// och saknar användarnamn och lösenord; fick "${text.slice(0, 200)}".`,
        en: `Expected the catalog's web address, starting with https:// or http:// and without user name or password; found "${text.slice(0, 200)}".`,
      },
      { details: { field: "url" } },
    );
  }
  return url;
}

const ACCEPT =
  "text/turtle, application/rdf+xml;q=0.9, application/ld+json;q=0.8, application/n-triples;q=0.7, */*;q=0.1";

interface ExistingRow {
  id: string | number;
  source_id: string | number;
  dataset_iri: string;
  identifier: string | null;
  content_sha256: string;
  status: "active" | "tombstoned";
  valid: boolean;
}

export class HarvestService {
  private readonly settings: Required<Omit<HarvestSettings, "resolve" | "allowedPrivateHosts">> &
    Pick<HarvestSettings, "resolve" | "allowedPrivateHosts">;

  constructor(
    private readonly db: Database,
    private readonly registry: RegistryService,
    settings: HarvestSettings = {},
  ) {
    this.settings = {
      maxBytes: settings.maxBytes ?? HARVEST_DEFAULTS.maxBytes,
      timeoutMs: settings.timeoutMs ?? HARVEST_DEFAULTS.timeoutMs,
      idleTimeoutMs: settings.idleTimeoutMs ?? HARVEST_DEFAULTS.idleTimeoutMs,
      maxTriples: settings.maxTriples ?? HARVEST_DEFAULTS.maxTriples,
      resolve: settings.resolve,
      allowedPrivateHosts: settings.allowedPrivateHosts,
    };
  }

  /** Registers the organization's catalog URL, or finds it registered; due at once. */
  async registerSource(
    organizationCode: string,
    input: { readonly url: string; readonly intervalMinutes?: number | undefined },
    audit: AuditContext,
  ): Promise<{ source: HarvestSource; created: boolean }> {
    await this.registry.getOrganization(organizationCode);
    const url = parseHarvestUrl(input.url);
    const interval = input.intervalMinutes;
    if (interval !== undefined && (!Number.isInteger(interval) || interval < MIN_HARVEST_INTERVAL_MINUTES)) {
      throw new AppError(
        "BAD_REQUEST",
        {
          sv: `Skördeintervallet ska vara ett helt antal minuter, minst ${MIN_HARVEST_INTERVAL_MINUTES}; fick ${interval}.`,
          en: `The harvest interval must be a whole number of minutes, at least ${MIN_HARVEST_INTERVAL_MINUTES}; got ${interval}.`,
        },
        { details: { field: "intervalMinutes" } },
      );
    }
    const { id, created } = await this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string | number; created: boolean }>(
        `INSERT INTO harvest_sources (organization_code, url, interval_minutes, next_run_at, created_by)
         VALUES ($1, $2, $3, now(), $4)
         ON CONFLICT (organization_code, url) DO UPDATE SET enabled = true,
           interval_minutes = coalesce($5, harvest_sources.interval_minutes), updated_at = now()
         RETURNING id, (xmax = 0) AS created`,
        [
          organizationCode,
          url.href,
          interval ?? DEFAULT_HARVEST_INTERVAL_MINUTES,
          audit.actor,
          interval ?? null,
        ],
      );
      if (row === undefined) throw new Error("harvest source upsert returned no row");
      if (row.created)
        await recordAudit(tx, {
          ...audit,
          action: "harvest.source.register",
          object: `${organizationCode}/harvest/${row.id}`,
          details: { url: url.href, intervalMinutes: interval ?? DEFAULT_HARVEST_INTERVAL_MINUTES },
        });
      return { id: String(row.id), created: row.created };
    });
    return { source: await this.getSource(organizationCode, id), created };
  }

  /**
   * Registers (or reuses) the source and harvests it at once: what the API and the CLI do. A URL
   * the platform may not fetch (an address inside the network, also after a redirect) is refused
   * and a source registered just now is not kept.
   */
  async registerAndRun(
    organizationCode: string,
    input: { readonly url: string; readonly intervalMinutes?: number | undefined },
    audit: AuditContext,
  ): Promise<{ source: HarvestSource; created: boolean; run: HarvestRun }> {
    const { source, created } = await this.registerSource(organizationCode, input, audit);
    const run = await this.runSource(organizationCode, source.id, audit);
    if (run.error !== null && (run.error.kind === "forbidden-address" || run.error.kind === "bad-url")) {
      if (created) await this.db.query("DELETE FROM harvest_sources WHERE id = $1", [source.id]);
      throw new AppError(
        "BAD_REQUEST",
        { sv: run.error.sv, en: run.error.en },
        {
          details: { field: "url", url: source.url, kind: run.error.kind },
        },
      );
    }
    return { source: await this.getSource(organizationCode, source.id), created, run };
  }

  async listSources(organizationCode: string): Promise<HarvestSource[]> {
    await this.registry.getOrganization(organizationCode);
    const rows = await this.db.query<SourceRow>(
      `${SOURCE_SELECT} AND s.organization_code = $1 ORDER BY s.id`,
      [organizationCode],
    );
    return rows.map(toSource);
  }

  async getSource(organizationCode: string, id: string): Promise<HarvestSource> {
    const rows = /^\d{1,18}$/.test(id)
      ? await this.db.query<SourceRow>(`${SOURCE_SELECT} AND s.organization_code = $1 AND s.id = $2`, [
          organizationCode,
          id,
        ])
      : [];
    const row = rows[0];
    if (row === undefined)
      throw notFound(
        {
          sv: `${organizationCode} har ingen skördekälla ${id}.`,
          en: `${organizationCode} has no harvest source ${id}.`,
        },
        { organization: organizationCode, id },
      );
    return toSource(row);
  }

  /** Runs one source now (on demand): 409 if a run holds it. */
  async runSource(organizationCode: string, id: string, audit: AuditContext): Promise<HarvestRun> {
    await this.getSource(organizationCode, id);
    const run = await this.run(id, audit);
    if (run === undefined)
      throw new AppError(
        "CONFLICT",
        {
          sv: `Skördekällan ${id} skördas redan just nu. Vänta tills den körningen är klar.`,
          en: `The harvest source ${id} is being harvested right now. Wait for that run to finish.`,
        },
        { details: { id } },
      );
    return run;
  }

  /**
   * Claims the sources that are due (their next run is pushed ahead, so another instance skips
   * them; SKIP LOCKED keeps two workers from waiting on each other) and runs them, a few at once.
   */
  async runDueSources(limit = 5, concurrency = 2): Promise<HarvestRun[]> {
    const due = await this.db.query<{ id: string | number }>(
      `UPDATE harvest_sources s SET next_run_at = now() + make_interval(mins => ${LEASE_MINUTES})
       FROM (
         SELECT id FROM harvest_sources WHERE enabled AND kind = 'remote' AND next_run_at <= now()
         ORDER BY next_run_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ) due
       WHERE s.id = due.id RETURNING s.id`,
      [limit],
    );
    const ids = due.map((r) => String(r.id));
    const runs: HarvestRun[] = [];
    const worker = async () => {
      for (let id = ids.shift(); id !== undefined; id = ids.shift()) {
        const run = await this.run(id, { actor: "system:scheduler", fromAddress: null });
        if (run !== undefined) runs.push(run);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
    return runs;
  }

  /**
   * The datasets the organization describes in the guided form, as one DCAT-AP-SE document
   * (Turtle), through the same normalisation, checks and storage as a harvested catalog: its own
   * source of kind 'form', never fetched. Null when none is left: they all become tombstones.
   */
  async ingestDescribed(
    organizationCode: string,
    turtle: string | null,
    audit: AuditContext,
  ): Promise<HarvestRun> {
    await this.registry.getOrganization(organizationCode);
    const url = `urn:x-dataverkstad:described:${organizationCode}`;
    const [source] = await this.db.query<{ id: string | number }>(
      `INSERT INTO harvest_sources (organization_code, kind, url, created_by) VALUES ($1, 'form', $2, $3)
       ON CONFLICT (organization_code, url) DO UPDATE SET updated_at = now() RETURNING id`,
      [organizationCode, url, audit.actor],
    );
    if (source === undefined) throw new Error("form source upsert returned no row");
    const id = String(source.id);
    if (turtle === null) {
      const gone = await this.db.query(
        `UPDATE harvested_datasets SET status = 'tombstoned', tombstoned_at = now(), updated_at = now()
         WHERE source_id = $1 AND status = 'active' RETURNING id`,
        [id],
      );
      return {
        sourceId: id,
        organizationCode,
        url,
        status: "harvested",
        counts: { ...ZERO, tombstoned: gone.length },
        error: null,
        notes: [],
        durationMs: 0,
      };
    }
    const run = await this.run(id, audit, turtle);
    if (run === undefined)
      throw new AppError("CONFLICT", {
        sv: "Organisationens beskrivna datamängder sparas just nu av någon annan. Försök igen om en stund.",
        en: "The organization's described datasets are being saved by someone else right now. Try again shortly.",
      });
    return run;
  }

  /** One run under the source's lease; undefined when another run holds it. */
  private async run(id: string, audit: AuditContext, given?: string): Promise<HarvestRun | undefined> {
    const started = Date.now();
    const token = randomUUID();
    const [source] = await this.db.query<SourceRow>(
      `UPDATE harvest_sources SET lease_token = $2, lease_until = now() + make_interval(mins => ${LEASE_MINUTES}),
         status = 'running', last_started_at = now(), updated_at = now()
       WHERE id = $1 AND (lease_until IS NULL OR lease_until < now()) RETURNING *`,
      [id, token],
    );
    if (source === undefined) return undefined;
    const base = { sourceId: id, organizationCode: source.organization_code, url: source.url };
    try {
      const outcome = await this.harvest(source, audit, given);
      return { ...base, ...outcome, error: null, durationMs: Date.now() - started };
    } catch (error) {
      const text = isFetchError(error)
        ? { ...error.text, kind: error.kind }
        : error instanceof HarvestError
          ? { ...error.text, kind: error.failure.kind }
          : error instanceof AppError
            ? { ...error.text, kind: error.code }
            : undefined;
      await this.db.query(
        `UPDATE harvest_sources SET status = 'failed', last_error = $2::jsonb, last_notes = NULL,
           last_finished_at = now(), next_run_at = now() + make_interval(mins => interval_minutes),
           datasets_added = 0, datasets_updated = 0, datasets_unchanged = 0, datasets_tombstoned = 0, datasets_rejected = 0,
           lease_token = NULL, lease_until = NULL, updated_at = now()
         WHERE id = $1 AND lease_token = $3`,
        [
          id,
          JSON.stringify(
            text ?? {
              sv: "Skördningen avbröts av ett internt fel. Inget ändrades; den körs igen vid nästa tillfälle.",
              en: "The harvest was stopped by an internal error. Nothing changed; it runs again next time.",
              kind: "internal",
            },
          ),
          token,
        ],
      );
      if (text === undefined) throw error;
      return {
        ...base,
        status: "failed",
        counts: ZERO,
        error: text,
        notes: [],
        durationMs: Date.now() - started,
      };
    }
  }

  private async harvest(
    source: SourceRow,
    audit: AuditContext,
    given?: string,
  ): Promise<{ status: "harvested" | "unchanged"; counts: HarvestCounts; notes: LocalizedText[] }> {
    const id = String(source.id);
    const s = this.settings;
    // A form source's document is given; a remote one is fetched.
    const fetched =
      given !== undefined
        ? {
            kind: "ok" as const,
            finalUrl: source.url,
            contentType: "text/turtle",
            etag: undefined,
            lastModified: undefined,
            body: givenBody(given),
          }
        : await fetchUrl(source.url, {
            ...(s.allowedPrivateHosts === undefined ? {} : { allowedPrivateHosts: s.allowedPrivateHosts }),
            ...(s.resolve === undefined ? {} : { resolve: s.resolve }),
            maxBytes: s.maxBytes,
            timeoutMs: s.timeoutMs,
            idleTimeoutMs: s.idleTimeoutMs,
            accept: ACCEPT,
            // Validators are only sent when the last good document is known; a failed one is fetched again.
            ...(source.content_sha256 !== null && source.fetch_etag !== null
              ? { etag: source.fetch_etag }
              : {}),
            ...(source.content_sha256 !== null && source.fetch_last_modified !== null
              ? { lastModified: source.fetch_last_modified }
              : {}),
          });
    if (fetched.kind === "not-modified")
      return this.unchanged(source, fetched.etag ?? null, fetched.lastModified ?? null);
    const bytes = await readBody(fetched.body);
    const documentHash = await hashInSlices(`${NORMALISATION_VERSION}\n`, bytes);
    if (documentHash === source.content_sha256)
      return this.unchanged(source, fetched.etag ?? null, fetched.lastModified ?? null);

    // Large documents are parsed and normalised in a worker thread (read.ts).
    const organization = await this.organization(source.organization_code);
    const document = await readDocument(bytes, {
      baseIri: fetched.finalUrl,
      contentType: fetched.contentType,
      maxTriples: s.maxTriples,
      organization,
    });
    if (document.datasets.length === 0) throw new HarvestError({ kind: "no-datasets" });

    // Match against what the organization already has: by IRI, else by dct:identifier.
    const existing = await this.db.query<ExistingRow>(
      `SELECT id, source_id, dataset_iri, identifier, content_sha256, status, valid
       FROM harvested_datasets WHERE organization_code = $1`,
      [source.organization_code],
    );
    const byIri = new Map(existing.map((r) => [r.dataset_iri, r]));
    const byIdentifier = new Map<string, ExistingRow>();
    for (const r of existing)
      if (r.identifier !== null && (r.status === "active" || !byIdentifier.has(r.identifier)))
        byIdentifier.set(r.identifier, r);
    const notes: LocalizedText[] = document.duplicates.map((d) => ({
      sv: `${d.iri} har samma dct:identifier (${d.identifier}) som ${d.keptIri} och slogs ihop med den.`,
      en: `${d.iri} has the same dct:identifier (${d.identifier}) as ${d.keptIri} and was merged with it.`,
    }));
    interface Planned {
      readonly dataset: NormalisedDataset;
      readonly row: ExistingRow | undefined;
      readonly action: "insert" | "update" | "revive" | "unchanged";
    }
    const planned: Planned[] = [];
    const used = new Set<string>();
    for (const dataset of document.datasets) {
      const match =
        byIri.get(dataset.iri) ??
        (dataset.identifier === null ? undefined : byIdentifier.get(dataset.identifier));
      const row = match !== undefined && !used.has(String(match.id)) ? match : undefined;
      if (row !== undefined && String(row.source_id) !== id && row.status === "active") {
        notes.push({
          sv: `${dataset.iri} finns redan från en annan skördekälla (${row.source_id}) för organisationen och slogs ihop med den.`,
          en: `${dataset.iri} already comes from another harvest source (${row.source_id}) of the organization and was merged with it.`,
        });
        continue;
      }
      if (row !== undefined) used.add(String(row.id));
      const action =
        row === undefined
          ? "insert"
          : row.status === "tombstoned"
            ? "revive"
            : row.content_sha256 === dataset.hash &&
                row.dataset_iri === dataset.iri &&
                String(row.source_id) === id
              ? "unchanged"
              : "update";
      planned.push({ dataset, row, action });
    }

    // SHACL for what changed, as one graph, off any transaction; unchanged rows keep their verdict.
    const changed = planned.filter((p) => p.action !== "unchanged").map((p) => p.dataset);
    const verdicts = await validateDatasets(changed);

    const counts = { added: 0, updated: 0, unchanged: 0, tombstoned: 0, rejected: 0 };
    await this.db.transaction(async (tx) => {
      const unchangedIds: string[] = [];
      const seenIds: string[] = [];
      // On PGlite a query runs on this thread and an await of one never lets timers or sockets in:
      // a turn of the loop now and then keeps a large harvest from holding the server.
      let slice = performance.now();
      for (const { dataset, row, action } of planned) {
        if (performance.now() - slice > 20) {
          await yieldToLoop();
          slice = performance.now();
        }
        if (action === "unchanged" && row !== undefined) {
          unchangedIds.push(String(row.id));
          seenIds.push(String(row.id));
          counts.unchanged++;
          if (!row.valid) counts.rejected++;
          continue;
        }
        const violations = verdicts.get(dataset.iri) ?? [];
        if (violations.length > 0) counts.rejected++;
        const values = [
          id,
          source.organization_code,
          dataset.iri,
          dataset.identifier,
          dataset.hash,
          JSON.stringify(dataset.graph),
          JSON.stringify(dataset.fields.title),
          JSON.stringify(dataset.fields.description),
          JSON.stringify(dataset.fields.keywords),
          dataset.fields.themes,
          dataset.fields.formats,
          dataset.fields.licences,
          violations.length === 0,
          JSON.stringify(violations),
          JSON.stringify(dataset.notes),
        ];
        if (row === undefined) {
          const [inserted] = await tx.query<{ id: string | number }>(
            `INSERT INTO harvested_datasets (source_id, organization_code, dataset_iri, identifier, content_sha256, graph,
               title, summary, keywords, themes, formats, licences, valid, violations, normalisation)
             VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9::jsonb, $10, $11, $12, $13, $14::jsonb, $15::jsonb)
             RETURNING id`,
            values,
          );
          if (inserted !== undefined) seenIds.push(String(inserted.id));
          counts.added++;
        } else {
          await tx.query(
            `UPDATE harvested_datasets SET source_id = $1, organization_code = $2, dataset_iri = $3, identifier = $4,
               content_sha256 = $5, graph = $6::jsonb, title = $7::jsonb, summary = $8::jsonb, keywords = $9::jsonb,
               themes = $10, formats = $11, licences = $12, valid = $13, violations = $14::jsonb, normalisation = $15::jsonb,
               status = 'active', tombstoned_at = NULL, last_seen_at = now(), updated_at = now()
             WHERE id = $16`,
            [...values, String(row.id)],
          );
          seenIds.push(String(row.id));
          if (action === "revive") counts.added++;
          else counts.updated++;
        }
      }
      if (unchangedIds.length > 0)
        await tx.query("UPDATE harvested_datasets SET last_seen_at = now() WHERE id = ANY($1::bigint[])", [
          unchangedIds,
        ]);
      // Missing from a successful harvest: kept as a tombstone, out of the export, free to come back.
      const tombstoned = await tx.query<{ id: string | number }>(
        `UPDATE harvested_datasets SET status = 'tombstoned', tombstoned_at = now(), updated_at = now()
         WHERE source_id = $1 AND status = 'active' AND NOT (id = ANY($2::bigint[])) RETURNING id`,
        [id, seenIds],
      );
      counts.tombstoned = tombstoned.length;
      // The same dataset IRI in another organization's catalog: both are exported (each under its
      // organization's IRI), and both organizations are told, here and on the other's source.
      for (const shared of await sharedDatasetIris(tx, source.organization_code)) {
        notes.push(sharedIriNote(shared.iri, shared.organizationCode, shared.organizationName));
        const mirror = JSON.stringify([sharedIriNote(shared.iri, organization.code, organization.name)]);
        await tx.query(
          `UPDATE harvest_sources SET last_notes = coalesce(last_notes, '[]'::jsonb) || $2::jsonb
           WHERE id = $1 AND NOT coalesce(last_notes, '[]'::jsonb) @> $2::jsonb`,
          [shared.sourceId, mirror],
        );
      }
      await tx.query(
        `UPDATE harvest_sources SET status = 'harvested', last_error = NULL, last_notes = $2::jsonb,
           content_sha256 = $3, fetch_etag = $4, fetch_last_modified = $5,
           datasets_added = $6, datasets_updated = $7, datasets_unchanged = $8, datasets_tombstoned = $9,
           datasets_rejected = $10, last_finished_at = now(), last_success_at = now(),
           next_run_at = now() + make_interval(mins => interval_minutes), lease_token = NULL, lease_until = NULL,
           updated_at = now()
         WHERE id = $1`,
        [
          id,
          notes.length === 0 ? null : JSON.stringify(notes),
          documentHash,
          fetched.etag ?? null,
          fetched.lastModified ?? null,
          counts.added,
          counts.updated,
          counts.unchanged,
          counts.tombstoned,
          counts.rejected,
        ],
      );
      await recordAudit(tx, {
        ...audit,
        action: "harvest.run",
        object: `${source.organization_code}/harvest/${id}`,
        details: { ...counts, documentSha256: documentHash },
      });
    });
    return { status: "harvested", counts, notes };
  }

  /** The same document as last time: nothing is parsed or rewritten. */
  private async unchanged(
    source: SourceRow,
    etag: string | null,
    lastModified: string | null,
  ): Promise<{ status: "unchanged"; counts: HarvestCounts; notes: LocalizedText[] }> {
    const [row] = await this.db.query<{ active: number; rejected: number }>(
      `SELECT count(*)::int AS active, count(*) FILTER (WHERE NOT valid)::int AS rejected
       FROM harvested_datasets WHERE source_id = $1 AND status = 'active'`,
      [source.id],
    );
    const counts = { ...ZERO, unchanged: row?.active ?? 0, rejected: row?.rejected ?? 0 };
    await this.db.query(
      `UPDATE harvest_sources SET status = 'unchanged', last_error = NULL, fetch_etag = $2, fetch_last_modified = $3,
         datasets_added = 0, datasets_updated = 0, datasets_unchanged = $4, datasets_tombstoned = 0, datasets_rejected = $5,
         last_finished_at = now(), last_success_at = now(), next_run_at = now() + make_interval(mins => interval_minutes),
         lease_token = NULL, lease_until = NULL, updated_at = now()
       WHERE id = $1`,
      [source.id, etag, lastModified, counts.unchanged, counts.rejected],
    );
    return { status: "unchanged", counts, notes: source.last_notes ?? [] };
  }

  private async organization(code: string): Promise<HarvestOrganization> {
    const org = await this.registry.getOrganization(code);
    return {
      code: org.code,
      name: org.name,
      publisherType: org.types.includes("kommun")
        ? PUBLISHER_TYPES.LocalAuthority
        : PUBLISHER_TYPES.RegionalAuthority,
      organizationNumber: org.organizationNumber,
    };
  }
}

/**
 * SHACL over the datasets' descriptions as one graph (one validator run per source, not per
 * dataset); each violation is charged to every dataset whose description holds its focus node,
 * so a dataset is only exported when its whole description passes.
 */
async function validateDatasets(
  datasets: readonly NormalisedDataset[],
): Promise<Map<string, StoredViolation[]>> {
  const verdicts = new Map<string, StoredViolation[]>();
  if (datasets.length === 0) return verdicts;
  const holders = new Map<string, string[]>();
  const nodes = [];
  for (const dataset of datasets) {
    for (const node of [...dataset.graph.own, ...dataset.graph.shared]) {
      nodes.push(node);
      const list = holders.get(node.id);
      if (list === undefined) holders.set(node.id, [dataset.iri]);
      else if (!list.includes(dataset.iri)) list.push(dataset.iri);
    }
  }
  const violations: ShaclViolation[] = await validateNodes(nodes);
  for (const v of violations) {
    if (v.severity !== "violation") continue;
    for (const iri of holders.get(v.focusNode) ?? []) {
      const list = verdicts.get(iri) ?? [];
      list.push({ focusNode: v.focusNode, path: v.path, constraint: v.constraint, message: v.message });
      verdicts.set(iri, list);
    }
  }
  return verdicts;
}

/** sha256 of the prefix and the bytes, a megabyte per turn of the loop: a large document never stalls it. */
async function hashInSlices(prefix: string, bytes: Uint8Array): Promise<string> {
  const hash = createHash("sha256").update(prefix);
  const slice = 1024 * 1024;
  for (let at = 0; at < bytes.byteLength; at += slice) {
    hash.update(bytes.subarray(at, at + slice));
    if (at + slice < bytes.byteLength) await yieldToLoop();
  }
  return hash.digest("hex");
}

/** For tests and tools: the organization's harvested rows, tombstones included. */
export async function harvestedRows(
  db: Queryable,
  organizationCode: string,
): Promise<{ iri: string; status: string; valid: boolean; sourceId: string }[]> {
  const rows = await db.query<{
    dataset_iri: string;
    status: string;
    valid: boolean;
    source_id: string | number;
  }>(
    "SELECT dataset_iri, status, valid, source_id FROM harvested_datasets WHERE organization_code = $1 ORDER BY dataset_iri",
    [organizationCode],
  );
  return rows.map((r) => ({
    iri: r.dataset_iri,
    status: r.status,
    valid: r.valid,
    sourceId: String(r.source_id),
  }));
}

/** A given document as a body to read, like a fetched one. */
function givenBody(text: string): AsyncIterable<Uint8Array> {
  return Readable.from([Buffer.from(text, "utf8")]);
}
