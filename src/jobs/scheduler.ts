import type { Logger } from "../core/index.ts";

/** Background work run every so often. Each job must be idempotent and claim its work in the database. */
export interface ScheduledJob {
  readonly name: string;
  readonly everyMs: number;
  /** Also run once right away, not only after the first interval. */
  readonly runAtStart?: boolean;
  run(): Promise<unknown>;
}

export interface Scheduler {
  /** Stops scheduling and waits for runs in progress. */
  stop(): Promise<void>;
}

/**
 * Runs jobs on their intervals, in this process. A job never overlaps itself; a failure is logged
 * and the job runs again next time. Several instances may run the same jobs: the claims are in
 * the database (FOR UPDATE SKIP LOCKED), not here.
 */
export function startScheduler(jobs: readonly ScheduledJob[], logger: Logger): Scheduler {
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  const tick = (job: ScheduledJob) => {
    if (stopped || running.has(job.name)) return;
    const run = job
      .run()
      .then((result) => {
        if (result !== undefined && !(Array.isArray(result) && result.length === 0))
          logger.info("job done", { job: job.name, result });
      })
      .catch((error: unknown) => logger.error("job failed", { job: job.name, error }))
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
  };
  for (const job of jobs) if (job.runAtStart === true) tick(job);
  const timers = jobs.map((job) => {
    const timer = setInterval(() => tick(job), job.everyMs);
    timer.unref();
    return timer;
  });
  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}
