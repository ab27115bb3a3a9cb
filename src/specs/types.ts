import type { Localized, SpecificationDefinition } from "./definition.ts";

export const LEVELS = ["kommun", "region", "both"] as const;
export type Level = (typeof LEVELS)[number];

export const PRIORITY_STATUSES = ["specified", "in-progress", "identified"] as const;
export type PriorityStatus = (typeof PRIORITY_STATUSES)[number];

/** Whether an entry is confirmed on NDV's own list, or the platform's well-founded candidate. */
export const CONFIRMATIONS = ["official", "candidate"] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];

export interface HvdCategory {
  readonly uri: string;
  readonly label: Localized;
}

export interface PriorityListEntry {
  /** Position on the platform's list, 1–100. */
  readonly rank: number;
  /** The rank NDV gives the entry, where one is confirmed. */
  readonly officialRank: number | null;
  readonly slug: string;
  readonly name: Localized;
  readonly area: Localized;
  readonly level: Level;
  readonly hvdCategory: HvdCategory | null;
  readonly status: PriorityStatus;
  readonly confirmation: Confirmation;
  /** The public page the entry rests on. */
  readonly basisUrl: string;
  readonly notes: string;
  /** The current specification, where the platform has one. */
  readonly specification: { readonly slug: string; readonly version: string } | null;
}

export interface SpecificationSummary {
  readonly slug: string;
  readonly title: Localized;
  readonly description: Localized;
  readonly level: Level;
  readonly latestVersion: string;
  readonly versions: readonly string[];
  /** The entry on the prioritized list this specifies, if any. */
  readonly priorityRank: number | null;
}

export interface SpecificationVersion {
  readonly slug: string;
  readonly version: string;
  readonly published: string;
  readonly definition: SpecificationDefinition;
}
