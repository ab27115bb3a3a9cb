// Which prioritized datasets an organization is expected to publish: the one rule that progress
// (readiness), the publish form and the API share. See docs/decisions.md (35).
import type { Organization } from "../registry/index.ts";
import type { PriorityListEntry } from "./types.ts";

/**
 * The entries of the prioritized list an organization of its kind is expected to publish, those
 * with a specification, in the list's order: entries for municipalities (and both) of a kommun,
 * for regions (and both) of a region; Region Gotland, both, gets all of them.
 */
export function expectedDatasets(
  organization: Pick<Organization, "types">,
  priority: readonly PriorityListEntry[],
): PriorityListEntry[] {
  const kinds: ReadonlySet<string> = new Set(organization.types);
  return priority
    .filter((entry) => entry.specification !== null)
    .filter((entry) => entry.level === "both" || kinds.has(entry.level))
    .sort((a, b) => a.rank - b.rank);
}
