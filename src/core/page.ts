import { AppError } from "./errors.ts";

/** The list shape of the HTTP contract: items, total matching, and the cursor of the next page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly next: string | null;
}

/** Cursors are opaque to clients: base64url of the last key of the page. */
export function encodeCursor(key: string): string {
  return Buffer.from(key, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string, isValidKey: (key: string) => boolean): string {
  const key = Buffer.from(cursor, "base64url").toString("utf8");
  if (!isValidKey(key)) {
    throw new AppError(
      "BAD_REQUEST",
      {
        sv: "Parametern cursor är ogiltig. Använd värdet i fältet next från föregående sida.",
        en: "The cursor parameter is invalid. Use the value of the next field of the previous page.",
      },
      { details: { parameter: "cursor" } },
    );
  }
  return key;
}
