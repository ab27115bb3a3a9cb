import { randomUUID } from "node:crypto";
import { actorOf, recordAudit, requireCan, type AuditContext, type Principal } from "../accounts/index.ts";
import { replaceOrganizationRows, stagedChanges } from "../consolidation/index.ts";
import { AppError, notFound } from "../core/index.ts";
import type { Database, Queryable } from "../db/index.ts";
import type { FileStore } from "../files/index.ts";
import type { Organization, RegistryService } from "../registry/index.ts";
import type { SpecsService } from "../specs/index.ts";
import type { SpecificationVersion } from "../specs/index.ts";
import { readRecords, RowSet, type ValidationReport, type ValidationService } from "../validation/index.ts";
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
import { mayReadRelease, publishableDatasets, type PublishableDataset } from "./rules.ts";
import { decide } from "./decide.ts";
import { releaseDiff } from "./diff.ts";
import {
  changedMeanwhile,
  currentRowCount,
  nameFieldOf,
  needsConfirmation,
  rowsThatWouldGo,
  withNoRowsFinding,
} from "./guard.ts";
import {
  RELEASE_COLUMNS,
  RELEASE_FROM,
  releaseNotFound,
  releaseOn,
  toRelease,
  type ReleaseRow,
} from "./releases.ts";
import { PGLITE_CHUNK_ROWS, underLease } from "./lease.ts";
import { stageRecords, type Placement } from "./staging.ts";
import type {
  Publication,
  PublishRequest,
  Release,
  ReleaseDiff,
  ReleaseStatus,
  RemovalPreview,
} from "./types.ts";

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
    return underLease(this.db, organizationCode, slug, releaseId, async () => {
      const stored = await this.files.put(request.body);
      await this.db.query(
        "INSERT INTO stored_files (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING",
        [stored.sha256, stored.bytes],
      );
      return this.makeRelease(releaseId, organization, spec, stored, request, null);
    });
  }

  /**
   * Makes an earlier published release current again: its stored file is read again under the
   * specification version it was published with, so the organization's rows come back exactly.
   * Recorded as a new release (origin "restore") that names the one it restored.
   */
  async restore(
    organizationCode: string,
    slug: string,
    releaseId: string,
    audit: AuditContext,
  ): Promise<Release> {
    const original = await this.ownRelease(organizationCode, slug, releaseId);
    const publication = await this.getPublication(organizationCode, slug);
    if (original.status !== "published" && original.status !== "partial") {
      throw new AppError(
        "BAD_REQUEST",
        {
          sv: `Releasen ${releaseId} publicerades aldrig (${original.status}), så den kan inte göras gällande igen. Välj en publicerad version.`,
          en: `Release ${releaseId} was never published (${original.status}), so it cannot be made current again. Choose a published one.`,
        },
        { details: { release: releaseId, status: original.status } },
      );
    }
    if (publication.currentRelease?.id === original.id) {
      throw new AppError(
        "BAD_REQUEST",
        { sv: `Releasen ${releaseId} är redan gällande.`, en: `Release ${releaseId} is already current.` },
        { details: { release: releaseId } },
      );
    }
    const [organization, spec] = await Promise.all([
      this.registry.getOrganization(organizationCode),
      this.specs.getSpecification(slug, original.specVersion),
    ]);
    const newId = randomUUID();
    return underLease(this.db, organizationCode, slug, newId, () =>
      this.makeRelease(
        newId,
        organization,
        spec,
        original.file,
        {
          organizationCode,
          slug,
          body: [],
          fileName: original.file.name ?? undefined,
          format: original.file.format,
          mode: original.status === "partial" ? "valid-rows" : "all",
          origin: "restore",
          audit,
          demo: original.demo,
          // Choosing an earlier version is the confirmation: the web asks before it comes here.
          confirmRemovals: true,
        },
        original.id,
      ),
    );
  }

  /**
   * Publishes a held release as it was staged, without a new upload. Refused (409) when it is no
   * longer held, or when another release became current since it was held.
   */
  async confirmRelease(
    organizationCode: string,
    slug: string,
    releaseId: string,
    audit: AuditContext,
  ): Promise<Release> {
    await this.ownRelease(organizationCode, slug, releaseId);
    return underLease(this.db, organizationCode, slug, releaseId, async () => {
      const held = await this.getRelease(releaseId);
      const publication = await this.getPublication(organizationCode, slug);
      if (held.status !== "held") {
        throw new AppError(
          "CONFLICT",
          {
            sv: `Releasen ${releaseId} väntar inte på bekräftelse (den är ${held.status}). Ingenting har ändrats.`,
            en: `Release ${releaseId} is not waiting for confirmation (it is ${held.status}). Nothing has changed.`,
          },
          { details: { release: releaseId, status: held.status } },
        );
      }
      if ((publication.currentRelease?.id ?? null) !== held.basedOn) throw changedMeanwhile(releaseId);
      const report = await this.getReleaseReport(releaseId);
      const status: ReleaseStatus =
        held.rows.total === 0 ? "withdrawn" : report.valid ? "published" : "partial";
      return this.db.transaction(async (tx) => {
        await tx.query("UPDATE releases SET status = $2 WHERE id = $1", [releaseId, status]);
        await this.consolidate(tx, held, status, held.demo);
        await recordAudit(tx, {
          actor: audit.actor,
          fromAddress: audit.fromAddress,
          action: "publication.confirm",
          object: `${organizationCode}/${slug}`,
          details: { release: releaseId, status, confirmedRemovals: held.changes?.removed ?? 0 },
        });
        return releaseOn(tx, releaseId);
      });
    });
  }

  /** What a held release would do: the counts, and the first rows that would go. */
  async removalPreview(organizationCode: string, slug: string, releaseId: string): Promise<RemovalPreview> {
    const release = await this.ownRelease(organizationCode, slug, releaseId);
    if (release.status !== "held") {
      throw notFound({
        sv: `Releasen ${releaseId} väntar inte på bekräftelse.`,
        en: `Release ${releaseId} is not waiting for confirmation.`,
      });
    }
    const [publication, spec, current] = await Promise.all([
      this.getPublication(organizationCode, slug),
      this.specs.getSpecification(slug, release.specVersion),
      currentRowCount(this.db, slug, organizationCode),
    ]);
    const confirmable = (publication.currentRelease?.id ?? null) === release.basedOn;
    const target = { slug, organizationCode, releaseId };
    return {
      release,
      current,
      wouldAdd: release.changes?.added ?? 0,
      wouldRemove: release.changes?.removed ?? 0,
      confirmable,
      removedRows: confirmable ? await rowsThatWouldGo(this.db, target, nameFieldOf(spec.definition)) : [],
    };
  }

  /** Rows added, changed (with the fields) and removed from `againstId` to `releaseId`. */
  async diff(releaseId: string, againstId: string, limit = 100): Promise<ReleaseDiff> {
    const [release, against] = await Promise.all([this.getRelease(releaseId), this.getRelease(againstId)]);
    return releaseDiff(this.db, this.files, this.validation, this.specs, this.registry, {
      release,
      against,
      limit,
    });
  }

  /**
   * Validates a stored file, stages its rows and decides: rejected, held for confirmation, or
   * consolidated into the national dataset (published, partial or withdrawn). Runs under the lease.
   */
  private async makeRelease(
    releaseId: string,
    organization: Organization,
    spec: SpecificationVersion,
    stored: { readonly sha256: string; readonly bytes: number },
    request: PublishRequest,
    restoredFrom: string | null,
  ): Promise<Release> {
    const { organizationCode, slug } = request;
    const errorRows = new RowSet();
    let report = await this.validation.validate(this.files.read(stored.sha256), {
      slug,
      version: spec.version,
      format: request.format,
      organizationCode,
      errorRows,
    });
    let status = decide(report, request.mode);
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
    const current = await currentRowCount(this.db, slug, organizationCode);
    const changes =
      status === "rejected" ? null : await stagedChanges(this.db, { slug, organizationCode, releaseId });
    const confirmed = request.confirmRemovals === true;
    if (status !== "rejected" && changes !== null) {
      if (report.stats.rows === 0 && current === 0) {
        // Nothing to withdraw, and no rows to publish: a header-only file is not valid data.
        status = "rejected";
        report = withNoRowsFinding(report);
      } else if (!confirmed && needsConfirmation(current, changes.removed)) {
        status = "held";
      } else if (report.stats.rows === 0) {
        status = "withdrawn";
      }
    }
    const demo = request.demo === true;
    const [based] = await this.db.query<{ current_release_id: string | null }>(
      "SELECT current_release_id FROM publications WHERE organization_code = $1 AND spec_slug = $2",
      [organizationCode, slug],
    );
    return this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO releases (id, organization_code, spec_slug, spec_version, status, origin, file_sha256,
           file_bytes, file_name, format, report, rows_total, rows_published, created_by, demo,
           based_on_release_id, restored_from_release_id, rows_indexed, rows_added, rows_changed, rows_removed)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15, $16, $17, true,
           $18, $19, $20)`,
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
          status === "rejected" ? 0 : rowsPublished,
          request.audit.actor,
          demo,
          status === "held" ? (based?.current_release_id ?? null) : null,
          restoredFrom,
          // A held release shows what it would change; the others get what consolidation did.
          status === "held" ? (changes?.added ?? 0) : null,
          status === "held" ? (changes?.changed ?? 0) : null,
          status === "held" ? (changes?.removed ?? 0) : null,
        ],
      );
      if (status !== "rejected") {
        await tx.query(
          `INSERT INTO release_rows (release_id, record_id, row_hash)
           SELECT release_id, record_id, row_hash FROM staged_rows WHERE release_id = $1`,
          [releaseId],
        );
      }
      const release = await releaseOn(tx, releaseId);
      if (status === "rejected" || status === "held") {
        await tx.query(
          "UPDATE publications SET latest_release_id = $3, updated_at = now() WHERE organization_code = $1 AND spec_slug = $2",
          [organizationCode, slug, releaseId],
        );
      } else {
        await this.consolidate(tx, release, status, demo);
      }
      await recordAudit(tx, {
        actor: request.audit.actor,
        fromAddress: request.audit.fromAddress,
        action: restoredFrom === null ? "publication.release" : "publication.restore",
        object: `${organizationCode}/${slug}`,
        details: {
          release: releaseId,
          status,
          rows: report.stats.rows,
          published: rowsPublished,
          ...(restoredFrom === null ? {} : { restoredFrom }),
        },
      });
      return releaseOn(tx, releaseId);
    });
  }

  /**
   * Replaces the organization's rows with the release's staged rows and makes it current. Held
   * releases of the publication can then never be confirmed, so their staged rows go.
   */
  private async consolidate(
    tx: Queryable,
    release: Release,
    status: ReleaseStatus,
    demo: boolean,
  ): Promise<void> {
    const { organizationCode, slug, id } = release;
    const changes = await replaceOrganizationRows(
      tx,
      { slug, organizationCode, releaseId: id, demo },
      this.db.kind === "pglite" ? { chunkRows: PGLITE_CHUNK_ROWS } : {},
    );
    await tx.query(
      "UPDATE releases SET rows_added = $2, rows_changed = $3, rows_removed = $4, status = $5 WHERE id = $1",
      [id, changes.added, changes.changed, changes.removed, status],
    );
    await tx.query(
      `UPDATE publications SET latest_release_id = $3, current_release_id = $3, updated_at = now(), demo = $4
       WHERE organization_code = $1 AND spec_slug = $2`,
      [organizationCode, slug, id, demo],
    );
    await tx.query(
      `DELETE FROM staged_rows WHERE release_id IN (
         SELECT id FROM releases WHERE organization_code = $1 AND spec_slug = $2 AND status = 'held' AND id <> $3)`,
      [organizationCode, slug, id],
    );
  }

  /** A release of this publication; another organization's is 403, another publication's 404. */
  private async ownRelease(organizationCode: string, slug: string, releaseId: string): Promise<Release> {
    const release = await this.getRelease(releaseId);
    if (release.organizationCode !== organizationCode) {
      throw new AppError(
        "FORBIDDEN",
        {
          sv: `Releasen ${releaseId} tillhör en annan organisation (${release.organizationCode}) än ${organizationCode}.`,
          en: `Release ${releaseId} belongs to another organization (${release.organizationCode}) than ${organizationCode}.`,
        },
        { details: { release: releaseId, organization: organizationCode } },
      );
    }
    if (release.slug !== slug) throw releaseNotFound(releaseId);
    return release;
  }

  async getRelease(id: string): Promise<Release> {
    return releaseOn(this.db, id);
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

  /**
   * A release the principal may see: a rejected file only its organization and coordinators
   * (else UNAUTHORIZED or FORBIDDEN). With `of`, a release of another publication is NOT_FOUND.
   */
  async visibleRelease(
    id: string,
    principal: Principal | undefined,
    of?: { readonly organizationCode: string; readonly slug: string },
  ): Promise<Release> {
    const release = await this.getRelease(id);
    if (of !== undefined && (release.organizationCode !== of.organizationCode || release.slug !== of.slug)) {
      throw releaseNotFound(id);
    }
    if (!mayReadRelease(principal, release)) requireCan(principal, "read", release.organizationCode);
    return release;
  }

  /** The original file of a release, byte for byte; opened only once the principal may see it. */
  async releaseFile(
    id: string,
    principal: Principal | undefined,
  ): Promise<{ release: Release; body: AsyncIterable<Uint8Array> }> {
    const release = await this.visibleRelease(id, principal);
    return { release, body: this.files.read(release.file.sha256) };
  }

  /** A publication's releases, newest first, without the rejected files the principal may not see. */
  async visibleReleases(
    organizationCode: string,
    slug: string,
    principal: Principal | undefined,
  ): Promise<Release[]> {
    const releases = await this.listReleases(organizationCode, slug);
    return releases.filter((release) => mayReadRelease(principal, release));
  }

  /**
   * Publishes the valid rows of a stored rejected file, read again from the file store (nothing is
   * uploaded twice). Only a publisher of the organization, only the publication's newest file
   * (an older one would undo what came after it), and only a rejected one.
   */
  async publishValidRows(
    releaseId: string,
    principal: Principal | undefined,
    fromAddress: string | null = null,
  ): Promise<Release> {
    const rejected = await this.getRelease(releaseId);
    const publisher = requireCan(principal, "publish", rejected.organizationCode);
    const { organizationCode, slug } = rejected;
    const publication = await this.getPublication(organizationCode, slug);
    if (rejected.status !== "rejected" || publication.latestRelease?.id !== rejected.id) {
      throw new AppError(
        "CONFLICT",
        {
          sv: `Release ${releaseId} är inte ${organizationCode}s senaste avvisade fil för ${slug}; bara den kan publiceras med sina giltiga rader.`,
          en: `Release ${releaseId} is not ${organizationCode}'s latest rejected file for ${slug}; only that one can have its valid rows published.`,
        },
        {
          details: {
            release: releaseId,
            status: rejected.status,
            latest: publication.latestRelease?.id ?? null,
          },
        },
      );
    }
    return this.publish({
      organizationCode,
      slug,
      body: this.files.read(rejected.file.sha256),
      fileName: rejected.file.name ?? undefined,
      format: rejected.file.format,
      mode: "valid-rows",
      origin: "upload",
      audit: { actor: actorOf(publisher), fromAddress },
    });
  }

  /** What the organization may publish: any specification, those expected of it first. */
  async publishableDatasets(organizationCode: string): Promise<PublishableDataset[]> {
    const [organization, priority, specifications] = await Promise.all([
      this.registry.getOrganization(organizationCode),
      this.specs.listPriorityList(),
      this.specs.listSpecifications(),
    ]);
    return publishableDatasets(organization, priority.items, specifications);
  }

  async listReleases(organizationCode: string, slug: string, limit = 50): Promise<Release[]> {
    await this.getPublication(organizationCode, slug);
    const rows = await this.db.query<ReleaseRow>(
      `SELECT ${RELEASE_COLUMNS} FROM ${RELEASE_FROM} WHERE r.organization_code = $1 AND r.spec_slug = $2
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
              `SELECT ${RELEASE_COLUMNS} FROM ${RELEASE_FROM} WHERE r.id = ANY($1::text[])`,
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
    return { temporaryFiles, stagedRows: await this.clearExpiredLeases() };
  }

  /**
   * Removes the staged rows of publishes whose lease ran out (their process died or lost its
   * database mid-publish) and ends those leases; a periodic job, safe beside running publishes,
   * which renew their leases long before they run out. Returns how many rows were removed.
   */
  async clearExpiredLeases(): Promise<number> {
    const [staged] = await this.db.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM staged_rows s WHERE NOT EXISTS (
           SELECT 1 FROM publications p WHERE p.lease_token = s.release_id AND p.lease_until > now())
           AND NOT EXISTS (SELECT 1 FROM releases r WHERE r.id = s.release_id AND r.status = 'held')
         RETURNING 1
       ) SELECT count(*)::int AS n FROM gone`,
    );
    await this.db.query(
      "UPDATE publications SET lease_token = NULL, lease_until = NULL WHERE lease_until <= now()",
    );
    return staged?.n ?? 0;
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
