import type { CatalogSearch, LinkChecker, HarvestService } from "../catalog/index.ts";
import type { ProgressService } from "../progress/index.ts";
import type { PublishingService } from "../publishing/index.ts";
import type { ScheduledJob } from "./scheduler.ts";

/** The jobs `serve` runs. */
export function platformJobs(services: {
  readonly publishing: PublishingService;
  readonly progress: ProgressService;
  readonly catalogSearch: CatalogSearch;
  readonly harvest: HarvestService;
  readonly linkChecks: LinkChecker;
}): ScheduledJob[] {
  return [
    // Today's levels, kept for the trend: hourly, so a day's last state is at most an hour old.
    {
      name: "readiness-snapshot",
      everyMs: 60 * 60_000,
      runAtStart: true,
      run: () => services.progress.recordSnapshot(),
    },
    // Searches refresh stale feeds themselves; this keeps that work off most requests.
    {
      name: "catalog-search-index",
      everyMs: 60_000,
      runAtStart: true,
      run: () => services.catalogSearch.refresh(),
    },
    // Staged rows of publishes whose lease ran out (an instance died or lost the database).
    {
      name: "expired-publish-leases",
      everyMs: 5 * 60_000,
      run: async () => ({ stagedRows: await services.publishing.clearExpiredLeases() }),
    },
    // Organizations' own catalogs that are due; each source is claimed in the database (SKIP LOCKED).
    // Harvested access and download URLs: a few at a time, each again after a day or a week.
    {
      name: "link-checks",
      everyMs: 10 * 60_000,
      run: () => services.linkChecks.run(50),
    },
    {
      name: "harvest-sources",
      everyMs: 60_000,
      run: async () =>
        (await services.harvest.runDueSources(5)).map(({ sourceId, organizationCode, status, counts }) => ({
          sourceId,
          organizationCode,
          status,
          ...counts,
        })),
    },
    // URL sources that are due and not being fetched, as many as there are free slots; each runs
    // on as a job with a lease of its own, so a slow source holds one slot, not this job.
    {
      name: "url-sources",
      everyMs: 60_000,
      run: async () =>
        (await services.publishing.startDueFetches(5)).map(({ job }) => ({
          organizationCode: job.organizationCode,
          slug: job.slug,
          fetch: job.id,
        })),
    },
  ];
}
