import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { AppError } from "../core/index.ts";

const LOCK_FILE = "dataverkstad.lock";

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

export interface DataDirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<LockOwner>;
    if (typeof parsed.pid === "number" && typeof parsed.host === "string") {
      return { pid: parsed.pid, host: parsed.host, since: String(parsed.since) };
    }
  } catch {
    // Unreadable or half-written: treated as stale below.
  }
  return undefined;
}

/**
 * The embedded database belongs to one process at a time: two PGlite instances on one
 * data directory would corrupt it. The lock is a file created exclusively; a lock left by
 * a process that has died on this host is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(path);
      const live = owner !== undefined && (owner.host !== hostname() || isAlive(owner.pid));
      // Our own pid counts as live too: two PGlite instances in one process corrupt it just the same.
      if (live) throw lockedError(dataDir, owner);
      rmSync(path, { force: true });
      continue;
    }
    const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    writeSync(fd, JSON.stringify(owner));
    closeSync(fd);
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
      process.off("exit", release);
    };
    process.on("exit", release);
    return { release };
  }
  throw lockedError(dataDir, readOwner(path));
}

function lockedError(dataDir: string, owner: LockOwner | undefined): AppError {
  const who = owner ? `process ${owner.pid} on ${owner.host} (since ${owner.since})` : "another process";
  const vem = owner ? `processen ${owner.pid} på ${owner.host} (sedan ${owner.since})` : "en annan process";
  return new AppError(
    "DATABASE_LOCKED",
    {
      sv:
        `Den inbäddade databasen i ${dataDir} används redan av ${vem}. ` +
        "Bara en process åt gången kan öppna den. Stoppa den andra processen, " +
        "eller gör ändringen genom den körande serverns API.",
      en:
        `The embedded database in ${dataDir} is already in use by ${who}. ` +
        "Only one process at a time can open it. Stop the other process, " +
        "or make the change through the running server's API.",
    },
    { details: { dataDir, owner } },
  );
}
