import { loadConfig } from "../../core/index.ts";
import { EXIT, JSON_OPTION, type Command } from "../command.ts";
import { cliLogger, runMigrations, withDatabase } from "../platform.ts";

export const migrateCommand: Command = {
  name: "migrate",
  summary: "Kör databasens migreringar / Apply database migrations",
  usage: `dataverkstad migrate [--json]

Kör de SQL-migreringar som saknas, var och en i en egen transaktion. Säker att köra
flera gånger och från flera processer samtidigt (ett lås ser till att varje migrering
körs exakt en gång). Använder DATABASE_URL om den är satt, annars den inbäddade
databasen i DATA_DIR (standard ./data).

Applies pending migrations; idempotent and safe to run concurrently.`,
  options: JSON_OPTION,
  async run(_values, _positionals, io) {
    const config = loadConfig(io.env);
    const logger = cliLogger(config);
    const outcome = await withDatabase(config, logger, (db) => runMigrations(db, logger));
    io.result(
      outcome.applied.length === 0
        ? `Databasen är redan aktuell (${outcome.alreadyApplied.length} migreringar).`
        : `Körde ${outcome.applied.length} migreringar: ${outcome.applied.join(", ")}.`,
      outcome,
    );
    return EXIT.ok;
  },
};
