import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DirectoryFileStore } from "../../src/files/index.ts";
import type { Database } from "../../src/db/index.ts";
import { PublishingService, type Release } from "../../src/publishing/index.ts";
import { RegistryService } from "../../src/registry/index.ts";
import { SpecsService } from "../../src/specs/index.ts";
import { ValidationService } from "../../src/validation/index.ts";

/** A file store in a fresh temporary directory. */
export async function temporaryFileStore(): Promise<{
  files: DirectoryFileStore;
  root: string;
  remove(): Promise<void>;
}> {
  const root = await mkdtemp(join(tmpdir(), "dv-store-"));
  return {
    files: new DirectoryFileStore(root),
    root,
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** A CSV published as an upload by the test itself; the release must come out published. */
export async function publishCsv(
  publishing: PublishingService,
  organizationCode: string,
  slug: string,
  csv: string,
): Promise<Release> {
  const release = await publishing.publish({
    organizationCode,
    slug,
    body: [Buffer.from(csv)],
    mode: "all",
    origin: "upload",
    audit: { actor: "system:test" },
  });
  assert.equal(release.status, "published", `${organizationCode} ${slug}: ${release.status}`);
  return release;
}

export function publishingService(db: Database, files: DirectoryFileStore): PublishingService {
  const registry = new RegistryService(db);
  const specs = new SpecsService(db);
  return new PublishingService(db, registry, specs, new ValidationService(specs, registry), files);
}

const BADPLATSER_HEADER =
  "source;id;name;description;latitude;longitude;water_type;shore;eu_bath;toilet;accessible;updated";

/** A badplatser CSV as a Swedish office writes it (`;`, decimal comma) for Linköping (0580). */
export function badplatserCsv(
  rows: readonly {
    id: string;
    name: string;
    lat?: string;
    lon?: string;
    source?: string;
    description?: string;
  }[],
): string {
  const lines = rows.map((r) =>
    [
      r.source ?? "0580",
      r.id,
      r.name,
      r.description ?? "Badplats vid sjön",
      r.lat ?? "58,4109",
      r.lon ?? "15,6216",
      "sjo",
      "sand",
      "nej",
      "ja",
      "ja",
      "2026-06-01",
    ].join(";"),
  );
  return [BADPLATSER_HEADER, ...lines].join("\r\n") + "\r\n";
}
