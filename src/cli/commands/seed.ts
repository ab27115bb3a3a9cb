import { loadConfig } from "../../core/index.ts";
import { EXIT, JSON_OPTION, type Command } from "../command.ts";
import { cliLogger, runMigrations, runSeed, withDatabase } from "../platform.ts";

export const seedCommand: Command = {
  name: "seed",
  summary: "Fyll registret med referensdata / Load the registry's reference data",
  usage: `dataverkstad seed [--json]

Migrerar vid behov och läser in registrets referensdata: 21 län, 290 kommuner,
21 regioner (310 organisationer) och deras gränser. Idempotent: en andra körning
ändrar ingenting.

Migrates if needed and loads the registry (idempotent).`,
  options: JSON_OPTION,
  async run(_values, _positionals, io) {
    const config = loadConfig(io.env);
    const logger = cliLogger(config);
    const outcome = await withDatabase(config, logger, async (db) => {
      await runMigrations(db, logger);
      return runSeed(db);
    });
    const r = outcome.registry;
    io.result(
      `Registret är inläst: ${r.organizations} organisationer, ${r.lan} län, ${r.boundaries} gränser.`,
      outcome,
    );
    return EXIT.ok;
  },
};
