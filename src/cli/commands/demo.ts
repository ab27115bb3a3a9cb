import { loadConfig } from "../../core/index.ts";
import { createServices } from "../../platform/index.ts";
import { fillDemo, removeDemo } from "../../demo/index.ts";
import { EXIT, JSON_OPTION, usageError, type Command } from "../command.ts";
import { cliLogger, runMigrations, runSeed, withDatabase } from "../platform.ts";

export const demoCommand: Command = {
  name: "demo",
  summary: "Fyll i eller ta bort demodata / Fill or remove demo content",
  usage: `dataverkstad demo fill|remove [--json]

fill     fyller en tom plattform med syntetiska publiceringar, märkta som demo
         (samma som serve --demo gör vid start)
remove   tar bort all demodata: dess rader, releaser och publiceringar. Riktiga
         publiceringar ligger kvar. Körs när servern inte kör (eller mot PostgreSQL).

Fills or removes the synthetic demo content.`,
  options: { ...JSON_OPTION },
  async run(_values, positionals, io) {
    const action = positionals.join(" ");
    if (action !== "fill" && action !== "remove") {
      throw usageError('Ange "fill" eller "remove".', 'Give "fill" or "remove".');
    }
    const config = loadConfig(io.env);
    const logger = cliLogger(config);
    return withDatabase(config, logger, async (db) => {
      await runMigrations(db, logger);
      await runSeed(db);
      if (action === "remove") {
        const removed = await removeDemo(db);
        io.result(`Tog bort ${removed.rows} demorader i ${removed.publications} publiceringar.`, removed);
      } else {
        const filled = await fillDemo(createServices(db, config), logger);
        io.result(
          filled.skipped
            ? "Demodata finns redan; inget ändrades."
            : `Publicerade ${filled.rows} demorader i ${filled.publications} publiceringar.`,
          filled,
        );
      }
      return EXIT.ok;
    });
  },
};
