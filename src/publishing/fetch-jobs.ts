import { randomUUID } from "node:crypto";
import { notFound, type LocalizedText } from "../core/index.ts";
import type { Database, Queryable } from "../db/index.ts";
import type { FetchOutcome, SourceFetchSettings } from "./sources.ts";

/**
 * A fetch of a URL source, as a job the publisher polls: "fetch now" answers at once with the job,
 * and the source may trickle for minutes. The job's id is the lease on its publication
 * (publications.fetch_lease_token), so one source is fetched by one job at a time, whichever
 * instance or trigger started it.
 */
export const FETCH_JOB_STATES = ["running", "done", "failed"] as const;
export const FETCH_TRIGGERS = ["manual", "source-set", "schedule"] as const;
export type FetchTrigger = (typeof FETCH_TRIGGERS)[number];

export interface FetchJob {
  readonly id: string;
  readonly organizationCode: string;
  readonly slug: string;
  readonly trigger: FetchTrigger;
  readonly state: (typeof FETCH_JOB_STATES)[number];
  readonly outcome: FetchOutcome["kind"] | null;
  readonly releaseId: string | null;
  readonly error: LocalizedText | null;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
}

/** How long a fetch holds its source without renewing; a running fetch renews well before. */
export const FETCH_LEASE_SECONDS = 120;
export const FETCH_LEASE_RENEW_MS = 30_000;

const INTERRUPTED: LocalizedText = {
  sv: "Hämtningen avbröts innan den var klar (servern startades om eller stängdes). Den görs om vid nästa schemalagda hämtning, eller när du väljer Hämta nu.",
  en: "The fetch was interrupted before it finished (the server restarted or stopped). It is made again at the next scheduled fetch, or when you choose Fetch now.",
};

interface JobRow {
  id: string;
  organization_code: string;
  spec_slug: string;
  trigger: FetchTrigger;
  state: FetchJob["state"];
  outcome: FetchJob["outcome"];
  release_id: string | null;
  error: LocalizedText | null;
  created_at: Date;
  finished_at: Date | null;
  /** Running, but its lease is gone: the instance that ran it died. */
  interrupted: boolean;
}

const JOB_COLUMNS = `j.id, j.organization_code, j.spec_slug, j.trigger, j.state, j.outcome, j.release_id, j.error,
  j.created_at, j.finished_at,
  (j.state = 'running' AND NOT EXISTS (
    SELECT 1 FROM publications p WHERE p.organization_code = j.organization_code AND p.spec_slug = j.spec_slug
      AND p.fetch_lease_token = j.id AND p.fetch_lease_until > now())) AS interrupted`;

function toJob(row: JobRow): FetchJob {
  return {
    id: row.id,
    organizationCode: row.organization_code,
    slug: row.spec_slug,
    trigger: row.trigger,
    state: row.interrupted ? "failed" : row.state,
    outcome: row.interrupted ? "failed" : row.outcome,
    releaseId: row.release_id,
    error: row.interrupted ? INTERRUPTED : row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

export async function getFetchJob(db: Queryable, id: string): Promise<FetchJob> {
  const [row] = await db.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM source_fetches j WHERE j.id = $1`, [id]);
  if (row === undefined) {
    throw notFound({ sv: `Det finns ingen hämtning med id ${id}.`, en: `There is no fetch with id ${id}.` });
  }
  return toJob(row);
}

/**
 * Takes the source's lease for a new job, or finds the job that holds it. In one transaction, so
 * whoever loses the race sees the winner's job. A job whose lease ran out is marked interrupted.
 */
export async function startFetchJob(
  db: Database,
  target: { readonly organizationCode: string; readonly slug: string },
  trigger: FetchTrigger,
  actor: string,
): Promise<{ job: FetchJob; started: boolean }> {
  const { organizationCode, slug } = target;
  const id = randomUUID();
  const running = await db.transaction(async (tx) => {
    const [lease] = await tx.query<{ token: string | null; live: boolean }>(
      `SELECT fetch_lease_token AS token, coalesce(fetch_lease_until > now(), false) AS live FROM publications
       WHERE organization_code = $1 AND spec_slug = $2 AND source_kind = 'url' FOR UPDATE`,
      [organizationCode, slug],
    );
    if (lease === undefined) {
      throw notFound({
        sv: `${organizationCode} har ingen webbadress som källa för ${slug}.`,
        en: `${organizationCode} has no URL source for ${slug}.`,
      });
    }
    if (lease.live && lease.token !== null) return lease.token;
    if (lease.token !== null) await markInterrupted(tx, [lease.token]);
    await tx.query(
      `UPDATE publications SET fetch_lease_token = $3, fetch_lease_until = now() + make_interval(secs => $4)
       WHERE organization_code = $1 AND spec_slug = $2`,
      [organizationCode, slug, id, FETCH_LEASE_SECONDS],
    );
    await tx.query(
      `INSERT INTO source_fetches (id, organization_code, spec_slug, trigger, created_by) VALUES ($1, $2, $3, $4, $5)`,
      [id, organizationCode, slug, trigger, actor],
    );
    return undefined;
  });
  return { job: await getFetchJob(db, running ?? id), started: running === undefined };
}

/**
 * Claims URL sources that are due and free, for this worker: each gets a job holding its lease,
 * and its next fetch is pushed a quarter of an hour ahead. SKIP LOCKED keeps two workers from
 * waiting on each other; a source being fetched (manually or by another instance) is skipped.
 */
export async function claimDueFetches(db: Database, limit: number): Promise<FetchJob[]> {
  if (limit <= 0) return [];
  const ids = await db.transaction(async (tx) => {
    const claimed = await tx.query<{ id: string; old: string | null }>(
      `WITH due AS (
         SELECT organization_code, spec_slug, fetch_lease_token AS old FROM publications
         WHERE source_kind = 'url' AND next_fetch_at <= now()
           AND (fetch_lease_token IS NULL OR fetch_lease_until <= now())
         ORDER BY next_fetch_at LIMIT $1 FOR UPDATE SKIP LOCKED
       )
       UPDATE publications p SET next_fetch_at = now() + interval '15 minutes',
         fetch_lease_token = gen_random_uuid()::text, fetch_lease_until = now() + make_interval(secs => $2)
       FROM due WHERE p.organization_code = due.organization_code AND p.spec_slug = due.spec_slug
       RETURNING p.fetch_lease_token AS id, due.old`,
      [limit, FETCH_LEASE_SECONDS],
    );
    if (claimed.length === 0) return [];
    await markInterrupted(
      tx,
      claimed.flatMap((row) => (row.old === null ? [] : [row.old])),
    );
    await tx.query(
      `INSERT INTO source_fetches (id, organization_code, spec_slug, trigger, created_by)
       SELECT fetch_lease_token, organization_code, spec_slug, 'schedule', 'system:scheduler'
       FROM publications WHERE fetch_lease_token = ANY($1::text[])`,
      [claimed.map((row) => row.id)],
    );
    return claimed.map((row) => row.id);
  });
  if (ids.length === 0) return [];
  const rows = await db.query<JobRow>(
    `SELECT ${JOB_COLUMNS} FROM source_fetches j WHERE j.id = ANY($1::text[]) ORDER BY j.organization_code, j.spec_slug`,
    [ids],
  );
  return rows.map(toJob);
}

async function markInterrupted(tx: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `UPDATE source_fetches SET state = 'failed', outcome = 'failed', error = $2::jsonb, finished_at = now()
     WHERE id = ANY($1::text[]) AND state = 'running'`,
    [ids, JSON.stringify(INTERRUPTED)],
  );
}

/** Keeps a running job's lease while its source trickles. */
export async function renewFetchLease(db: Queryable, job: FetchJob): Promise<void> {
  await db.query(
    `UPDATE publications SET fetch_lease_until = now() + make_interval(secs => $4)
     WHERE organization_code = $1 AND spec_slug = $2 AND fetch_lease_token = $3`,
    [job.organizationCode, job.slug, job.id, FETCH_LEASE_SECONDS],
  );
}

/** Records what the fetch came to and gives the source's lease back, in one transaction. */
export async function finishFetchJob(db: Database, job: FetchJob, outcome: FetchOutcome): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE source_fetches SET state = $2, outcome = $3, release_id = $4, error = $5::jsonb, finished_at = now()
       WHERE id = $1`,
      [
        job.id,
        outcome.kind === "failed" ? "failed" : "done",
        outcome.kind,
        outcome.kind === "released" ? outcome.release.id : null,
        outcome.kind === "failed" ? JSON.stringify(outcome.error) : null,
      ],
    );
    await tx.query(
      `UPDATE publications SET fetch_lease_token = NULL, fetch_lease_until = NULL
       WHERE organization_code = $1 AND spec_slug = $2 AND fetch_lease_token = $3`,
      [job.organizationCode, job.slug, job.id],
    );
    // A month of jobs is enough to poll and to look back on; the outcome stays on the publication.
    await tx.query(
      `DELETE FROM source_fetches WHERE organization_code = $1 AND spec_slug = $2
         AND finished_at < now() - interval '30 days'`,
      [job.organizationCode, job.slug],
    );
  });
}

const UNEXPECTED: LocalizedText = {
  sv: "Hämtningen misslyckades av ett internt fel. Försök igen om en stund; felet är loggat.",
  en: "The fetch failed because of an internal error. Try again in a while; the error is logged.",
};

/**
 * Runs a job: keeps its lease while the source trickles, and records what it came to. An error
 * that is no fetch or publish failure fails the job and goes to onUnexpectedError. Never rejects.
 */
export async function runFetchJob(
  db: Database,
  job: FetchJob,
  settings: SourceFetchSettings,
  onAnswer: (() => void) | undefined,
  fetchAndPublish: (settings: SourceFetchSettings, onAnswer?: () => void) => Promise<FetchOutcome>,
): Promise<FetchOutcome> {
  const context = { job: job.id, organizationCode: job.organizationCode, slug: job.slug };
  const renewal = setInterval(() => {
    renewFetchLease(db, job).catch(() => undefined);
  }, FETCH_LEASE_RENEW_MS);
  renewal.unref();
  let outcome: FetchOutcome;
  try {
    outcome = await fetchAndPublish(settings, onAnswer);
  } catch (error) {
    settings.onUnexpectedError?.(error, context);
    outcome = { kind: "failed", error: UNEXPECTED, refused: false };
  } finally {
    clearInterval(renewal);
  }
  try {
    await finishFetchJob(db, job, outcome);
  } catch (error) {
    // The lease runs out by itself, and the job then reads as interrupted.
    settings.onUnexpectedError?.(error, context);
  }
  return outcome;
}

/**
 * At most `limit` fetches run at once in this process; more wait for a slot. A slot is handed
 * straight to the next waiter, so the limit holds however the promises interleave.
 */
export class FetchSlots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly running = new Set<Promise<unknown>>();

  constructor(readonly limit: number) {}

  /** Slots neither taken nor promised to a waiter. */
  get free(): number {
    return Math.max(0, this.limit - this.active - this.waiting.length);
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    const task = (async () => {
      if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
      else this.active++;
      try {
        return await work();
      } finally {
        const next = this.waiting.shift();
        if (next === undefined) this.active--;
        else next();
      }
    })();
    this.running.add(task);
    void task.finally(() => this.running.delete(task)).catch(() => undefined);
    return task;
  }

  /** Waits for every fetch started so far (shutdown, tests). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
