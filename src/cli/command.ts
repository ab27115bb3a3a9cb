import type { ParseArgsConfig } from "node:util";
import { AppError } from "../core/index.ts";

/** Exit codes of every command (DESIGN.md): 0 ok, 1 data invalid, 2 usage error, 3 failure. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, failure: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CommandIo {
  readonly json: boolean;
  /** Machine-readable result with --json, a human line otherwise. */
  result(human: string, data: unknown): void;
  /** Progress and notes for a person; silent with --json and when stderr is not a terminal. */
  progress(text: string): void;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig["options"]>;
  run(
    values: Record<string, string | boolean | undefined>,
    positionals: string[],
    io: CommandIo,
  ): Promise<ExitCode>;
}

export const JSON_OPTION = { json: { type: "boolean" } } as const;

/** A usage error (exit 2) in both languages. */
export function usageError(sv: string, en: string): AppError {
  return new AppError("BAD_REQUEST", { sv, en });
}

export function requireString(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== "string" || value === "") throw usageError(`Ange ${flag}.`, `Give ${flag}.`);
  return value;
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw usageError(
      `${flag} ska vara ett av ${allowed.join(", ")}; fick "${value}".`,
      `${flag} must be one of ${allowed.join(", ")}; got "${value}".`,
    );
  }
  return value as T;
}
