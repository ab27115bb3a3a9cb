import type { PublishingService } from "../publishing/index.ts";
import type { ScheduledJob } from "./scheduler.ts";

/** The jobs `serve` runs. */
export function platformJobs(services: { readonly publishing: PublishingService }): ScheduledJob[] {
  return [
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
