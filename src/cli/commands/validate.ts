import { createReadStream, createWriteStream, statSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { createLogger } from "../../core/index.ts";
import { migrate, openPglite } from "../../db/index.ts";
import { RegistryService } from "../../registry/index.ts";
import { SpecsService } from "../../specs/index.ts";
import { renderSummary, TABLE_FORMATS, ValidationService, type TableFormat } from "../../validation/index.ts";
import { EXIT, JSON_OPTION, usageError, type Command } from "../command.ts";
import { runSeed } from "../platform.ts";

/** File bytes, reporting progress as they are read. */
async function* withProgress(
  path: string,
  size: number,
  report: (text: string) => void,
): AsyncGenerator<Uint8Array> {
  let read = 0;
  let shown = -1;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    read += chunk.byteLength;
    const percent = size === 0 ? 100 : Math.floor((read / size) * 100);
    if (percent !== shown) {
      shown = percent;
      report(`Läser ${path}: ${percent} % (${(read / 1e6).toFixed(1)} av ${(size / 1e6).toFixed(1)} MB)`);
    }
    yield chunk;
  }
}

export const validateCommand: Command = {
  name: "validate",
  summary: "Validera en fil mot en specifikation / Validate a file against a specification",
  usage: `dataverkstad validate FIL --spec SLUG [--version V] [--format F] [--org KOD] [--fix UT] [--json]

Kontrollerar filen mot specifikationen och säger på svenska exakt vad som behöver rättas.
Läser CSV (UTF-8 eller Windows-1252, komma, semikolon eller tabb, decimalkomma), JSON,
GeoJSON och Excel (.xlsx). Arbetar lokalt, utan att röra någon körande servers databas.

  --spec SLUG    specifikationen, till exempel badplatser
  --version V    en viss version (annars den senaste)
  --format F     csv, json, geojson eller xlsx (annars gissas det från innehållet)
  --org KOD      utgivarens kod: punkter utanför dess område blir varningar
  --fix UT       skriv en rättad fil till UT (UTF-8, komma, decimalpunkt)
  --json         skriv rapporten som JSON

Slutkoder: 0 filen är giltig, 1 filen har fel, 2 fel användning, 3 fel vid körningen.

Validates FILE against a specification; exit 0 valid, 1 invalid.`,
  options: {
    ...JSON_OPTION,
    spec: { type: "string" },
    version: { type: "string" },
    format: { type: "string" },
    org: { type: "string" },
    fix: { type: "string" },
  },
  async run(values, positionals, io) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) {
      throw usageError("Ange exakt en fil att validera.", "Give exactly one file to validate.");
    }
    const slug = values.spec;
    if (typeof slug !== "string")
      throw usageError("Ange specifikationen med --spec SLUG.", "Give the specification with --spec SLUG.");
    const format = values.format;
    if (format !== undefined && !TABLE_FORMATS.includes(format as TableFormat)) {
      throw usageError(
        `--format ska vara ett av ${TABLE_FORMATS.join(", ")}.`,
        `--format must be one of ${TABLE_FORMATS.join(", ")}.`,
      );
    }
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      throw usageError(
        `Filen ${file} finns inte eller går inte att läsa.`,
        `The file ${file} does not exist or cannot be read.`,
      );
    }

    // The same services as the server, on a private in-memory database seeded from the
    // reference data, so a running server's embedded database is never touched.
    const db = await openPglite();
    try {
      await migrate(db, createLogger("silent"));
      await runSeed(db);
      const validation = new ValidationService(new SpecsService(db), new RegistryService(db));
      const request = {
        slug,
        version: typeof values.version === "string" ? values.version : undefined,
        format: format as TableFormat | undefined,
        organizationCode: typeof values.org === "string" ? values.org : undefined,
      };
      const report = await validation.validate(
        withProgress(file, size, (text) => io.progress(text)),
        request,
      );
      if (typeof values.fix === "string") {
        const fixed = await validation.fix(createReadStream(file), request);
        await pipeline(Readable.from(fixed), createWriteStream(values.fix));
      }
      io.result(renderSummary(report, "sv"), report);
      return report.valid ? EXIT.ok : EXIT.invalid;
    } finally {
      await db.close();
    }
  },
};
