// The composition root: the domain services wired together once, for the HTTP app, the CLI and
// the background jobs alike, so every entry point runs the same code.
import { join } from "node:path";
import { AccountsService } from "../accounts/index.ts";
import {
  CatalogSearch,
  CatalogService,
  DescribedDatasets,
  HarvestService,
  harvestSearchFeeds,
  LinkChecker,
  harvestSettingsFromEnv,
  type HarvestSettings,
} from "../catalog/index.ts";
import { DatasetQueryService } from "../consolidation/index.ts";
import type { Config, Logger } from "../core/index.ts";
import type { Database } from "../db/index.ts";
import { DirectoryFileStore, type FileStore } from "../files/index.ts";
import { ProgressService } from "../progress/index.ts";
import { PublishingService } from "../publishing/index.ts";
import { RegistryService } from "../registry/index.ts";
import { SpecsService } from "../specs/index.ts";
import { ValidationService } from "../validation/index.ts";

export interface Services {
  readonly db: Database;
  readonly registry: RegistryService;
  readonly specs: SpecsService;
  readonly validation: ValidationService;
  readonly accounts: AccountsService;
  readonly files: FileStore;
  readonly publishing: PublishingService;
  readonly data: DatasetQueryService;
  readonly progress: ProgressService;
  readonly catalog: CatalogService;
  readonly catalogSearch: CatalogSearch;
  readonly harvest: HarvestService;
  readonly linkChecks: LinkChecker;
  readonly described: DescribedDatasets;
}

/** Originals live under DATA_DIR/files unless a store is given (tests, object storage). */
export function createServices(
  db: Database,
  config: Pick<Config, "dataDir"> &
    Partial<Pick<Config, "allowedPrivateHosts" | "maxUploadBytes">> & {
      /** Caps and timeouts of harvesting; HARVEST_* from the environment when not given. */
      readonly harvest?: HarvestSettings;
      /** Where background work (URL source fetches) reports errors that are no fetch failure. */
      readonly logger?: Logger;
    },
  files?: FileStore,
): Services {
  const registry = new RegistryService(db);
  const specs = new SpecsService(db);
  const validation = new ValidationService(specs, registry);
  const store = files ?? new DirectoryFileStore(join(config.dataDir, "files"));
  const catalog = new CatalogService(db, specs, registry);
  const harvest = new HarvestService(db, registry, {
    ...(config.harvest ?? harvestSettingsFromEnv(process.env)),
    allowedPrivateHosts: config.allowedPrivateHosts ?? [],
  });
  return {
    db,
    registry,
    specs,
    validation,
    accounts: new AccountsService(db),
    files: store,
    publishing: new PublishingService(db, registry, specs, validation, store, {
      allowedPrivateHosts: config.allowedPrivateHosts ?? [],
      ...(config.maxUploadBytes === undefined ? {} : { maxBytes: config.maxUploadBytes }),
      onUnexpectedError: (error, context) =>
        config.logger?.error("source fetch failed unexpectedly", { ...context, error }),
    }),
    data: new DatasetQueryService(db, specs),
    progress: new ProgressService(db, registry, specs),
    catalog,
    catalogSearch: new CatalogSearch(db, [catalog.searchFeeds(), harvestSearchFeeds(db)]),
    harvest,
    described: new DescribedDatasets(db, harvest),
    linkChecks: new LinkChecker(db, { allowedPrivateHosts: config.allowedPrivateHosts ?? [] }),
  };
}
