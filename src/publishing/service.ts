import { randomUUID } from "node:crypto";
import { recordAudit, type AuditContext } from "../accounts/index.ts";
import { deleteInChunks, replaceOrganizationRows } from "../consolidation/index.ts";
import { AppError, notFound } from "../core/index.ts";
import type { Database, Queryable } from "../db/index.ts";
import type { FileStore } from "../files/index.ts";
import type { Organization, RegistryService } from "../registry/index.ts";
import type { SpecsService } from "../specs/index.ts";
import {
  readRecords,
  RowSet,
  type TableFormat,
  type ValidationReport,
  type ValidationService,
} from "../validation/index.ts";
import {
  claimDueFetches,
  FetchSlots,
  getFetchJob,
  runFetchJob,
  startFetchJob,
  type FetchJob,
  type FetchTrigger,
} from "./fetch-jobs.ts";
import {
  DEFAULT_FETCH_INTERVAL_MINUTES,
  fetchAndPublish,
  MIN_FETCH_INTERVAL_MINUTES,
  parseSourceUrl,
  removeUrlSource,
  saveUrlSource,
  type FetchOutcome,
  type SourceFetchSettings,
} from "./sources.ts";
import { stageRecords, type Placement } from "./staging.ts";
import type { Publication, PublishRequest, Release, ReleaseStatus } from "./types.ts";

/**
 * How long a publish holds its publication without renewing: short, so that the lease of an
 * instance that died mid-publish runs out soon; a running publish renews it well before.
 */
const LEASE_SECONDS = 120;
const LEASE_RENEW_MS = 30_000;

/**
 * On PGlite, which executes on the thread that serves HTTP, a release is staged and swapped in
 * chunks this size, yielding between them, so no statement holds the thread for long.
 */
const PGLITE_CHUNK_ROWS = 200;

/** Sources fetched at once by one process, unless SourceFetchSettings.concurrency says otherwise. */
const DEFAULT_FETCH_CONCURRENCY = 4;
/** How long "set the source" waits at most for the source to answer, so that a refused address is a 400. */
const FIRST_ANSWER_WAIT_MS = 2000;

/** A fetch that has started (or was already running): the job, and, when started here, its end. */
export interface StartedFetch {
  readonly job: FetchJob;
  /** False when the source was already being fetched: `job` is that fetch. */
  readonly started: boolean;
  /** What the fetch came to, when it runs in this process. */
  readonly done: Promise<FetchOutcome> | undefined;
}

/** Problems with the file as a whole: no row can be trusted, so not even the valid rows are published. */
const FILE_LEVEL_ERRORS: ReadonlySet<string> = new Set([
  "source-error",
  "blank-header",
  "duplicate-header",
  "missing-header",
  "incorrect-header",
]);

interface ReleaseRow {
  id: string;
  organization_code: string;
  spec_slug: string;
  spec_version: string;
  status: ReleaseStatus;
  origin: Release["origin"];
  file_sha256: string;
  file_bytes: string | number;
  file_name: string | null;
  format: TableFormat;
  rows_total: number;
  rows_published: number;
  rows_added: number | null;
  rows_changed: number | null;
  rows_removed: number | null;
  created_at: Date;
  created_by: string;
  demo: boolean;
  errors: number;
  warnings: number;
}

const RELEASE_COLUMNS = `r.id, r.organization_code, r.spec_slug, r.spec_version, r.status, r.origin, r.file_sha256,
  r.file_bytes, r.file_name, r.format, r.rows_total, r.rows_published, r.rows_added, r.rows_changed,
  r.rows_removed, r.created_at, r.created_by, r.demo,
  (r.report->'stats'->>'errors')::int AS errors, (r.report->'stats'->>'warnings')::int AS warnings`;

function toRelease(row: ReleaseRow): Release {
  return {
    id: row.id,
    organizationCode: row.organization_code,
    slug: row.spec_slug,
    specVersion: row.spec_version,
    status: row.status,
    origin: row.origin,
    file: { sha256: row.file_sha256, bytes: Number(row.file_bytes), name: row.file_name, format: row.format },
    rows: { total: row.rows_total, published: row.rows_published },
    changes:
      row.rows_added === null
        ? null
        : { added: row.rows_added, changed: row.rows_changed ?? 0, removed: row.rows_removed ?? 0 },
    createdAt: row.created_at,
    createdBy: row.created_by,
    demo: row.demo,
    errors: row.errors,
    warnings: row.warnings,
  };
}

interface PublicationRow {
  organization_code: string;
  spec_slug: string;
  source_kind: "upload" | "url";
  source_url: string | null;
  fetch_interval_minutes: number | null;
  next_fetch_at: Date | null;
  last_fetch_at: Date | null;
  last_fetch_error: { sv: string; en: string } | null;
  current_release_id: string | null;
  latest_release_id: string | null;
  demo: boolean;
  updated_at: Date;
}

export interface PublicationFilter {
  readonly organizationCode?: string;
  readonly slug?: string;
}

/**
 * Publishing: a file becomes an immutable release (the original by sha256, its report, its
 * counts); a valid one (or its valid rows, when the publisher asks) replaces the organization's
 * rows in the national dataset. A rejected file never replaces the current release.
 */
export class PublishingService {
  constructor(
    private readonly db: Database,
    private readonly registry: RegistryService,
    private readonly specs: SpecsService,
    private readonly validation: ValidationService,
    private readonly files: FileStore,
    private readonly fetchSettings: SourceFetchSettings = {},
  ) {
    this.slots = new FetchSlots(fetchSettings.concurrency ?? DEFAULT_FETCH_CONCURRENCY);
  }

  private readonly slots: FetchSlots;

  /**
   * Makes a URL the publication's source and starts fetching it. A URL the platform may not fetch
   * (not http(s), or an address inside the network, also after a redirect) is refused and not
   * kept: this waits briefly for the source's first answer to say so at once; a refusal found later
   * fails the job and removes the source all the same.
   */
  async setUrlSource(
    organizationCode: string,
    slug: string,
    source: { readonly url: string; readonly intervalMinutes?: number | undefined },
    audit: AuditContext,
  ): Promise<StartedFetch> {
    await Promise.all([this.registry.getOrganization(organizationCode), this.specs.getSpecification(slug)]);
    const url = parseSourceUrl(source.url);
    const intervalMinutes = source.intervalMinutes ?? DEFAULT_FETCH_INTERVAL_MINUTES;
    if (!Number.isInteger(intervalMinutes) || intervalMinutes < MIN_FETCH_INTERVAL_MINUTES) {
      throw new AppError(
        "BAD_REQUEST",
        {
          sv: `Hämtintervallet ska vara ett helt antal minuter, minst ${MIN_FETCH_INTERVAL_MINUTES}; fick ${intervalMinutes}.`,
          en: `The fetch interval must be a whole number of minutes, at least ${MIN_FETCH_INTERVAL_MINUTES}; got ${intervalMinutes}.`,
        },
        { details: { field: "intervalMinutes" } },
      );
    }
    const target = { organizationCode, slug };
    await saveUrlSource(this.db, target, { url, intervalMinutes }, audit);
    let answer: () => void = () => undefined;
    const firstAnswer = new Promise<undefined>((resolve) => {
      answer = () => resolve(undefined);
    });
    const fetch = await this.startFetch(organizationCode, slug, audit, "source-set", () => answer());
    if (fetch.done === undefined) return fetch;
    const refusal = fetch.done
      .then(async (outcome) => {
        if (outcome.kind !== "failed" || !outcome.refused) return undefined;
        await removeUrlSource(this.db, target, audit);
        return outcome;
      })
      .catch((error: unknown) => {
        this.fetchSettings.onUnexpectedError?.(error, { organizationCode, slug });
        return undefined;
      });
    const early = await Promise.race([
      refusal,
      firstAnswer,
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), FIRST_ANSWER_WAIT_MS).unref()),
    ]);
    if (early !== undefined) {
      throw new AppError("BAD_REQUEST", early.error, { details: { field: "url", url: url.href } });
    }
    return { ...fetch, job: await getFetchJob(this.db, fetch.job.id) };
  }

  async removeUrlSource(organizationCode: string, slug: string, audit: AuditContext): Promise<void> {
    await this.getPublication(organizationCode, slug);
    await removeUrlSource(this.db, { organizationCode, slug }, audit);
  }

  /**
   * Starts fetching a URL source now, as a job, unless it is already being fetched (by the
   * schedule, another publisher, or another instance): then that fetch is the answer.
   */
  async startFetch(
    organizationCode: string,
    slug: string,
    audit: AuditContext,
    trigger: FetchTrigger = "manual",
    onAnswer?: () => void,
  ): Promise<StartedFetch> {
    const { job, started } = await startFetchJob(this.db, { organizationCode, slug }, trigger, audit.actor);
    return { job, started, done: started ? this.runFetch(job, audit, onAnswer) : undefined };
  }

  /** A fetch job, with its state, and when done the release it made or why it failed. */
  getFetch(id: string): Promise<FetchJob> {
    return getFetchJob(this.db, id);
  }

  /**
   * Starts the URL sources that are due, as many as this process has free slots for (at most
   * `limit`), without waiting for them: a slow source holds one slot, not the schedule.
   */
  async startDueFetches(limit = 5): Promise<StartedFetch[]> {
    const jobs = await claimDueFetches(this.db, Math.min(limit, this.slots.free));
    const audit = { actor: "system:scheduler", fromAddress: null };
    return jobs.map((job) => ({ job, started: true, done: this.runFetch(job, audit) }));
  }

  /** Fetches the URL sources that are due and waits for them (the CLI, tests). */
  async fetchDueSources(
    limit = 5,
  ): Promise<{ organizationCode: string; slug: string; outcome: FetchOutcome }[]> {
    const started = await this.startDueFetches(limit);
    return Promise.all(
      started.map(async ({ job, done }) => ({
        organizationCode: job.organizationCode,
        slug: job.slug,
        outcome: await (done as Promise<FetchOutcome>),
      })),
    );
  }

  /** Waits for the fetches this process has started (shutdown). */
  drainFetches(): Promise<void> {
    return this.slots.drain();
  }

  /** Runs a job in a slot of this process. Never rejects. */
  private runFetch(job: FetchJob, audit: AuditContext, onAnswer?: () => void): Promise<FetchOutcome> {
    const { organizationCode, slug } = job;
    return this.slots.run(() =>
      runFetchJob(this.db, job, this.fetchSettings, onAnswer, (settings, answered) =>
        fetchAndPublish(
          this.db,
          { organizationCode, slug },
          settings,
          (body, fileName) =>
            this.publish({ organizationCode, slug, body, fileName, mode: "all", origin: "url", audit }),
          answered,
        ),
      ),
    );
  }

  async publish(request: PublishRequest): Promise<Release> {
    const { organizationCode, slug } = request;
    const [organization, spec] = await Promise.all([
      this.registry.getOrganization(organizationCode),
      this.specs.getSpecification(slug),
    ]);
    const releaseId = randomUUID();
    await this.acquireLease(organizationCode, slug, releaseId);
    const renewal = setInterval(() => {
      this.db
        .query(
          `UPDATE publications SET lease_until = now() + make_interval(secs => $3)
           WHERE organization_code = $1 AND spec_slug = $2 AND lease_token = $4`,
          [organizationCode, slug, LEASE_SECONDS, releaseId],
        )
        .catch(() => undefined);
    }, LEASE_RENEW_MS);
    renewal.unref();
    try {
      const stored = await this.files.put(request.body);
      await this.db.query(
        "INSERT INTO stored_files (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING",
        [stored.sha256, stored.bytes],
      );
      const errorRows = new RowSet();
      const report = await this.validation.validate(this.files.read(stored.sha256), {
        slug,
        version: spec.version,
        format: request.format,
        organizationCode,
        errorRows,
      });
      const status = decide(report, request.mode);
      let rowsPublished = 0;
      if (status !== "rejected") {
        rowsPublished = await stageRecords(
          this.db,
          releaseId,
          spec.definition,
          readRecords(this.files.read(stored.sha256), spec.definition, {
            format: report.format,
            knownOrganizationCodes: await this.registry.organizationCodes(),
            ...(status === "partial" ? { skipRows: errorRows } : {}),
            ...(this.db.kind === "pglite" ? { batchSize: PGLITE_CHUNK_ROWS } : {}),
          }),
          await this.placement(organization),
        );
      }
      const demo = request.demo === true;
      return await this.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO releases (id, organization_code, spec_slug, spec_version, status, origin, file_sha256,
             file_bytes, file_name, format, report, rows_total, rows_published, created_by, demo)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15)`,
          [
            releaseId,
            organizationCode,
            slug,
            spec.version,
            status,
            request.origin,
            stored.sha256,
            stored.bytes,
            request.fileName?.slice(0, 255) ?? null,
            report.format,
            JSON.stringify(report),
            report.stats.rows,
            rowsPublished,
            request.audit.actor,
            demo,
          ],
        );
        if (status !== "rejected") {
          const changes = await replaceOrganizationRows(
            tx,
            { slug, organizationCode, releaseId, demo },
            this.db.kind === "pglite" ? { chunkRows: PGLITE_CHUNK_ROWS } : {},
          );
          await tx.query(
            "UPDATE releases SET rows_added = $2, rows_changed = $3, rows_removed = $4 WHERE id = $1",
            [releaseId, changes.added, changes.changed, changes.removed],
          );
        }
        await tx.query(
          `UPDATE publications SET latest_release_id = $3, updated_at = now(), demo = $4
             ${status === "rejected" ? "" : ", current_release_id = $3"}
           WHERE organization_code = $1 AND spec_slug = $2`,
          [organizationCode, slug, releaseId, demo],
        );
        await recordAudit(tx, {
          actor: request.audit.actor,
          fromAddress: request.audit.fromAddress,
          action: "publication.release",
          object: `${organizationCode}/${slug}`,
          details: { release: releaseId, status, rows: report.stats.rows, published: rowsPublished },
        });
        return this.releaseOn(tx, releaseId);
      });
    } finally {
      clearInterval(renewal);
      await (
        this.db.kind === "pglite"
          ? deleteInChunks(this.db, "staged_rows", { release_id: releaseId }, PGLITE_CHUNK_ROWS)
          : this.db.query("DELETE FROM staged_rows WHERE release_id = $1", [releaseId])
      ).catch(() => undefined);
      await this.db
        .query(
          "UPDATE publications SET lease_token = NULL, lease_until = NULL WHERE organization_code = $1 AND spec_slug = $2 AND lease_token = $3",
          [organizationCode, slug, releaseId],
        )
        .catch(() => undefined);
    }
  }

  async getRelease(id: string): Promise<Release> {
    return this.releaseOn(this.db, id);
  }

  /** The release's validation report, as stored when the file arrived. */
  async getReleaseReport(id: string): Promise<ValidationReport> {
    const [row] = await this.db.query<{ report: ValidationReport }>(
      "SELECT report FROM releases WHERE id = $1",
      [id],
    );
    if (row === undefined) throw releaseNotFound(id);
    return row.report;
  }

  /** The original file of a release, byte for byte. */
  async releaseFile(id: string): Promise<{ release: Release; body: AsyncIterable<Uint8Array> }> {
    const release = await this.getRelease(id);
    return { release, body: this.files.read(release.file.sha256) };
  }

  async listReleases(organizationCode: string, slug: string, limit = 50): Promise<Release[]> {
    await this.getPublication(organizationCode, slug);
    const rows = await this.db.query<ReleaseRow>(
      `SELECT ${RELEASE_COLUMNS} FROM releases r WHERE r.organization_code = $1 AND r.spec_slug = $2
       ORDER BY r.created_at DESC, r.id DESC LIMIT $3`,
      [organizationCode, slug, limit],
    );
    return rows.map(toRelease);
  }

  async getPublication(organizationCode: string, slug: string): Promise<Publication> {
    const [publication] = await this.listPublications({ organizationCode, slug });
    if (publication === undefined) {
      throw notFound(
        {
          sv: `${organizationCode} har ingen publicering av ${slug} ännu.`,
          en: `${organizationCode} has no publication of ${slug} yet.`,
        },
        { organization: organizationCode, specification: slug },
      );
    }
    return publication;
  }

  /** Publications that have received at least one file. */
  async listPublications(filter: PublicationFilter = {}): Promise<Publication[]> {
    const rows = await this.db.query<PublicationRow>(
      `SELECT organization_code, spec_slug, source_kind, source_url, fetch_interval_minutes, next_fetch_at,
         last_fetch_at, last_fetch_error, current_release_id, latest_release_id, demo, updated_at
       FROM publications
       WHERE ($1::text IS NULL OR organization_code = $1) AND ($2::text IS NULL OR spec_slug = $2)
         AND (latest_release_id IS NOT NULL OR source_kind = 'url')
       ORDER BY organization_code, spec_slug`,
      [filter.organizationCode ?? null, filter.slug ?? null],
    );
    const ids = [
      ...new Set(
        rows.flatMap((r) => [r.current_release_id, r.latest_release_id]).filter((id) => id !== null),
      ),
    ];
    const releases = new Map(
      ids.length === 0
        ? []
        : (
            await this.db.query<ReleaseRow>(
              `SELECT ${RELEASE_COLUMNS} FROM releases r WHERE r.id = ANY($1::text[])`,
              [ids],
            )
          ).map((row) => [row.id, toRelease(row)]),
    );
    return rows.map((row) => ({
      organizationCode: row.organization_code,
      slug: row.spec_slug,
      source:
        row.source_kind === "url" && row.source_url !== null
          ? {
              kind: "url",
              url: row.source_url,
              intervalMinutes: row.fetch_interval_minutes ?? 1440,
              nextFetchAt: row.next_fetch_at,
              lastFetchAt: row.last_fetch_at,
              lastFetchError: row.last_fetch_error,
            }
          : { kind: "upload" },
      currentRelease: row.current_release_id === null ? null : (releases.get(row.current_release_id) ?? null),
      latestRelease: row.latest_release_id === null ? null : (releases.get(row.latest_release_id) ?? null),
      demo: row.demo,
      updatedAt: row.updated_at,
    }));
  }

  /**
   * Clears what a killed process left: partial files, staged rows of publishes that are no
   * longer running, and leases that ran out. On the embedded database this process is the only
   * writer, so every lease is a dead one; on a server shared by instances only expired ones are.
   */
  async recover(): Promise<{ temporaryFiles: number; stagedRows: number }> {
    const soleWriter = this.db.kind === "pglite";
    // With a server, other instances may share the file directory: leave their fresh writes alone.
    const temporaryFiles = await this.files.removeTemporary(soleWriter ? 0 : 15 * 60_000);
    if (soleWriter) {
      await this.db.query("UPDATE publications SET lease_until = now() WHERE lease_token IS NOT NULL");
      await this.db.query(
        "UPDATE publications SET fetch_lease_until = now() WHERE fetch_lease_token IS NOT NULL",
      );
    }
    const [staged] = await this.db.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM staged_rows s WHERE NOT EXISTS (
           SELECT 1 FROM publications p WHERE p.lease_token = s.release_id AND p.lease_until > now())
         RETURNING 1
       ) SELECT count(*)::int AS n FROM gone`,
    );
    await this.db.query(
      "UPDATE publications SET lease_token = NULL, lease_until = NULL WHERE lease_until <= now()",
    );
    return { temporaryFiles, stagedRows: staged?.n ?? 0 };
  }

  private async releaseOn(db: Queryable, id: string): Promise<Release> {
    const [row] = await db.query<ReleaseRow>(`SELECT ${RELEASE_COLUMNS} FROM releases r WHERE r.id = $1`, [
      id,
    ]);
    if (row === undefined) throw releaseNotFound(id);
    return toRelease(row);
  }

  /** One writer per publication: a second one gets CONFLICT (409) instead of interleaving. */
  private async acquireLease(organizationCode: string, slug: string, token: string): Promise<void> {
    await this.db.query(
      "INSERT INTO publications (organization_code, spec_slug) VALUES ($1, $2) ON CONFLICT DO NOTHING",
      [organizationCode, slug],
    );
    const taken = await this.db.query(
      `UPDATE publications SET lease_token = $3, lease_until = now() + make_interval(secs => $4)
       WHERE organization_code = $1 AND spec_slug = $2 AND (lease_token IS NULL OR lease_until <= now())
       RETURNING 1`,
      [organizationCode, slug, token, LEASE_SECONDS],
    );
    if (taken.length === 0) {
      throw new AppError(
        "CONFLICT",
        {
          sv: `En annan publicering av ${slug} för ${organizationCode} pågår redan. Vänta tills den är klar och försök igen.`,
          en: `Another publish of ${slug} for ${organizationCode} is already running. Wait until it is done and try again.`,
        },
        { details: { organization: organizationCode, specification: slug } },
      );
    }
  }

  /** A kommun's rows lie in the kommun; a region's in the municipality its point lies in. */
  private async placement(organization: Organization): Promise<Placement> {
    if (organization.kommunKod !== null) {
      const place = { kommun: organization.kommunKod as string, lan: organization.lanCode as string };
      return () => place;
    }
    const kommunAt = await this.registry.kommunLocator();
    const lan = organization.lanCode as string;
    return (record) => {
      const kommun =
        record.latitude === null || record.longitude === null
          ? undefined
          : kommunAt(record.longitude, record.latitude);
      return kommun === undefined ? { kommun: null, lan } : { kommun, lan: kommun.slice(0, 2) };
    };
  }
}

/**
 * Whether a file with errors could have its valid rows published (mode=valid-rows): it was read to
 * the end and no error concerns the file as a whole.
 */
export function validRowsPublishable(report: ValidationReport): boolean {
  return (
    report.complete && !report.summary.some((s) => s.severity === "error" && FILE_LEVEL_ERRORS.has(s.type))
  );
}

/** Valid: publish. Errors: publish the valid rows only if asked and the file as a whole is sound. */
function decide(report: ValidationReport, mode: PublishRequest["mode"]): ReleaseStatus {
  if (report.valid) return "published";
  if (mode !== "valid-rows") return "rejected";
  return validRowsPublishable(report) ? "partial" : "rejected";
}

function releaseNotFound(id: string): AppError {
  return notFound({ sv: `Det finns ingen release med id ${id}.`, en: `There is no release with id ${id}.` });
}
