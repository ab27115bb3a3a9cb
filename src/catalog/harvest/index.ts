// Harvesting organizations' own DCAT-AP-SE catalogs: sources on a schedule and on demand, parsing
// (RDF/XML, Turtle, JSON-LD) with the bad-input guards, normalisation to what the shapes accept,
// and the stored datasets the export, search and the pre-flight report read.
export {
  DEFAULT_HARVEST_INTERVAL_MINUTES,
  HARVEST_DEFAULTS,
  HarvestService,
  MIN_HARVEST_INTERVAL_MINUTES,
  harvestedRows,
  parseHarvestUrl,
  type HarvestCounts,
  type HarvestRun,
  type HarvestSettings,
  type HarvestSource,
  type HarvestStatus,
} from "./service.ts";
export { HarvestError, describeHarvestFailure, type HarvestFailure } from "./errors.ts";
export {
  BASE_TOKEN,
  compactIri,
  normaliseDocument,
  organizationDatasetIri,
  rebase,
  type HarvestedGraph,
  type NormalisationNote,
  type NormalisedDataset,
  type SearchFields,
} from "./normalise.ts";
export {
  BUNDLED_JSONLD_CONTEXTS,
  decodeDocument,
  detectSyntax,
  parseDocument,
  type RdfSyntax,
} from "./parse.ts";
export {
  activeHarvestedDatasets,
  harvestedBatches,
  harvestedPreflight,
  harvestedStamp,
  sharedDatasetIris,
  type HarvestedDatasetSummary,
  type HarvestedPreflight,
  type HarvestedPreflightItem,
} from "./store.ts";
export { euFileType } from "./file-types.ts";
export { harvestedSearchDocument, harvestSearchFeeds } from "./search-feed.ts";
export { harvestSettingsFromEnv } from "./settings.ts";
