import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AppError } from "../core/index.ts";
import { specificationDefinition, type SpecificationDefinition } from "./definition.ts";

const DEFINITIONS_DIR = fileURLToPath(new URL("./definitions/", import.meta.url));

export interface LoadedDefinition {
  readonly definition: SpecificationDefinition;
  /** sha256 of the file: a published version must keep it. */
  readonly checksum: string;
  readonly file: string;
}

function definitionError(file: string, problem: string): AppError {
  return new AppError(
    "INTERNAL",
    {
      sv: `Specifikationen i ${file} är ogiltig: ${problem}`,
      en: `The specification in ${file} is invalid: ${problem}`,
    },
    { details: { file } },
  );
}

/** Every specification version shipped with the platform, `definitions/{slug}/{version}.json`. */
export function loadDefinitions(dir: string = DEFINITIONS_DIR): LoadedDefinition[] {
  const loaded: LoadedDefinition[] = [];
  for (const slug of readdirSync(dir).sort()) {
    for (const name of readdirSync(join(dir, slug)).sort()) {
      if (!name.endsWith(".json")) continue;
      const file = `${slug}/${name}`;
      const text = readFileSync(join(dir, slug, name), "utf8");
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw definitionError(file, (error as Error).message);
      }
      const parsed = specificationDefinition.safeParse(json);
      if (!parsed.success) throw definitionError(file, parsed.error.message);
      const definition = parsed.data;
      if (definition.slug !== slug || `${definition.version}.json` !== name) {
        throw definitionError(
          file,
          `slug and version must match the path (found ${definition.slug} ${definition.version})`,
        );
      }
      loaded.push({ definition, checksum: createHash("sha256").update(text).digest("hex"), file });
    }
  }
  return loaded;
}

/** Semantic-version order: 1.10.0 after 1.9.0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
