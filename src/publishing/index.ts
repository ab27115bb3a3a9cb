// Publishing: publications per organization and specification, immutable releases, their sources.
export { PublishingService, type PublicationFilter } from "./service.ts";
export { recordIdOf } from "./staging.ts";
export * from "./types.ts";
