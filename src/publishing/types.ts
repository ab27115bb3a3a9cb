import type { AuditContext } from "../accounts/index.ts";
import type { TableFormat } from "../validation/index.ts";

export const RELEASE_STATUSES = ["published", "partial", "rejected"] as const;
/** published: every row; partial: only the valid rows, by the publisher's choice; rejected: none. */
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

export const RELEASE_ORIGINS = ["upload", "url", "demo"] as const;
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
  readonly demo: boolean;
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
}
