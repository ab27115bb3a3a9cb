import { AccountsService } from "../../src/accounts/index.ts";
import type { OrganizationCode } from "../../src/core/index.ts";
import type { Database } from "../../src/db/index.ts";

export const TEST_PASSWORD = "korrekt häst batteri";

/** A publisher of the organization and an API token of theirs with the publish scope. */
export async function publisherToken(
  db: Database,
  organizationCode: string,
  email?: string,
): Promise<string> {
  const accounts = new AccountsService(db);
  const user = await accounts.createUser({
    email: email ?? `publicerare-${organizationCode}@kommun.se`,
    displayName: `Publicerare ${organizationCode}`,
    password: TEST_PASSWORD,
    roles: [{ role: "publisher", organizationCode: organizationCode as OrganizationCode }],
  });
  const created = await accounts.createApiToken({
    userId: user.id,
    organizationCode,
    scope: "publish",
    name: "test",
  });
  return created.token;
}
