import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN } from "./cli.ts";
import { createTestDatabase, type TestDatabase } from "./platform.ts";

export const ADMIN = { email: "admin@dataverkstad.test", password: "ett långt lösenord för test" };

/**
 * The real `dataverkstad serve` in a child process, on PGlite in its own DATA_DIR or on a fresh
 * PostgreSQL database (TEST_DATABASE_URL): the honest check that a request cannot take the
 * process down, and that it leaves no files behind.
 */
export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Its structured log lines (warn and above). */
  readonly logs: Record<string, unknown>[];
  alive(): boolean;
  /** Resident memory of the server process, in bytes. */
  rssBytes(): number;
  /** Its upload spool directories (dv-upload-<pid>-…) in the temporary directory. */
  spoolDirectories(): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startServerProcess(env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), "dv-hostile-data-"));
  const database: TestDatabase | undefined =
    process.env.TEST_DATABASE_URL === undefined ? undefined : await createTestDatabase();
  const child = spawn(process.execPath, [BIN, "serve", "--json"], {
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      DATA_DIR: dataDir,
      DATABASE_URL: database?.url ?? "",
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Record<string, unknown>[] = [];
  let exitCode: number | null | undefined;
  child.on("exit", (code, signal) => (exitCode = code ?? (signal === null ? -1 : -2)));
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.startsWith("{")) continue;
        const parsed = JSON.parse(line) as Record<string, unknown>;
        if (typeof parsed.url === "string" && parsed.pid !== undefined) resolve(parsed.url);
        else logs.push(parsed);
      }
    });
    child.on("exit", (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  const alive = () => exitCode === undefined;
  return {
    url,
    child,
    logs,
    alive,
    rssBytes() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
    },
    async spoolDirectories() {
      return (await readdir(tmpdir())).filter((name) => name.startsWith(`dv-upload-${child.pid}-`));
    },
    async stop() {
      if (alive()) {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs the administrator in through the API; the session cookie for the web forms. */
export async function adminCookie(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(ADMIN),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get("set-cookie") ?? "";
  return cookie.split(";")[0] ?? "";
}
