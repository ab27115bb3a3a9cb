import type { AuditContext } from "../accounts/index.ts";
import type { TableFormat } from "../validation/index.ts";

export const RELEASE_STATUSES = ["published", "partial", "rejected", "held", "withdrawn"] as const;
/**
 * published: every row; partial: only the valid rows, by the publisher's choice; rejected: none;
 * held: it would remove all or most of the organization's rows, and waits for confirmation;
 * withdrawn: a header-only file, confirmed, that removed the organization's rows.
 */
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

/** How a release came: a web or API upload, the CLI, a URL source, demo mode, or a rollback. */
export const RELEASE_ORIGINS = ["upload", "url", "demo", "cli", "restore"] as const;
export type ReleaseOrigin = (typeof RELEASE_ORIGINS)[number];

/** What to do with a file that has errors: refuse it, or publish the rows without errors. */
export const PUBLISH_MODES = ["all", "valid-rows"] as const;
export type PublishMode = (typeof PUBLISH_MODES)[number];

/** An immutable release: one file a publication received, with what became of it. */
export interface Release {
  readonly id: string;
  readonly organizationCode: string;
  readonly slug: string;
  readonly specVersion: string;
  readonly status: ReleaseStatus;
  readonly origin: ReleaseOrigin;
  readonly file: {
    readonly sha256: string;
    readonly bytes: number;
    readonly name: string | null;
    readonly format: TableFormat;
  };
  readonly rows: { readonly total: number; readonly published: number };
  /** What the release changed in the national dataset; null for a rejected file. */
  readonly changes: { readonly added: number; readonly changed: number; readonly removed: number } | null;
  readonly createdAt: Date;
  readonly createdBy: string;
  /** Who published it, as a person reads it: the user's name (also of a token's owner), or the actor. */
  readonly createdByName: string;
  readonly demo: boolean;
  /** A held release: the current release it was measured against. */
  readonly basedOn: string | null;
  /** A rollback: the earlier release it made current again. */
  readonly restoredFrom: string | null;
  /** Errors and warnings counted in its report. */
  readonly errors: number;
  readonly warnings: number;
}

export type PublicationSource =
  | { readonly kind: "upload" }
  | {
      readonly kind: "url";
      readonly url: string;
      readonly intervalMinutes: number;
      readonly nextFetchAt: Date | null;
      readonly lastFetchAt: Date | null;
      readonly lastFetchError: { readonly sv: string; readonly en: string } | null;
    };

/** An organization's publication of one specification. */
export interface Publication {
  readonly organizationCode: string;
  readonly slug: string;
  readonly source: PublicationSource;
  /** The release the national dataset holds; null until a file was published. */
  readonly currentRelease: Release | null;
  /** The newest release; differs from the current one when the last file was rejected. */
  readonly latestRelease: Release | null;
  readonly demo: boolean;
  readonly updatedAt: Date;
}

export interface PublishRequest {
  readonly organizationCode: string;
  readonly slug: string;
  /** The file; read once, streamed to the file store. */
  readonly body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  readonly fileName?: string | undefined;
  /** Sniffed when undefined. */
  readonly format?: TableFormat | undefined;
  readonly mode: PublishMode;
  readonly origin: ReleaseOrigin;
  readonly audit: AuditContext;
  /** Said by demo mode only. */
  readonly demo?: boolean;
  /** The publisher confirmed in advance that the release may remove all or most of the rows. */
  readonly confirmRemovals?: boolean;
}

/** What a held release would do, for the confirm page and the 409 answer. */
export interface RemovalPreview {
  readonly release: Release;
  /** The organization's rows in the national dataset now. */
  readonly current: number;
  readonly wouldAdd: number;
  readonly wouldRemove: number;
  /** False once another release became current: confirming is then refused. */
  readonly confirmable: boolean;
  /** The first rows that would go: the national id's record part and the row's name, if any. */
  readonly removedRows: readonly { readonly recordId: string; readonly name: string | null }[];
}

/** One row that differs between two releases. */
export interface DiffRow {
  readonly recordId: string;
  readonly name: string | null;
  /** Changed rows: each changed field with its value in the earlier and the later release. */
  readonly fields?: readonly { readonly field: string; readonly from: unknown; readonly to: unknown }[];
}

/** What changed from one release (`against`) to another (`release`). */
export interface ReleaseDiff {
  readonly release: Release;
  readonly against: Release;
  readonly counts: { readonly added: number; readonly changed: number; readonly removed: number };
  /** The first rows of each kind, by record id; at most `limit` of each. */
  readonly added: readonly DiffRow[];
  readonly changed: readonly DiffRow[];
  readonly removed: readonly DiffRow[];
  readonly limit: number;
}
