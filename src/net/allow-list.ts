// The operator's exceptions: hosts that may resolve to private addresses (a municipality's file
// server on an internal network the platform is meant to reach, or a test server on 127.0.0.1).

/** One entry of ALLOWED_PRIVATE_HOSTS: a hostname as the URL parser writes it, and maybe a port. */
export interface AllowedHost {
  readonly hostname: string;
  /** Undefined: any port. */
  readonly port: number | undefined;
}

/** `host`, `host:port`, `[ipv6]` or `[ipv6]:port`. The same shape config.ts accepts. */
export const ALLOWED_HOST_PATTERN =
  /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)(?::(\d{1,5}))?$/;

/** Parses one entry; throws an Error naming the entry when it is not `host` or `host:port`. */
export function parseAllowedHost(entry: string): AllowedHost {
  const match = ALLOWED_HOST_PATTERN.exec(entry.trim());
  const host = match?.[1];
  const port = match?.[2] === undefined ? undefined : Number(match[2]);
  let hostname: string | undefined;
  try {
    // The URL parser's form, so "LOCALHOST", "0x7f.1" or "[::FFFF:127.0.0.1]" compare as the URL
    // being fetched will be written.
    hostname = host === undefined ? undefined : new URL(`http://${host}/`).hostname;
  } catch {
    hostname = undefined;
  }
  if (hostname === undefined || hostname === "" || (port !== undefined && (port < 1 || port > 65535))) {
    throw new Error(`"${entry}" is not host or host:port (IPv6 in brackets: [::1]:8080)`);
  }
  return { hostname, port };
}

export function parseAllowedHosts(entries: readonly string[]): readonly AllowedHost[] {
  return entries.map(parseAllowedHost);
}

export function defaultPort(url: URL): number {
  return url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port);
}

/**
 * True when the URL's hostname, as written, is on the list (and its port, when the entry names
 * one). Matching is by name, never by address: allowing "files.kommun.test" does not allow
 * another name that resolves to the same private address.
 */
export function isAllowedHost(list: readonly AllowedHost[], url: URL): boolean {
  const hostname = url.hostname.toLowerCase();
  const port = defaultPort(url);
  return list.some(
    (entry) => entry.hostname === hostname && (entry.port === undefined || entry.port === port),
  );
}
