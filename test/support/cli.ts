import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.ts";

export const BIN = fileURLToPath(new URL("../../bin/dataverkstad.mjs", import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `dataverkstad` command in a child process. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs the command in this process, as bin/dataverkstad.mjs does (its exit code is main's result):
 * the same output and exit code without starting Node, tsx and PGlite's WebAssembly again (seconds
 * each). For tests of what a command does; tests of the process itself (locks between processes,
 * signals, serve) use runCli.
 */
export async function callCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(
    args,
    { ...process.env, ...env },
    {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
    },
  );
  return { code, stdout, stderr };
}

/** Starts `dataverkstad serve --json` and resolves with its URL once it listens. */
export function startCliServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "serve", "--json"], {
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env },
    });
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split("\n")) {
        if (line.includes('"url"') && line.includes('"pid"')) {
          resolve({ child, url: (JSON.parse(line) as { url: string }).url });
        }
      }
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${buffer}`)));
  });
}
