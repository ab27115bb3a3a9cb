// Publishing: publications per organization and specification, immutable releases, their sources.
export { PublishingService, type PublicationFilter, type StartedFetch } from "./service.ts";
export { validRowsPublishable } from "./decide.ts";
export { mayReadRelease, mayReadUnpublished, publishableDatasets, type PublishableDataset } from "./rules.ts";
export { FETCH_JOB_STATES, FETCH_TRIGGERS, type FetchJob, type FetchTrigger } from "./fetch-jobs.ts";
export { recordIdOf } from "./staging.ts";
export { confirmationRequired, REMOVED_ROWS_SHOWN } from "./guard.ts";
export { MAX_DIFF_LIMIT } from "./diff.ts";
export * from "./types.ts";
export {
  DEFAULT_FETCH_INTERVAL_MINUTES,
  MIN_FETCH_INTERVAL_MINUTES,
  type FetchOutcome,
  type SourceFetchSettings,
} from "./sources.ts";
