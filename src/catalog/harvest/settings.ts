// The harvest's caps from the environment: HARVEST_MAX_BYTES, HARVEST_TIMEOUT_MS and
// HARVEST_IDLE_TIMEOUT_MS (defaults in HARVEST_DEFAULTS). A bad value names its variable.
import { z } from "zod";
import { AppError } from "../../core/index.ts";
import type { HarvestSettings } from "./service.ts";

const positive = z.coerce.number().int().positive().optional();
const schema = z.object({
  HARVEST_MAX_BYTES: positive,
  HARVEST_TIMEOUT_MS: positive,
  HARVEST_IDLE_TIMEOUT_MS: positive,
});

export function harvestSettingsFromEnv(env: NodeJS.ProcessEnv): HarvestSettings {
  const present = Object.fromEntries(
    Object.entries(env).filter(
      ([key, value]) => key.startsWith("HARVEST_") && value !== undefined && value !== "",
    ),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new AppError(
      "BAD_REQUEST",
      {
        sv: `Ogiltig konfiguration: ${problems.join("; ")}`,
        en: `Invalid configuration: ${problems.join("; ")}`,
      },
      { details: problems },
    );
  }
  const e = parsed.data;
  return {
    ...(e.HARVEST_MAX_BYTES === undefined ? {} : { maxBytes: e.HARVEST_MAX_BYTES }),
    ...(e.HARVEST_TIMEOUT_MS === undefined ? {} : { timeoutMs: e.HARVEST_TIMEOUT_MS }),
    ...(e.HARVEST_IDLE_TIMEOUT_MS === undefined ? {} : { idleTimeoutMs: e.HARVEST_IDLE_TIMEOUT_MS }),
  };
}
