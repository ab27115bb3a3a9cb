// Placeholder until the web pages land (being written now).
import { Hono } from "hono";
import type { AppError, Language } from "../core/index.ts";
import type { RegistryService } from "../registry/index.ts";

/** What the web pages read from the request context (set by the HTTP layer's middleware). */
export interface WebEnv {
  Variables: { language: Language; requestId: string };
}

export interface WebDependencies {
  readonly registry: RegistryService;
  readonly openApiDocument: () => unknown;
}

export function webRoutes(_deps: WebDependencies) {
  return new Hono<WebEnv>();
}

export function webErrorPage(error: AppError, language: Language): string {
  return `<!doctype html><html lang="${language}"><title>${error.code}</title><p>${error.text[language]}</p></html>`;
}
