// Who may see and do what with releases, and what an organization may publish: the rules the API
// and the web both go through PublishingService for, written once here.
import { can, type Principal } from "../accounts/index.ts";
import type { LocalizedText } from "../core/index.ts";
import type { Organization } from "../registry/index.ts";
import { expectedDatasets, type PriorityListEntry, type SpecificationSummary } from "../specs/index.ts";
import type { Release } from "./types.ts";

/** Whether the principal may see what an organization has not made public (its own and its coordinators'). */
export function mayReadUnpublished(principal: Principal | undefined, organizationCode: string): boolean {
  return principal !== undefined && can(principal, "read", organizationCode);
}

/**
 * Whether the principal may see a release. A rejected file may hold what the organization has not
 * made public, and a held one may be its mistake, so only the organization and its coordinators
 * see those; other releases are public.
 */
export function mayReadRelease(
  principal: Principal | undefined,
  release: Pick<Release, "status" | "organizationCode">,
): boolean {
  return (
    (release.status !== "rejected" && release.status !== "held") ||
    mayReadUnpublished(principal, release.organizationCode)
  );
}

/** A specification an organization may publish, and whether it is expected of it. */
export interface PublishableDataset {
  readonly slug: string;
  /** The prioritized list's name for an expected dataset, else the specification's title. */
  readonly title: LocalizedText;
  /** On the prioritized list for this kind of organization. */
  readonly expected: boolean;
  /** Its rank on the prioritized list, if it is on it. */
  readonly rank: number | null;
}

/**
 * Any specification may be published by any organization (a kommun that runs a regional service
 * publishes it too); the datasets expected of its kind come first, by rank, then the others in
 * the specifications' own order. See docs/decisions.md (35).
 */
export function publishableDatasets(
  organization: Pick<Organization, "types">,
  priority: readonly PriorityListEntry[],
  specifications: readonly SpecificationSummary[],
): PublishableDataset[] {
  const expected = expectedDatasets(organization, priority);
  const expectedSlugs = new Set(expected.map((entry) => entry.slug));
  const specified = new Set(specifications.map((s) => s.slug));
  return [
    ...expected
      .filter((entry) => specified.has(entry.slug))
      .map((entry) => ({ slug: entry.slug, title: entry.name, expected: true, rank: entry.rank })),
    ...specifications
      .filter((s) => !expectedSlugs.has(s.slug))
      .map((s) => ({ slug: s.slug, title: s.title, expected: false, rank: s.priorityRank })),
  ];
}
