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
 * Counts a sign-in attempt against its account and its client address, and refuses it when either
 * is over its limit in the current window, before any password is checked: one statement per
 * attempt, so concurrent guesses cannot all pass a check made before any of them was counted.
 * A window that ran out starts anew. A refused attempt is counted too (the address pays for it).
 */
export async function claimSignInAttempt(
  db: Queryable,
  email: string,
  fromAddress: string | null | undefined,
): Promise<void> {
  const keys = keysOf(email, fromAddress);
  const rows = await db.query<{ key: string; failures: number; minutes_left: number }>(
    `INSERT INTO sign_in_failures (key, failures) SELECT unnest($1::text[]), 1
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN sign_in_failures.window_start + make_interval(mins => $2) > now()
                       THEN least(sign_in_failures.failures + 1, 1000000) ELSE 1 END,
       window_start = CASE WHEN sign_in_failures.window_start + make_interval(mins => $2) > now()
                           THEN sign_in_failures.window_start ELSE now() END
     RETURNING key, failures,
       ceil(extract(epoch FROM window_start + make_interval(mins => $2) - now()) / 60)::int AS minutes_left`,
    [keys.map((k) => k.key), SIGN_IN_LIMITS.windowMinutes],
  );
  for (const row of rows) {
    const limit = keys.find((k) => k.key === row.key)?.limit ?? 0;
    if (row.failures > limit) {
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

/**
 * A successful sign-in clears its account's count (not the address's: others may share it), and
 * takes back the one its own attempt added to the address.
 */
export async function clearSignInFailures(
  db: Queryable,
  email: string,
  fromAddress: string | null | undefined,
): Promise<void> {
  const [account, address] = keysOf(email, fromAddress);
  await db.query(
    `WITH back AS (
       UPDATE sign_in_failures SET failures = failures - 1 WHERE key = $2 AND failures > 1 RETURNING key
     ) DELETE FROM sign_in_failures WHERE key = $1 OR (key = $2 AND failures = 1)`,
    [account?.key ?? "", address?.key ?? null],
  );
}
