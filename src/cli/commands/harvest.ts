import { userInfo } from "node:os";
import { isAppError, isOrganizationCode, loadConfig } from "../../core/index.ts";
import type { HarvestRun } from "../../catalog/index.ts";
import { createServices } from "../../platform/index.ts";
import { EXIT, JSON_OPTION, requireString, usageError, type Command } from "../command.ts";
import { cliLogger, runMigrations, runSeed, withDatabase } from "../platform.ts";

function summary(run: HarvestRun, code: string): string {
  const c = run.counts;
  const notes = run.notes.length === 0 ? "" : `\n${run.notes.map((n) => `  – ${n.sv}`).join("\n")}`;
  switch (run.status) {
    case "harvested":
      return (
        `Skördade ${run.url} för ${code}: ${c.added} nya, ${c.updated} ändrade, ${c.unchanged} oförändrade, ` +
        `${c.tombstoned} borttagna datamängder` +
        (c.rejected === 0
          ? "."
          : `; ${c.rejected} uppfyller inte DCAT-AP-SE och lämnas utanför katalogen (se förhandskontrollen).`) +
        notes
      );
    case "unchanged":
      return `Katalogen ${run.url} är oförändrad sedan förra skördningen; ${c.unchanged} datamängder ligger kvar.${notes}`;
    case "failed":
      return `Skördningen av ${run.url} misslyckades: ${run.error?.sv ?? ""}\nTidigare skördade uppgifter ligger kvar oförändrade.`;
  }
}

export const harvestCommand: Command = {
  name: "harvest",
  summary: "Skörda en organisations DCAT-AP-SE-katalog / Harvest an organization's catalog",
  usage: `dataverkstad harvest URL --org KOD [--interval MINUTER] [--json]

Registrerar (eller återanvänder) URL:en som organisationens skördekälla och skördar den nu:
katalogen (RDF/XML, Turtle eller JSON-LD) läses, normaliseras och prövas mot DCAT-AP-SE, och
dess datamängder tas med i plattformens katalog. Därefter skördas den enligt schemat
(--interval, standard ett dygn). Körs mot databasen direkt (DATABASE_URL, eller DATA_DIR när
servern inte kör).

Slutkoder: 0 skördad eller oförändrad, 1 källan misslyckades (nätverk, fel i dokumentet,
för stor, för långsam, otillåten adress), 2 fel användning, 3 fel.

Registers (or reuses) the URL as the organization's harvest source and harvests it now.`,
  options: { ...JSON_OPTION, org: { type: "string" }, interval: { type: "string" } },
  async run(values, positionals, io) {
    const [url, ...extra] = positionals;
    if (url === undefined || extra.length > 0)
      throw usageError("Ange precis en URL att skörda.", "Give exactly one URL to harvest.");
    const code = requireString(values.org, "--org");
    if (!isOrganizationCode(code))
      throw usageError(
        `--org ska vara en kommunkod (fyra siffror) eller en regions länskod (två); fick "${code}".`,
        `--org must be a municipality code (four digits) or a region's county code (two); got "${code}".`,
      );
    let intervalMinutes: number | undefined;
    if (values.interval !== undefined) {
      intervalMinutes = Number(requireString(values.interval, "--interval"));
      if (!Number.isInteger(intervalMinutes))
        throw usageError(
          "--interval ska vara ett helt antal minuter.",
          "--interval must be a whole number of minutes.",
        );
    }
    const config = loadConfig(io.env);
    const logger = cliLogger(config);
    return withDatabase(config, logger, async (db) => {
      await runMigrations(db, logger);
      await runSeed(db);
      const { harvest } = createServices(db, config);
      const audit = { actor: `cli:${userInfo().username}`, fromAddress: null };
      io.progress(`Skördar ${url} …`);
      let result;
      try {
        result = await harvest.registerAndRun(code, { url, intervalMinutes }, audit);
      } catch (error) {
        // A URL the platform may not fetch is the source failing, not a usage error.
        const details = isAppError(error) ? (error.details as { kind?: string } | undefined) : undefined;
        if (isAppError(error) && details?.kind !== undefined) {
          io.result(`Skördningen av ${url} vägrades: ${error.text.sv}`, {
            status: "failed",
            error: { code: error.code, kind: details.kind, message: error.text.sv, messageEn: error.text.en },
          });
          return EXIT.invalid;
        }
        throw error;
      }
      const { source, run } = result;
      io.result(summary(run, code), {
        source: { id: source.id, organization: source.organizationCode, url: source.url },
        status: run.status,
        counts: run.counts,
        error:
          run.error === null
            ? null
            : { kind: run.error.kind, message: run.error.sv, messageEn: run.error.en },
        notes: run.notes.map((n) => n.sv),
        durationMs: run.durationMs,
      });
      return run.status === "failed" ? EXIT.invalid : EXIT.ok;
    });
  },
};
