import { AppError, type Language, type LocalizedText } from "../core/index.ts";
import type { AddressClass, AddressRange, Embedding } from "./address.ts";

/** Everything that can go wrong when the platform fetches a URL. Closed: callers may switch on it. */
export type FetchFailure =
  | {
      readonly kind: "bad-url";
      readonly reason: "unparsable" | "scheme" | "credentials";
      /** The scheme found, for "scheme". */
      readonly scheme?: string;
    }
  | {
      readonly kind: "forbidden-address";
      readonly hostname: string;
      readonly address: AddressClass;
    }
  | { readonly kind: "dns"; readonly hostname: string; readonly code: string }
  | { readonly kind: "timeout"; readonly phase: "total" | "idle"; readonly ms: number }
  | { readonly kind: "too-large"; readonly maxBytes: number; readonly declaredBytes?: number }
  | { readonly kind: "too-many-redirects"; readonly maxRedirects: number }
  | { readonly kind: "http-status"; readonly status: number }
  | {
      readonly kind: "bad-response";
      readonly reason:
        "redirect-without-location" | "unsupported-encoding" | "damaged-encoding" | "malformed";
      readonly detail?: string;
    }
  | { readonly kind: "tls"; readonly hostname: string; readonly code: string }
  | { readonly kind: "network"; readonly code: string }
  | { readonly kind: "aborted" };

export type FetchErrorKind = FetchFailure["kind"];

/** Where a failure happened: the URL asked for, and the URL being fetched (after redirects). */
export interface FetchPlace {
  readonly requestedUrl: string;
  readonly url: string;
}

/** A failed fetch: a kind from the closed set and a plain-language message in Swedish and English. */
export class FetchError extends Error {
  readonly failure: FetchFailure;
  readonly kind: FetchErrorKind;
  /** The URL that failed: the requested one, or a redirect's target. */
  readonly url: string;
  readonly requestedUrl: string;
  readonly text: LocalizedText;

  constructor(failure: FetchFailure, place: FetchPlace, options: { readonly cause?: unknown } = {}) {
    const text = describe(failure, place);
    super(text.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "FetchError";
    this.failure = failure;
    this.kind = failure.kind;
    this.url = place.url;
    this.requestedUrl = place.requestedUrl;
    this.text = text;
  }
}

export function isFetchError(error: unknown): error is FetchError {
  return error instanceof FetchError;
}

/**
 * The failure as an AppError (BAD_REQUEST) for an API route: the URL the user gave could not be
 * fetched, and the message says why. Details carry the kind, the URLs and the failure's fields.
 */
export function fetchErrorToAppError(error: FetchError): AppError {
  return new AppError("BAD_REQUEST", error.text, {
    details: { ...error.failure, url: error.url, requestedUrl: error.requestedUrl },
    cause: error,
  });
}

const RANGE_TEXT: Readonly<Record<AddressRange, LocalizedText>> = {
  public: { sv: "en publik adress", en: "a public address" },
  private: { sv: "en privat adress i ett internt nät", en: "a private address on an internal network" },
  loopback: { sv: "en loopback-adress (servern själv)", en: "a loopback address (the server itself)" },
  "link-local": {
    sv: "en länklokal adress (bland annat molnleverantörernas metadatatjänst)",
    en: "a link-local address (among them the cloud providers' metadata service)",
  },
  "unique-local": {
    sv: "en unik lokal IPv6-adress i ett internt nät",
    en: "a unique local IPv6 address on an internal network",
  },
  shared: {
    sv: "en delad adress inom en operatörs nät (100.64.0.0/10)",
    en: "a shared address inside a carrier's network (100.64.0.0/10)",
  },
  multicast: { sv: "en multicastadress", en: "a multicast address" },
  unspecified: {
    sv: "en ospecificerad adress (0.0.0.0 eller ::)",
    en: "an unspecified address (0.0.0.0 or ::)",
  },
  broadcast: { sv: "broadcastadressen", en: "the broadcast address" },
  documentation: {
    sv: "en adress som bara är till för dokumentation",
    en: "an address reserved for documentation",
  },
  benchmarking: {
    sv: "en adress reserverad för prestandatester",
    en: "an address reserved for benchmarking",
  },
  reserved: { sv: "en reserverad adress", en: "a reserved address" },
};

const EMBEDDING_TEXT: Readonly<Record<Embedding, LocalizedText>> = {
  "ipv4-mapped": { sv: "IPv4-mappad", en: "IPv4-mapped" },
  "ipv4-compatible": { sv: "IPv4-kompatibel", en: "IPv4-compatible" },
  "ipv4-translated": { sv: "IPv4-översatt", en: "IPv4-translated" },
  nat64: { sv: "NAT64", en: "NAT64" },
  "6to4": { sv: "6to4", en: "6to4" },
};

function seconds(ms: number, lang: Language): string {
  const value = Math.round(ms / 100) / 10;
  return lang === "sv" ? String(value).replace(".", ",") : String(value);
}

function size(bytes: number, lang: Language): string {
  if (bytes < 1024 * 1024) return `${bytes} ${lang === "sv" ? "byte" : "bytes"}`;
  const mb = String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
  return `${lang === "sv" ? mb.replace(".", ",") : mb} MB`;
}

function statusHint(status: number): LocalizedText {
  if (status === 401 || status === 403) {
    return {
      sv: "Servern kräver inloggning eller nekar åtkomst; filen behöver vara öppet tillgänglig.",
      en: "The server requires sign-in or refuses access; the file needs to be openly available.",
    };
  }
  if (status === 404 || status === 410) {
    return {
      sv: "Det finns ingen fil på den adressen (längre). Kontrollera länken.",
      en: "There is no file at that address (any more). Check the link.",
    };
  }
  if (status === 429) {
    return {
      sv: "Servern begränsar antalet förfrågningar. Hämtningen görs om vid nästa schemalagda tillfälle.",
      en: "The server limits the number of requests. The fetch is repeated at the next scheduled time.",
    };
  }
  if (status >= 500) {
    return {
      sv: "Felet ligger hos servern. Försök igen senare, eller kontakta den som driftar den.",
      en: "The fault is on the server's side. Try again later, or contact whoever runs it.",
    };
  }
  return { sv: "", en: "" };
}

function both(make: (lang: Language) => string): LocalizedText {
  return { sv: make("sv"), en: make("en") };
}

/** The message for a failure: what was expected, what was found, and where. */
export function describe(failure: FetchFailure, place: FetchPlace): LocalizedText {
  const url = place.url;
  const via = (lang: Language): string =>
    place.url === place.requestedUrl
      ? ""
      : lang === "sv"
        ? ` (dit ${place.requestedUrl} vidarebefordrade)`
        : ` (where ${place.requestedUrl} redirected)`;
  switch (failure.kind) {
    case "bad-url":
      if (failure.reason === "unparsable") {
        return {
          sv: `"${url}" är ingen giltig webbadress. Ange en fullständig adress som börjar med https:// eller http://.`,
          en: `"${url}" is not a valid web address. Give a full address starting with https:// or http://.`,
        };
      }
      if (failure.reason === "credentials") {
        return both((lang) =>
          lang === "sv"
            ? `Adressen ${url}${via(lang)} innehåller användarnamn eller lösenord. Plattformen hämtar bara öppna filer; ta bort inloggningsuppgifterna ur adressen.`
            : `The address ${url}${via(lang)} contains a user name or password. The platform only fetches open files; remove the credentials from the address.`,
        );
      }
      return both((lang) =>
        lang === "sv"
          ? `Adressen ${url}${via(lang)} börjar med "${failure.scheme ?? ""}". Bara adresser som börjar med https:// eller http:// kan hämtas.`
          : `The address ${url}${via(lang)} starts with "${failure.scheme ?? ""}". Only addresses starting with https:// or http:// can be fetched.`,
      );
    case "forbidden-address": {
      const { address, hostname } = failure;
      return both((lang) => {
        const range = RANGE_TEXT[address.range][lang];
        const isLiteral = hostname.replace(/^\[|\]$/g, "") === address.address;
        const embedded =
          address.embedded === undefined
            ? ""
            : lang === "sv"
              ? ` (${EMBEDDING_TEXT[address.embedded.via].sv} form av ${address.embedded.ipv4})`
              : ` (${EMBEDDING_TEXT[address.embedded.via].en} form of ${address.embedded.ipv4})`;
        if (lang === "sv") {
          const target = isLiteral
            ? `går till ${address.address}${embedded}`
            : `går till ${hostname}, som pekar på ${address.address}${embedded}`;
          return `Adressen ${url}${via(lang)} ${target}, ${range}. Plattformen hämtar bara från servrar som är nåbara på internet.`;
        }
        const target = isLiteral
          ? `goes to ${address.address}${embedded}`
          : `goes to ${hostname}, which points to ${address.address}${embedded}`;
        return `The address ${url}${via(lang)} ${target}, ${range}. The platform only fetches from servers reachable on the internet.`;
      });
    }
    case "dns":
      if (failure.code === "ENOTFOUND" || failure.code === "ENODATA") {
        return both((lang) =>
          lang === "sv"
            ? `Namnet ${failure.hostname} i ${url}${via(lang)} finns inte i DNS. Kontrollera stavningen.`
            : `The name ${failure.hostname} in ${url}${via(lang)} does not exist in DNS. Check the spelling.`,
        );
      }
      return both((lang) =>
        lang === "sv"
          ? `Namnet ${failure.hostname} i ${url}${via(lang)} gick inte att slå upp i DNS just nu (${failure.code}). Försök igen senare.`
          : `The name ${failure.hostname} in ${url}${via(lang)} could not be looked up in DNS just now (${failure.code}). Try again later.`,
      );
    case "timeout":
      return both((lang) => {
        const s = seconds(failure.ms, lang);
        if (failure.phase === "total") {
          return lang === "sv"
            ? `Hämtningen av ${url}${via(lang)} blev inte klar inom ${s} sekunder.`
            : `Fetching ${url}${via(lang)} did not finish within ${s} seconds.`;
        }
        return lang === "sv"
          ? `Servern för ${url}${via(lang)} svarade inte eller slutade skicka data i ${s} sekunder.`
          : `The server for ${url}${via(lang)} did not answer, or stopped sending data, for ${s} seconds.`;
      });
    case "too-large":
      return both((lang) => {
        const limit = size(failure.maxBytes, lang);
        const declared = failure.declaredBytes;
        if (lang === "sv") {
          const found = declared === undefined ? "är större än så" : `är ${size(declared, lang)}`;
          return `Filen på ${url}${via(lang)} får vara högst ${limit}, men den ${found}. Dela upp den, eller hör av dig om ni behöver publicera större filer.`;
        }
        const found = declared === undefined ? "is larger than that" : `is ${size(declared, lang)}`;
        return `The file at ${url}${via(lang)} may be at most ${limit}, but it ${found}. Split it, or contact us if you need to publish larger files.`;
      });
    case "too-many-redirects":
      return both((lang) =>
        lang === "sv"
          ? `${place.requestedUrl} vidarebefordrade mer än ${failure.maxRedirects} gånger (senast till ${url}). Ange filens slutliga adress.`
          : `${place.requestedUrl} redirected more than ${failure.maxRedirects} times (last to ${url}). Give the file's final address.`,
      );
    case "http-status":
      return both((lang) => {
        const hint = statusHint(failure.status)[lang];
        const line =
          lang === "sv"
            ? `Servern svarade med status ${failure.status} för ${url}${via(lang)}; en lyckad hämtning ger status 200.`
            : `The server answered with status ${failure.status} for ${url}${via(lang)}; a successful fetch gives status 200.`;
        return hint === "" ? line : `${line} ${hint}`;
      });
    case "bad-response":
      return both((lang) => {
        const detail = failure.detail ?? "";
        switch (failure.reason) {
          case "redirect-without-location":
            return lang === "sv"
              ? `Servern för ${url}${via(lang)} vidarebefordrade utan att ange vart (Location saknas).`
              : `The server for ${url}${via(lang)} redirected without saying where (no Location).`;
          case "unsupported-encoding":
            return lang === "sv"
              ? `Servern för ${url}${via(lang)} skickade filen packad som "${detail}"; plattformen läser okomprimerat, gzip, deflate och br.`
              : `The server for ${url}${via(lang)} sent the file packed as "${detail}"; the platform reads uncompressed, gzip, deflate and br.`;
          case "damaged-encoding":
            return lang === "sv"
              ? `Den komprimerade filen från ${url}${via(lang)} är skadad och kunde inte packas upp.`
              : `The compressed file from ${url}${via(lang)} is damaged and could not be unpacked.`;
          case "malformed":
            return lang === "sv"
              ? `Servern för ${url}${via(lang)} svarade inte med korrekt HTTP${detail === "" ? "" : ` (${detail})`}.`
              : `The server for ${url}${via(lang)} did not answer with valid HTTP${detail === "" ? "" : ` (${detail})`}.`;
        }
      });
    case "tls":
      return both((lang) =>
        lang === "sv"
          ? `Den säkra anslutningen till ${failure.hostname} för ${url}${via(lang)} gick inte att verifiera (${failure.code}). Servern behöver ett giltigt certifikat för just det namnet.`
          : `The secure connection to ${failure.hostname} for ${url}${via(lang)} could not be verified (${failure.code}). The server needs a valid certificate for that very name.`,
      );
    case "network":
      return both((lang) =>
        lang === "sv"
          ? `Anslutningen till servern för ${url}${via(lang)} misslyckades eller bröts (${failure.code}). Försök igen senare.`
          : `The connection to the server for ${url}${via(lang)} failed or was cut (${failure.code}). Try again later.`,
      );
    case "aborted":
      return both((lang) =>
        lang === "sv"
          ? `Hämtningen av ${url}${via(lang)} avbröts.`
          : `Fetching ${url}${via(lang)} was cancelled.`,
      );
  }
}
