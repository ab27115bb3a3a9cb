import type { Principal } from "../accounts/index.ts";
import type { Language, Logger } from "../core/index.ts";

/** What middleware puts on each request's context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    language: Language;
    /** Who is asking, when they signed in or sent a token. */
    principal?: Principal;
  };
}
