import { AppError } from "../core/index.ts";
import type { Queryable } from "../db/index.ts";

/** Failed sign-ins allowed per window before the next attempt is refused without being tried. */
export const SIGN_IN_LIMITS = { perAccount: 10, perAddress: 100, windowMinutes: 15 } as const;

function keysOf(email: string, fromAddress: string | null | undefined): { key: string; limit: number }[] {
  return [
    { key: `account:${email.trim().toLowerCase()}`, limit: SIGN_IN_LIMITS.perAccount },
    ...(fromAddress == null ? [] : [{ key: `address:${fromAddress}`, limit: SIGN_IN_LIMITS.perAddress }]),
  ];
}

/**
 * Refuses a sign-in while its account or its client address has failed too often in the current
 * window: password guessing is slowed to a crawl, and a locked-out user knows when to try again.
 */
export async function assertSignInAllowed(
  db: Queryable,
  email: string,
  fromAddress: string | null | undefined,
): Promise<void> {
  const keys = keysOf(email, fromAddress);
  const rows = await db.query<{ key: string; failures: number; minutes_left: number }>(
    `SELECT key, failures, ceil(extract(epoch FROM window_start + make_interval(mins => $2) - now()) / 60)::int AS minutes_left
     FROM sign_in_failures WHERE key = ANY($1::text[]) AND window_start + make_interval(mins => $2) > now()`,
    [keys.map((k) => k.key), SIGN_IN_LIMITS.windowMinutes],
  );
  for (const row of rows) {
    const limit = keys.find((k) => k.key === row.key)?.limit ?? 0;
    if (row.failures >= limit) {
      const minutes = Math.max(1, row.minutes_left);
      throw new AppError(
        "RATE_LIMITED",
        {
          sv: `För många misslyckade inloggningar. Försök igen om ${minutes} minut${minutes === 1 ? "" : "er"}, eller be en administratör om ett nytt lösenord.`,
          en: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or ask an administrator for a new password.`,
        },
        { details: { retryAfterSeconds: minutes * 60 } },
      );
    }
  }
}

/** Counts a failed sign-in against the account and the address; a window that ran out starts anew. */
export async function recordSignInFailure(
  db: Queryable,
  email: string,
  fromAddress: string | null | undefined,
): Promise<void> {
  for (const { key } of keysOf(email, fromAddress)) {
    await db.query(
      `INSERT INTO sign_in_failures (key, failures) VALUES ($1, 1)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN sign_in_failures.window_start + make_interval(mins => $2) > now()
                         THEN sign_in_failures.failures + 1 ELSE 1 END,
         window_start = CASE WHEN sign_in_failures.window_start + make_interval(mins => $2) > now()
                             THEN sign_in_failures.window_start ELSE now() END`,
      [key, SIGN_IN_LIMITS.windowMinutes],
    );
  }
}

/** A successful sign-in clears its account's count (not the address's: others may share it). */
export async function clearSignInFailures(db: Queryable, email: string): Promise<void> {
  await db.query("DELETE FROM sign_in_failures WHERE key = $1", [keysOf(email, null)[0]?.key ?? ""]);
}
