import { createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import { userInfo } from "node:os";
import { Readable } from "node:stream";
import { AppError, ERROR_CODES, loadConfig } from "../../core/index.ts";
import { createServices } from "../../platform/index.ts";
import { PUBLISH_MODES, type PublishMode, type Release } from "../../publishing/index.ts";
import { TABLE_FORMATS, type TableFormat } from "../../validation/index.ts";
import {
  EXIT,
  JSON_OPTION,
  oneOf,
  requireString,
  usageError,
  type Command,
  type ExitCode,
} from "../command.ts";
import { cliLogger, runMigrations, runSeed, withDatabase } from "../platform.ts";

interface PublishInput {
  readonly file: string;
  readonly organizationCode: string;
  readonly slug: string;
  readonly mode: PublishMode;
  readonly format: TableFormat | undefined;
  readonly confirmRemovals: boolean;
}

/** The release as both paths report it: the server's JSON, or the service's result. */
interface ReleaseSummary {
  readonly id: string;
  readonly status: Release["status"];
  readonly rows: Release["rows"];
  readonly changes: Release["changes"];
  readonly errors: number;
  readonly warnings: number;
}

function describe(release: ReleaseSummary, input: PublishInput): string {
  const what = `${input.slug} för ${input.organizationCode}`;
  switch (release.status) {
    case "published": {
      const c = release.changes;
      const changed = c === null ? "" : ` (${c.added} nya, ${c.changed} ändrade, ${c.removed} borttagna)`;
      return `Publicerade ${release.rows.published} rader i ${what}${changed}. Release ${release.id}.`;
    }
    case "partial":
      return `Publicerade de ${release.rows.published} giltiga raderna av ${release.rows.total} i ${what}; ${release.errors} fel lämnades utanför. Release ${release.id}.`;
    case "held": {
      const removed = release.changes?.removed ?? 0;
      return `Ingenting ändrades: filen skulle ta bort ${removed} rader i ${what}, och det behöver bekräftas. Kör kommandot igen med --confirm-removals om det är meningen. Release ${release.id}.`;
    }
    case "withdrawn":
      return `Publiceringen av ${what} drogs tillbaka: filen hade inga rader, och organisationens rader togs bort. Release ${release.id}.`;
    case "rejected":
      return `Filen har ${release.errors} fel och publicerades inte; den gällande versionen av ${what} ligger kvar. Se rapporten: dataverkstad validate ${input.file} --spec ${input.slug} --org ${input.organizationCode}, eller publicera bara de giltiga raderna med --mode valid-rows.`;
  }
}

/** Straight to the database: for the machine the embedded database lives on, with no server running. */
async function publishDirectly(input: PublishInput, env: NodeJS.ProcessEnv): Promise<ReleaseSummary> {
  const config = loadConfig(env);
  const logger = cliLogger(config);
  return withDatabase(config, logger, async (db) => {
    await runMigrations(db, logger);
    await runSeed(db);
    const { publishing } = createServices(db, config);
    return publishing.publish({
      organizationCode: input.organizationCode,
      slug: input.slug,
      body: createReadStream(input.file, { highWaterMark: 1 << 20 }),
      fileName: basename(input.file),
      format: input.format,
      mode: input.mode,
      origin: "cli",
      confirmRemovals: input.confirmRemovals,
      audit: { actor: `cli:${userInfo().username}`, fromAddress: null },
    });
  });
}

interface ErrorAnswer {
  readonly error?: {
    readonly code?: string;
    readonly message?: string;
    readonly details?: { release?: ReleaseSummary };
  };
}

/** Through a running server's API, with a publish token: the same code path as any API client. */
async function publishThroughServer(
  input: PublishInput,
  server: string,
  token: string,
): Promise<ReleaseSummary> {
  let url: URL;
  try {
    url = new URL(
      `/api/v1/organizations/${encodeURIComponent(input.organizationCode)}/publications/${encodeURIComponent(input.slug)}`,
      server,
    );
  } catch {
    throw usageError(
      `--server ska vara en adress som http://localhost:3000, fick "${server}".`,
      `--server must be a URL like http://localhost:3000, got "${server}".`,
    );
  }
  url.searchParams.set("mode", input.mode);
  url.searchParams.set("filename", basename(input.file));
  url.searchParams.set("origin", "cli");
  if (input.confirmRemovals) url.searchParams.set("confirm", "removals");
  if (input.format !== undefined) url.searchParams.set("format", input.format);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        "Content-Type": "application/octet-stream",
        "Accept-Language": "sv",
      },
      body: Readable.toWeb(createReadStream(input.file)) as ReadableStream<Uint8Array>,
      duplex: "half",
    } as RequestInit);
  } catch (error) {
    throw new AppError("SERVICE_UNAVAILABLE", {
      sv: `Servern ${url.origin} svarar inte (${(error as Error).message}). Kör den, och stämmer adressen?`,
      en: `The server ${url.origin} does not answer (${(error as Error).message}). Is it running, and is the address right?`,
    });
  }
  const body = (await response.json().catch(() => ({}))) as ReleaseSummary & ErrorAnswer;
  if (response.status === 201) return body;
  const rejected = body.error?.details?.release;
  if (response.status === 422 && rejected !== undefined) return rejected;
  const message = body.error?.message ?? `HTTP ${response.status}`;
  const code = ERROR_CODES.find((known) => known === body.error?.code) ?? "INTERNAL";
  const hint =
    code === "CONFIRMATION_REQUIRED"
      ? {
          sv: " Med dataverkstad: lägg till --confirm-removals.",
          en: " With dataverkstad: add --confirm-removals.",
        }
      : { sv: "", en: "" };
  throw new AppError(code, {
    sv: `Servern svarade ${response.status}: ${message}${hint.sv}`,
    en: `The server answered ${response.status}: ${message}${hint.en}`,
  });
}

export const publishCommand: Command = {
  name: "publish",
  summary: "Publicera en fil / Publish a file",
  usage: `dataverkstad publish FIL --org KOD --spec SLUG [--mode all|valid-rows] [--format F]
                     [--confirm-removals] [--server URL --token TOKEN] [--json]

Publicerar filen som organisationens nya version av datamängden. Filen sparas och valideras;
är den giltig ersätter den organisationens rader i den nationella datamängden. En fil med fel
sparas med sin rapport men publiceras inte, och den gällande versionen ligger kvar.

  --org KOD        organisationen som publicerar (0580, eller 05 för en region)
  --spec SLUG      specifikationen, till exempel badplatser
  --mode M         all (standard): bara en giltig fil publiceras;
                   valid-rows: de giltiga raderna publiceras, raderna med fel lämnas utanför
  --format F       csv, json, geojson eller xlsx (annars gissas det)
  --confirm-removals  publicera även om filen tar bort alla, eller mer än hälften av,
                   organisationens rader (annars hålls den kvar och ingenting ändras)
  --server URL     publicera genom en körande server (annars direkt i databasen, som då
                   inte får användas av en server samtidigt)
  --token TOKEN    en API-nyckel med publiceringsrätt (eller DATAVERKSTAD_TOKEN)
  --json           skriv releasen som JSON

Slutkoder: 0 publicerad, 1 filen har fel och publicerades inte, 2 fel användning, 3 fel vid körningen.

Publishes FILE for an organization; through a running server with --server and --token.`,
  options: {
    ...JSON_OPTION,
    org: { type: "string" },
    spec: { type: "string" },
    mode: { type: "string" },
    format: { type: "string" },
    "confirm-removals": { type: "boolean" },
    server: { type: "string" },
    token: { type: "string" },
  },
  async run(values, positionals, io): Promise<ExitCode> {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) {
      throw usageError("Ange exakt en fil att publicera.", "Give exactly one file to publish.");
    }
    try {
      if (!statSync(file).isFile()) throw new Error("not a file");
    } catch {
      throw usageError(
        `Filen ${file} finns inte eller går inte att läsa.`,
        `The file ${file} does not exist or cannot be read.`,
      );
    }
    const input: PublishInput = {
      file,
      organizationCode: requireString(values.org, "--org"),
      slug: requireString(values.spec, "--spec"),
      mode: oneOf(typeof values.mode === "string" ? values.mode : "all", PUBLISH_MODES, "--mode"),
      format: typeof values.format === "string" ? oneOf(values.format, TABLE_FORMATS, "--format") : undefined,
      confirmRemovals: values["confirm-removals"] === true,
    };
    const server = values.server;
    let release: ReleaseSummary;
    if (typeof server === "string") {
      const token = typeof values.token === "string" ? values.token : io.env.DATAVERKSTAD_TOKEN;
      if (token === undefined || token === "") {
        throw usageError(
          "Ange en API-nyckel med --token eller DATAVERKSTAD_TOKEN.",
          "Give an API token with --token or DATAVERKSTAD_TOKEN.",
        );
      }
      release = await publishThroughServer(input, server, token);
    } else {
      if (values.token !== undefined) {
        throw usageError("--token hör ihop med --server.", "--token goes with --server.");
      }
      io.progress(`Publicerar ${file} direkt i databasen …`);
      release = await publishDirectly(input, io.env);
    }
    io.result(describe(release, input), release);
    return release.status === "rejected" || release.status === "held" ? EXIT.invalid : EXIT.ok;
  },
};
