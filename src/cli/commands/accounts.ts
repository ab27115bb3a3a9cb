import {
  AccountsService,
  generatePassword,
  ROLE_NAMES,
  TOKEN_SCOPES,
  type Role,
  type RoleName,
  type TokenScope,
} from "../../accounts/index.ts";
import { loadConfig, type LanKod, type OrganizationCode } from "../../core/index.ts";
import {
  EXIT,
  JSON_OPTION,
  oneOf,
  requireString,
  usageError,
  type Command,
  type CommandIo,
} from "../command.ts";
import { cliLogger, runMigrations, runSeed, withDatabase } from "../platform.ts";

/** Runs fn with the accounts service on the configured database, migrated and seeded first (roles name organizations). */
function withAccounts<T>(io: CommandIo, fn: (accounts: AccountsService) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env);
  const logger = cliLogger(config);
  return withDatabase(config, logger, async (db) => {
    await runMigrations(db, logger);
    await runSeed(db);
    return fn(new AccountsService(db));
  });
}

function roleFrom(values: Record<string, string | boolean | undefined>): Role {
  const name: RoleName = oneOf(requireString(values.role, "--role"), ROLE_NAMES, "--role");
  switch (name) {
    case "county-coordinator":
      return { role: name, lanCode: requireString(values.lan, "--lan") as LanKod };
    case "publisher":
      return { role: name, organizationCode: requireString(values.org, "--org") as OrganizationCode };
    default:
      return { role: name };
  }
}

export const userCommand: Command = {
  name: "user",
  summary: "Skapa användare / Create users",
  usage: `dataverkstad user create --email E --name NAMN --role ROLL [--org KOD] [--lan NN] [--json]

Skapar en användare med en roll: ${ROLE_NAMES.join(", ")}.
En utgivare (publisher) hör till en organisation (--org 0580), en länssamordnare
(county-coordinator) till ett län (--lan 05). Lösenordet tas från miljövariabeln
DATAVERKSTAD_PASSWORD (minst 12 tecken); utan den skapas ett som visas en gång.

Creates a user with one role; the password comes from DATAVERKSTAD_PASSWORD or is generated and shown once.`,
  options: {
    ...JSON_OPTION,
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    org: { type: "string" },
    lan: { type: "string" },
  },
  async run(values, positionals, io) {
    if (positionals.join(" ") !== "create") {
      throw usageError('Ange underkommandot "create".', 'Give the subcommand "create".');
    }
    const email = requireString(values.email, "--email");
    const displayName = requireString(values.name, "--name");
    const role = roleFrom(values);
    const given = io.env.DATAVERKSTAD_PASSWORD;
    const password = given !== undefined && given !== "" ? given : generatePassword();
    const user = await withAccounts(io, (accounts) =>
      accounts.createUser(
        { email, displayName, password, roles: [role] },
        { actor: "cli", fromAddress: null },
      ),
    );
    const shown = given === undefined || given === "" ? password : undefined;
    io.result(
      `Användaren ${user.email} (${role.role}) är skapad.` +
        (shown === undefined ? "" : `\nLösenord (visas bara nu): ${shown}`),
      {
        id: user.id,
        email: user.email,
        roles: user.roles,
        ...(shown === undefined ? {} : { password: shown }),
      },
    );
    return EXIT.ok;
  },
};

export const tokenCommand: Command = {
  name: "token",
  summary: "Skapa API-nycklar / Create API tokens",
  usage: `dataverkstad token create --user E-POST --org KOD --scope read|publish [--name NAMN]
                          [--expires-in-days N | --no-expiry] [--json]

Skapar en API-nyckel för användaren, begränsad till en organisation och till läsning
eller publicering. Nyckeln visas en enda gång; bara dess kontrollsumma sparas.
Den gäller i 365 dagar, N dagar med --expires-in-days (1–3650), eller tills den
återkallas med --no-expiry. Med --json skrivs {"token": "...", "expiresAt": "..."}.

Creates an API token scoped to one organization and to read or publish; shown once.
Valid for 365 days unless --expires-in-days N or --no-expiry says otherwise.`,
  options: {
    ...JSON_OPTION,
    user: { type: "string" },
    org: { type: "string" },
    scope: { type: "string" },
    name: { type: "string" },
    "expires-in-days": { type: "string" },
    "no-expiry": { type: "boolean" },
  },
  async run(values, positionals, io) {
    if (positionals.join(" ") !== "create") {
      throw usageError('Ange underkommandot "create".', 'Give the subcommand "create".');
    }
    const email = requireString(values.user, "--user");
    const organizationCode = requireString(values.org, "--org");
    const scope: TokenScope = oneOf(requireString(values.scope, "--scope"), TOKEN_SCOPES, "--scope");
    const name =
      typeof values.name === "string" ? values.name : `cli ${new Date().toISOString().slice(0, 10)}`;
    const expiresInDays = tokenDays(values["expires-in-days"], values["no-expiry"] === true);
    const created = await withAccounts(io, async (accounts) => {
      const user = await accounts.getUserByEmail(email);
      return accounts.createApiToken(
        { userId: user.id, organizationCode, scope, name, expiresInDays },
        { actor: "cli", fromAddress: null },
      );
    });
    const expiresAt = created.expiresAt?.toISOString() ?? null;
    io.result(
      `API-nyckel för ${organizationCode} (${scope}), visas bara nu:
${created.token}
` + (expiresAt === null ? "Gäller tills den återkallas." : `Gäller till ${expiresAt}.`),
      { token: created.token, expiresAt },
    );
    return EXIT.ok;
  },
};

/** --expires-in-days N (whole days, 1–3650) or --no-expiry; neither: the default lifetime. */
function tokenDays(given: unknown, never: boolean): number | null | undefined {
  if (never && given !== undefined) {
    throw usageError(
      "Ange antingen --expires-in-days eller --no-expiry, inte båda.",
      "Give either --expires-in-days or --no-expiry, not both.",
    );
  }
  if (never) return null;
  if (typeof given !== "string") return undefined;
  const days = Number(given);
  if (!/^\d+$/.test(given) || days < 1 || days > 3650) {
    throw usageError(
      `--expires-in-days ska vara ett helt antal dagar, 1–3650; fick ${given}.`,
      `--expires-in-days must be a whole number of days, 1–3650; got ${given}.`,
    );
  }
  return days;
}
