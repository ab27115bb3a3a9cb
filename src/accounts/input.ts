// The service's edge: every input is parsed here, and a bad one becomes a BAD_REQUEST that names
// the field, what was expected and (except for secrets) what was found.
import { z } from "zod";
import {
  LAN_KOD,
  ORGANIZATION_CODE,
  UUID,
  AppError,
  type LanKod,
  type LocalizedText,
  type OrganizationCode,
} from "../core/index.ts";
import { TOKEN_SCOPES, type ApiTokenId, type Role, type UserId } from "./types.ts";

const uuid = z.string().regex(UUID);

export const userIdSchema = uuid.transform((value) => value as UserId);
export const apiTokenIdSchema = uuid.transform((value) => value as ApiTokenId);
const lanCode = z
  .string()
  .regex(LAN_KOD)
  .transform((value) => value as LanKod);
const organizationCode = z
  .string()
  .regex(ORGANIZATION_CODE)
  .transform((value) => value as OrganizationCode);

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const roleSchema: z.ZodType<Role> = z.discriminatedUnion("role", [
  z.object({ role: z.literal("administrator") }),
  z.object({ role: z.literal("national-coordinator") }),
  z.object({ role: z.literal("county-coordinator"), lanCode }),
  z.object({ role: z.literal("publisher"), organizationCode }),
  z.object({ role: z.literal("data-user") }),
]);

const displayName = z.string().trim().min(1).max(200);

export const createUserSchema = z.object({
  email: emailSchema,
  displayName,
  // Length is checked by checkPasswordPolicy, with a message of its own.
  password: z.string(),
  roles: z.array(roleSchema).max(50).default([]),
});

export const createApiTokenSchema = z.object({
  userId: userIdSchema,
  organizationCode,
  scope: z.enum(TOKEN_SCOPES),
  name: z.string().trim().min(1).max(100),
  /** Days until the token stops working: 1 to 3650, null for never; DEFAULT_TOKEN_DAYS when left out. */
  expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
});

/** Time to live of a session, in seconds: one minute to 30 days. */
export const sessionTtlSchema = z
  .number()
  .int()
  .min(60)
  .max(30 * 24 * 3600);

export const auditLimitSchema = z.number().int().min(1).max(1000);

export const auditEntrySchema = z.object({
  actor: z.string().min(1).max(200),
  action: z.string().min(1).max(100),
  object: z.string().max(500).nullish(),
  fromAddress: z.string().max(100).nullish(),
  details: z.record(z.string(), z.unknown()).nullish(),
});

const EXPECTED: Readonly<Record<string, LocalizedText>> = {
  email: { sv: "en e-postadress, som namn@kommun.se", en: "an email address, such as name@kommun.se" },
  displayName: { sv: "ett namn på 1–200 tecken", en: "a name of 1–200 characters" },
  password: { sv: "en textsträng", en: "a string" },
  roles: { sv: "en lista med roller", en: "a list of roles" },
  role: {
    sv: "en av administrator, national-coordinator, county-coordinator (med lanCode), publisher (med organizationCode) och data-user",
    en: "one of administrator, national-coordinator, county-coordinator (with lanCode), publisher (with organizationCode) and data-user",
  },
  lanCode: { sv: "en länskod (två siffror)", en: "a länskod (two digits)" },
  userId: { sv: "ett användar-id (UUID)", en: "a user id (UUID)" },
  id: { sv: "ett id (UUID)", en: "an id (UUID)" },
  organizationCode: {
    sv: "en organisationskod: kommunkod (fyra siffror) eller länskod (två siffror)",
    en: "an organization code: a kommunkod (four digits) or a länskod (two digits)",
  },
  scope: { sv: "read eller publish", en: "read or publish" },
  name: { sv: "ett namn på 1–100 tecken", en: "a name of 1–100 characters" },
  ttlSeconds: {
    sv: "ett heltal mellan 60 och 2592000 sekunder",
    en: "a whole number from 60 to 2592000 seconds",
  },
  limit: { sv: "ett heltal mellan 1 och 1000", en: "a whole number from 1 to 1000" },
};

const MISSING = Symbol("missing");
const SECRET_FIELDS = new Set(["password"]);

/** Parses input with the schema; a failure names the field and what was expected. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, field?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const path = [field, ...issue.path.map(String)].filter((p) => p !== undefined).join(".");
    return { path, message: issue.message };
  });
  const first = issues[0];
  const segments = (first?.path ?? "").split(".").filter((p) => !/^\d*$/.test(p));
  // The innermost named field: "roles.0.organizationCode" is about an organization code.
  const topField = segments.at(-1) ?? "";
  const expected = EXPECTED[topField];
  const where = first?.path === "" || first === undefined ? "" : first.path;
  const found = segments.some((p) => SECRET_FIELDS.has(p))
    ? undefined
    : describeFound(input, first?.path, field);
  const text: LocalizedText =
    expected === undefined
      ? {
          sv: `Ogiltiga uppgifter${where === "" ? "" : ` i ${where}`}: ${first?.message ?? ""}`,
          en: `Invalid input${where === "" ? "" : ` in ${where}`}: ${first?.message ?? ""}`,
        }
      : {
          sv: `Fältet ${where} ska vara ${expected.sv}${found === undefined ? "" : found === MISSING ? ", men saknas" : `, fick ${found}`}.`,
          en: `The field ${where} must be ${expected.en}${found === undefined ? "" : found === MISSING ? ", but is missing" : `, got ${found}`}.`,
        };
  return badRequest(text, issues);
}

function badRequest(text: LocalizedText, issues: unknown): never {
  throw new AppError("BAD_REQUEST", text, { details: issues });
}

function describeFound(
  input: unknown,
  path: string | undefined,
  field: string | undefined,
): string | typeof MISSING | undefined {
  if (path === undefined) return undefined;
  let value: unknown = input;
  const parts = path.split(".").filter((p) => p !== "");
  for (const part of field === undefined ? parts : parts.slice(1)) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  if (value === undefined) return MISSING;
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}
