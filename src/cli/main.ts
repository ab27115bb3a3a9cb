import { parseArgs } from "node:util";
import { isAppError, type AppError } from "../core/index.ts";
import { EXIT, type Command, type CommandIo, type ExitCode } from "./command.ts";
import { tokenCommand, userCommand } from "./commands/accounts.ts";
import { demoCommand } from "./commands/demo.ts";
import { harvestCommand } from "./commands/harvest.ts";
import { migrateCommand } from "./commands/migrate.ts";
import { publishCommand } from "./commands/publish.ts";
import { seedCommand } from "./commands/seed.ts";
import { serveCommand } from "./commands/serve.ts";
import { validateCommand } from "./commands/validate.ts";

const COMMANDS: readonly Command[] = [
  serveCommand,
  migrateCommand,
  seedCommand,
  publishCommand,
  harvestCommand,
  demoCommand,
  validateCommand,
  userCommand,
  tokenCommand,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "Dataverkstad – nationell plattform för öppna data från kommuner och regioner",
    "",
    "Användning / Usage: dataverkstad <kommando> [flaggor]",
    "",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Varje kommando tar --help och --json. Slutkoder: 0 klart, 1 ogiltiga data, 2 fel användning, 3 fel.",
  ].join("\n");
}

/** Where results and errors go: the process's streams, or a test's buffers (tests call main in-process). */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

const PROCESS_OUTPUT: CliOutput = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
};

function makeIo(json: boolean, env: NodeJS.ProcessEnv, out: CliOutput): CommandIo {
  return {
    json,
    env,
    result(human, data) {
      out.stdout((json ? JSON.stringify(data) : human) + "\n");
    },
    progress(text) {
      if (!json && process.stderr.isTTY) out.stderr(text + "\n");
    },
  };
}

function reportError(error: AppError | Error, json: boolean, out: CliOutput): void {
  if (json) {
    const body = isAppError(error)
      ? { error: { code: error.code, message: error.text.sv, details: error.details } }
      : { error: { code: "INTERNAL", message: error.message } };
    out.stdout(JSON.stringify(body) + "\n");
  } else {
    out.stderr(`Fel: ${isAppError(error) ? error.text.sv : error.message}\n`);
  }
}

export async function main(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  out: CliOutput = PROCESS_OUTPUT,
): Promise<ExitCode> {
  const [name, ...rest] = argv;
  const wantsJson = rest.includes("--json");
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    out.stdout(overview() + "\n");
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    reportError(
      new Error(`okänt kommando "${name}". Kända kommandon: ${COMMANDS.map((c) => c.name).join(", ")}.`),
      wantsJson,
      out,
    );
    return EXIT.usage;
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    reportError(new Error(`${(error as Error).message}\n\n${command.usage}`), wantsJson, out);
    return EXIT.usage;
  }
  if (parsed.values.help === true) {
    out.stdout(command.usage + "\n");
    return EXIT.ok;
  }
  try {
    return await command.run(
      parsed.values,
      parsed.positionals,
      makeIo(parsed.values.json === true, env, out),
    );
  } catch (error) {
    reportError(error instanceof Error ? error : new Error(String(error)), wantsJson, out);
    return isAppError(error) && error.code === "BAD_REQUEST" ? EXIT.usage : EXIT.failure;
  }
}
