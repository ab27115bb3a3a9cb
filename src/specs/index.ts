export * from "./definition.ts";
export * from "./types.ts";
export { compareVersions, loadDefinitions, type LoadedDefinition } from "./definitions-loader.ts";
export { expectedDatasets } from "./expected.ts";
export { EXPECTED_ENTRIES, loadPriorityList, slugify } from "./priority-list.ts";
export { seedSpecs, type SpecsSeedOutcome } from "./seed.ts";
export {
  allowedValues,
  exampleCsv,
  SpecsService,
  tableSchemaDocument,
  templateCsv,
  type PriorityEntryChange,
  type PriorityHistoryEntry,
  type PriorityListFilter,
} from "./service.ts";
export { compilePattern, patternProblem, PATTERN_VALUE_CAP, type PatternProblem } from "./pattern.ts";
