import type { Language, Logger } from "../core/index.ts";

/** What middleware puts on each request's context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    language: Language;
  };
}
