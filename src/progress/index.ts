// Progress: readiness per organization, county and country against the national goal, the
// coverage matrix, history, badges and the leaderboard.
export * from "./model.ts";
export { DEFAULT_FRESH_DAYS, freshDays } from "./freshness.ts";
export { renderBadge } from "./badge.ts";
export {
  ProgressService,
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
