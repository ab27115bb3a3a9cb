// The DCAT-AP-SE catalog: the model of every dataset the platform describes, its RDF export
// (RDF/XML, Turtle, JSON-LD), SHACL conformance (pre-flight) and the MQA-style quality score.
export { CatalogService, type DatasetBatch } from "./service.ts";
export { CatalogExportCache, EXPORT_CACHE_ENTRIES, type CachedExport } from "./export-cache.ts";
export * from "./model.ts";
export {
  RDF_FORMATS,
  RDF_MEDIA_TYPES,
  rdfWriter,
  type RdfFormat,
  type RdfNode,
  type RdfWriter,
} from "./rdf.ts";
export {
  THEMES,
  themesFor,
  DATA_THEMES,
  PUBLISHER_TYPES,
  CC0,
  HVD_LEGISLATION,
  FILE_TYPES,
  FREQUENCIES,
} from "./vocabulary.ts";
export type {
  DatasetQuality,
  DatasetSummary,
  OrganizationQuality,
  PreflightReport,
  PreflightViolation,
} from "./service.ts";
export {
  DIMENSIONS,
  MAX_POINTS,
  TOTAL_POINTS,
  ratingOf,
  scoreCatalog,
  scoreDataset,
  type Dimension,
  type IndicatorScore,
  type QualityScore,
  type Rating,
} from "./quality.ts";
export { SHAPES, datasetOf, propertyName, toDataset, validate, type ShaclViolation } from "./shacl.ts";
export * from "./harvest/index.ts";
export {
  CatalogSearch,
  FACETS,
  SEARCH_SORTS,
  searchDocumentOf,
  type CatalogSearchQuery,
  type CatalogSearchResult,
  type Facet,
  type FacetValue,
  type FeedDocuments,
  type RefreshSummary,
  type SearchDocument,
  type SearchFeeds,
  type SearchHit,
  type SearchSort,
} from "./search.ts";
export {
  MAX_SEARCH_OFFSET,
  nextCursor,
  previousCursor,
  SEARCH_LIMIT,
  SearchQuerySchema,
  searchQueryOf,
  type SearchQueryInput,
} from "./search-query.ts";
export {
  LinkChecker,
  type LinkCheck,
  type LinkCheckRun,
  type LinkCheckSettings,
  type LinkStatus,
} from "./links.ts";
export {
  DescribedDatasets,
  DESCRIBED_FORMATS,
  DESCRIBED_LICENCES,
  DESCRIPTION_LIMITS,
  describedDocument,
  parseDescription,
  type DatasetDescription,
  type DescribedDataset,
  type DescriptionField,
  type DescriptionInput,
  type DescriptionProblem,
} from "./described.ts";
