// Progress: readiness per organization, county and country against the national goal, the
// coverage matrix, history, badges, the leaderboard and the national map's geometry.
export * from "./model.ts";
export {
  DECLARATION_LIMITS,
  declarationFields,
  declarationProblems,
  isDeclarable,
  isEvidenceUrl,
  type DeclarationField,
  type DeclarationProblem,
  type DeclarationProblemKind,
  type DeclarationValues,
} from "./declaration.ts";
export { DEFAULT_FRESH_DAYS, freshDays } from "./freshness.ts";
export { renderBadge } from "./badge.ts";
export { DEFAULT_PROJECTION, projectAreas, type MapArea, type ProjectedMap } from "./map.ts";
export {
  countyComparison,
  ProgressService,
  type CountyProgress,
  type CoverageCell,
  type CoverageFilter,
  type CoverageRow,
  type DeclarationInput,
  type GoalShare,
  type HistoryPoint,
  type NationalProgress,
  type NextStep,
  type OrganizationReadiness,
  type Scorecard,
} from "./service.ts";
