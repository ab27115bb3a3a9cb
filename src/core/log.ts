import type { LogLevel } from "./config.ts";

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger whose every line also carries these fields (a request id, say). */
  child(fields: LogFields): Logger;
}

export type LogSink = (line: string) => void;

/** Structured logs: one JSON object per line, with time, level and message first. */
export function createLogger(
  level: LogLevel,
  sink: LogSink = (line) => process.stdout.write(line + "\n"),
  base: LogFields = {},
): Logger {
  const write = (lineLevel: Exclude<LogLevel, "silent">, msg: string, fields?: LogFields): void => {
    if (RANK[lineLevel] < RANK[level]) return;
    sink(
      JSON.stringify(
        { time: new Date().toISOString(), level: lineLevel, msg, ...base, ...fields },
        errorReplacer,
      ),
    );
  };
  return {
    debug: (msg, fields) => write("debug", msg, fields),
    info: (msg, fields) => write("info", msg, fields),
    warn: (msg, fields) => write("warn", msg, fields),
    error: (msg, fields) => write("error", msg, fields),
    child: (fields) => createLogger(level, sink, { ...base, ...fields }),
  };
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack };
  }
  return value;
}

export const silentLogger: Logger = createLogger("silent", () => undefined);
