import type { ProgressService } from "../progress/index.ts";
import type { PublishingService } from "../publishing/index.ts";
import type { ScheduledJob } from "./scheduler.ts";

/** The jobs `serve` runs. */
export function platformJobs(services: {
  readonly publishing: PublishingService;
  readonly progress: ProgressService;
}): ScheduledJob[] {
  return [
    // Today's levels, kept for the trend: hourly, so a day's last state is at most an hour old.
    {
      name: "readiness-snapshot",
      everyMs: 60 * 60_000,
      runAtStart: true,
      run: () => services.progress.recordSnapshot(),
    },
    {
      name: "url-sources",
      everyMs: 60_000,
      run: async () =>
        (await services.publishing.fetchDueSources(5)).map(({ organizationCode, slug, outcome }) => ({
          organizationCode,
          slug,
          outcome: outcome.kind === "released" ? outcome.release.status : outcome.kind,
        })),
    },
  ];
}
