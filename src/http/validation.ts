import type { Context } from "hono";
import { z } from "zod";
import { AppError, type LocalizedText } from "../core/index.ts";

const svLocale = z.locales.sv();
const enLocale = z.locales.en();

type Issue = z.core.$ZodIssue;

function messageOf(result: string | { message: string } | undefined | null): string | undefined {
  return typeof result === "string" ? result : (result?.message ?? undefined);
}

// Schemas with a message of their own write it as "svenska / English".
function localize(issue: Issue): LocalizedText {
  const [sv, en] = issue.message.split(" / ");
  if (sv !== undefined && en !== undefined) return { sv, en };
  const raw = issue as unknown as z.core.$ZodRawIssue;
  return {
    sv: messageOf(svLocale.localeError(raw)) ?? issue.message,
    en: messageOf(enLocale.localeError(raw)) ?? issue.message,
  };
}

const TARGET_NAMES: Readonly<Record<string, LocalizedText>> = {
  query: { sv: "frågeparametern", en: "query parameter" },
  param: { sv: "sökvägsparametern", en: "path parameter" },
  json: { sv: "fältet", en: "field" },
  header: { sv: "rubriken", en: "header" },
};

/**
 * Turns schema failures at the edge into one BAD_REQUEST that says, per problem, where it
 * was, what was expected and what was found.
 */
export function validationError(target: string, error: z.ZodError, c: Context): AppError {
  const problems = error.issues.map((issue) => {
    const name = issue.path.join(".");
    const first = issue.path[0];
    const found =
      typeof first === "string" && target === "query"
        ? c.req.query(first)
        : typeof first === "string" && target === "param"
          ? c.req.param(first)
          : undefined;
    return { where: { target, name }, text: localize(issue), found };
  });
  const describe = (language: "sv" | "en") =>
    problems
      .map((p) => {
        const targetName = TARGET_NAMES[p.where.target]?.[language] ?? p.where.target;
        const foundText =
          p.found === undefined ? "" : language === "sv" ? ` (fick "${p.found}")` : ` (got "${p.found}")`;
        return `${targetName} ${p.where.name}: ${p.text[language]}${foundText}`;
      })
      .join("; ");
  return new AppError(
    "BAD_REQUEST",
    { sv: `Ogiltig begäran: ${describe("sv")}`, en: `Invalid request: ${describe("en")}` },
    {
      details: problems.map((p) => ({
        in: p.where.target,
        name: p.where.name,
        message: p.text.sv,
        ...(p.found === undefined ? {} : { found: p.found.slice(0, 200) }),
      })),
    },
  );
}
