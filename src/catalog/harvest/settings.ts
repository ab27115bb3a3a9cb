// The harvest's caps from the environment: HARVEST_MAX_BYTES, HARVEST_TIMEOUT_MS and
// HARVEST_IDLE_TIMEOUT_MS (defaults in HARVEST_DEFAULTS). A bad value names its variable.
import { z } from "zod";
import { parseEnv } from "../../core/index.ts";
import type { HarvestSettings } from "./service.ts";

const positive = z.coerce.number().int().positive().optional();
const schema = z.object({
  HARVEST_MAX_BYTES: positive,
  HARVEST_TIMEOUT_MS: positive,
  HARVEST_IDLE_TIMEOUT_MS: positive,
});

export function harvestSettingsFromEnv(env: NodeJS.ProcessEnv): HarvestSettings {
  const e = parseEnv(schema, env);
  return {
    ...(e.HARVEST_MAX_BYTES === undefined ? {} : { maxBytes: e.HARVEST_MAX_BYTES }),
    ...(e.HARVEST_TIMEOUT_MS === undefined ? {} : { timeoutMs: e.HARVEST_TIMEOUT_MS }),
    ...(e.HARVEST_IDLE_TIMEOUT_MS === undefined ? {} : { idleTimeoutMs: e.HARVEST_IDLE_TIMEOUT_MS }),
  };
}
