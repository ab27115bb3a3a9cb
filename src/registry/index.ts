export type { AreaGeometry, AreaType, BBox, Boundary, Lan, Organization, OrganizationType } from "./types.ts";
export { ORGANIZATION_TYPES } from "./types.ts";
export {
  EXPECTED_COUNTS,
  bboxOf,
  isValidOrganizationNumber,
  loadRegistryReference,
  type RegistryReference,
} from "./reference.ts";
export { seedRegistry, type RegistrySeedOutcome } from "./seed.ts";
export { pointInArea } from "./point-in-area.ts";
export {
  RegistryService,
  type ContactInput,
  type KommunLocator,
  type LanDetail,
  type LanSummary,
  type OrganizationFilter,
} from "./service.ts";
export { REGISTRY_SOURCES } from "./sources.ts";
