import { AccountsService } from "../../accounts/index.ts";
import { loadConfig } from "../../core/index.ts";
import { openDatabase } from "../../db/index.ts";
import { fillDemo } from "../../demo/index.ts";
import { createApp, installProcessGuard, startServer } from "../../http/index.ts";
import { platformJobs, startScheduler } from "../../jobs/index.ts";
import { createServices } from "../../platform/index.ts";
import { prepareValidationWorkers } from "../../validation/index.ts";
import { sweepUploadLeftovers } from "../../web/index.ts";
import { EXIT, JSON_OPTION, type Command } from "../command.ts";
import { cliLogger, runMigrations, runSeed } from "../platform.ts";

export const serveCommand: Command = {
  name: "serve",
  summary: "Starta webbplatsen och API:t / Start the web site and the API",
  usage: `dataverkstad serve [--port N] [--no-seed] [--demo] [--json]

Migrerar databasen, läser in registrets referensdata och startar servern på PORT
(standard 3000). Utan DATABASE_URL används den inbäddade databasen i DATA_DIR.
Loggar skrivs som JSON-rader på standard ut. Stoppas med Ctrl+C (SIGINT) eller SIGTERM.

  --port N     lyssna på port N (annars PORT eller 3000)
  --no-seed    hoppa över inläsningen av referensdata
  --demo       fyll en tom plattform med syntetiska exempelpubliceringar, märkta som demo
               (i bakgrunden, efter start; tas bort med dataverkstad demo remove)
  --json       skriv adressen som JSON när servern lyssnar

Migrates, seeds the registry and serves.`,
  options: {
    ...JSON_OPTION,
    port: { type: "string" },
    "no-seed": { type: "boolean" },
    demo: { type: "boolean" },
  },
  async run(values, _positionals, io) {
    const config = loadConfig({
      ...io.env,
      ...(typeof values.port === "string" ? { PORT: values.port } : {}),
    });
    const logger = cliLogger(config, true);
    const db = await openDatabase(config, logger);
    try {
      await runMigrations(db, logger);
      if (values["no-seed"] !== true) {
        const seeded = await runSeed(db);
        logger.info("registry seeded", seeded);
      }
      const admin = await new AccountsService(db).ensureFirstAdministrator({
        email: config.adminEmail,
        password: config.adminPassword,
      });
      if (admin !== undefined) {
        logger.info("first administrator created", { email: admin.user.email });
        // Printed once, outside the structured log: it is a secret and is not stored anywhere in clear.
        if (admin.generatedPassword !== undefined) {
          process.stdout.write(
            `\nFörsta administratören: ${admin.user.email}\nLösenord (visas bara nu): ${admin.generatedPassword}\n\n`,
          );
        }
      }
    } catch (error) {
      await db.close();
      throw error;
    }
    const services = createServices(db, { ...config, logger });
    const recovered = await services.publishing.recover();
    if (recovered.temporaryFiles + recovered.stagedRows > 0)
      logger.info("cleared interrupted publishes", recovered);
    const leftovers = await sweepUploadLeftovers();
    if (leftovers > 0) logger.info("removed upload leftovers", { directories: leftovers });
    prepareValidationWorkers();
    const app = createApp({ db, logger, config, services });
    const running = await startServer(app.fetch, {
      port: config.port,
      host: config.host,
      logger,
      bodyTimeoutMs: Math.max(config.requestTimeoutMs, config.uploadTimeoutMs),
    });
    logger.info("listening", { url: running.url, database: db.kind });
    io.result(`Dataverkstad körs på ${running.url} (databas: ${db.kind}).`, {
      url: running.url,
      database: db.kind,
      pid: process.pid,
    });

    // After listening, so the site answers at once while the demo fills in the background.
    const demo =
      values.demo === true
        ? fillDemo(services, logger)
            .then(async (outcome) => {
              logger.info("demo content", { ...outcome });
              await services.progress.recordSnapshot();
            })
            .catch((error: unknown) => logger.error("demo content failed", { error }))
        : Promise.resolve();
    const scheduler = startScheduler(platformJobs(services), logger);
    const fatal = await new Promise<boolean>((resolve) => {
      const stop = (signal: string, failed = false) => {
        logger.info("stopping", { signal });
        resolve(failed);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      // An exception the guard cannot vouch for: stop taking requests and exit non-zero, so the
      // supervisor starts a clean process (docs/decisions.md, 35).
      installProcessGuard(logger, () => stop("uncaught exception", true));
    });
    if (fatal) {
      // In-flight requests get a while to finish; a stuck one must not keep a broken process alive.
      setTimeout(() => process.exit(EXIT.failure), 10_000).unref();
    }
    await running.close();
    await scheduler.stop();
    await services.publishing.drainFetches();
    await demo;
    await db.close();
    return fatal ? EXIT.failure : EXIT.ok;
  },
};
