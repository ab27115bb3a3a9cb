// Publishing: publications per organization and specification, immutable releases, their sources.
export { PublishingService, validRowsPublishable, type PublicationFilter } from "./service.ts";
export { mayReadRelease, publishableDatasets, type PublishableDataset } from "./rules.ts";
export { recordIdOf } from "./staging.ts";
export * from "./types.ts";
export {
  DEFAULT_FETCH_INTERVAL_MINUTES,
  MIN_FETCH_INTERVAL_MINUTES,
  type FetchOutcome,
  type SourceFetchSettings,
} from "./sources.ts";
