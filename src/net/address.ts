// Which IP addresses the platform may connect to. Everything that is not plainly a globally
// reachable unicast address is refused: the fetcher runs inside our network, and a publisher's
// URL must never reach the metadata service, the database or anything else behind the firewall.

/** Why an address is (or is not) reachable from the internet. Only "public" may be fetched. */
export type AddressRange =
  | "public"
  | "private"
  | "loopback"
  | "link-local"
  | "unique-local"
  | "shared"
  | "multicast"
  | "unspecified"
  | "broadcast"
  | "documentation"
  | "benchmarking"
  | "reserved";

/** How an IPv6 address carries an IPv4 address that decided its range. */
export type Embedding = "ipv4-mapped" | "ipv4-compatible" | "ipv4-translated" | "nat64" | "6to4";

export interface AddressClass {
  readonly address: string;
  readonly version: 4 | 6;
  readonly range: AddressRange;
  /** Set when the range was decided by an IPv4 address inside an IPv6 one. */
  readonly embedded?: { readonly via: Embedding; readonly ipv4: string };
}

interface Block {
  readonly base: number;
  readonly prefix: number;
  readonly range: AddressRange;
}

function v4(dotted: string, prefix: number, range: AddressRange): Block {
  const base = parseIPv4(dotted);
  if (base === undefined) throw new Error(`bad table entry ${dotted}`);
  return { base, prefix, range };
}

// IANA's IPv4 special-purpose registry, most specific first. Ranges that are globally reachable
// but never serve files (AS112, AMT) are left public; anything doubtful is refused.
const IPV4_BLOCKS: readonly Block[] = [
  v4("255.255.255.255", 32, "broadcast"),
  v4("0.0.0.0", 8, "unspecified"),
  v4("10.0.0.0", 8, "private"),
  v4("100.64.0.0", 10, "shared"),
  v4("127.0.0.0", 8, "loopback"),
  v4("169.254.0.0", 16, "link-local"),
  v4("172.16.0.0", 12, "private"),
  v4("192.0.0.0", 24, "reserved"),
  v4("192.0.2.0", 24, "documentation"),
  v4("192.88.99.0", 24, "reserved"),
  v4("192.168.0.0", 16, "private"),
  v4("198.18.0.0", 15, "benchmarking"),
  v4("198.51.100.0", 24, "documentation"),
  v4("203.0.113.0", 24, "documentation"),
  v4("224.0.0.0", 4, "multicast"),
  v4("240.0.0.0", 4, "reserved"),
];

/** A strict dotted quad (no leading zeros, no shorthand) as an unsigned 32-bit number. */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

function formatIPv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join(".");
}

/**
 * An IPv6 address as eight 16-bit groups. Accepts "::" shorthand, a dotted IPv4 tail and a zone
 * ("%eth0", dropped: the zone does not change the range). Brackets are not accepted.
 */
export function parseIPv6(text: string): readonly number[] | undefined {
  const zone = text.indexOf("%");
  let rest = zone === -1 ? text : text.slice(0, zone);
  if (zone !== -1 && zone === text.length - 1) return undefined;
  const tail: number[] = [];
  const lastColon = rest.lastIndexOf(":");
  if (lastColon !== -1 && rest.includes(".", lastColon)) {
    const ipv4 = parseIPv4(rest.slice(lastColon + 1));
    if (ipv4 === undefined) return undefined;
    tail.push(ipv4 >>> 16, ipv4 & 0xffff);
    // "::1.2.3.4" keeps its "::"; "::ffff:1.2.3.4" and "1:2:3:4:5:6:1.2.3.4" lose the separator.
    const head = rest.slice(0, lastColon + 1);
    rest = head.endsWith("::") ? head : head.slice(0, -1);
  }
  const halves = rest.split("::");
  if (halves.length > 2) return undefined;
  const groupsOf = (half: string): number[] | undefined => {
    if (half === "") return [];
    const groups: number[] = [];
    for (const group of half.split(":")) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
      groups.push(parseInt(group, 16));
    }
    return groups;
  };
  const head = groupsOf(halves[0] ?? "");
  const after = halves.length === 2 ? groupsOf(halves[1] ?? "") : [];
  if (head === undefined || after === undefined) return undefined;
  const explicit = head.length + after.length + tail.length;
  if (halves.length === 2) {
    if (explicit > 7) return undefined;
    return [...head, ...(new Array(8 - explicit).fill(0) as number[]), ...after, ...tail];
  }
  if (explicit !== 8) return undefined;
  return [...head, ...tail];
}

function ipv4Range(value: number): AddressRange {
  for (const block of IPV4_BLOCKS) {
    const shift = 32 - block.prefix;
    // Shifts by 32 do nothing in JavaScript; a /0 never occurs in the table.
    if (value >>> shift === block.base >>> shift) return block.range;
  }
  return "public";
}

/** True when the first `bits` bits of the address equal those of the prefix groups. */
function startsWith(groups: readonly number[], prefix: readonly number[], bits: number): boolean {
  for (let i = 0; bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if (((groups[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

function embeddedAt(groups: readonly number[], index: number): number {
  return (groups[index] ?? 0) * 0x10000 + (groups[index + 1] ?? 0);
}

function ipv6Class(address: string, groups: readonly number[]): AddressClass {
  const plain = (range: AddressRange): AddressClass => ({ address, version: 6, range });
  // An IPv6 address that carries an IPv4 one is as private as the IPv4 address it reaches.
  // Deprecated forms (compatible, translated) are refused even when what they carry is public.
  const carrying = (via: Embedding, ipv4: number, publicMeans: AddressRange): AddressClass => {
    const range = ipv4Range(ipv4);
    return {
      address,
      version: 6,
      range: range === "public" ? publicMeans : range,
      embedded: { via, ipv4: formatIPv4(ipv4) },
    };
  };
  if (groups.every((group) => group === 0)) return plain("unspecified");
  if (startsWith(groups, [0, 0, 0, 0, 0, 0, 0, 1], 128)) return plain("loopback");
  if (startsWith(groups, [0, 0, 0, 0, 0, 0xffff], 96)) {
    return carrying("ipv4-mapped", embeddedAt(groups, 6), "public");
  }
  if (startsWith(groups, [0, 0, 0, 0, 0xffff, 0], 96)) {
    return carrying("ipv4-translated", embeddedAt(groups, 6), "reserved");
  }
  if (startsWith(groups, [], 96)) return carrying("ipv4-compatible", embeddedAt(groups, 6), "reserved");
  if (startsWith(groups, [0x64, 0xff9b], 96)) return carrying("nat64", embeddedAt(groups, 6), "public");
  if (startsWith(groups, [0x2002], 16)) return carrying("6to4", embeddedAt(groups, 1), "public");
  if (startsWith(groups, [0xfc00], 7)) return plain("unique-local");
  if (startsWith(groups, [0xfe80], 10)) return plain("link-local");
  // Site-local (deprecated, RFC 3879): private by intent.
  if (startsWith(groups, [0xfec0], 10)) return plain("private");
  if (startsWith(groups, [0xff00], 8)) return plain("multicast");
  if (startsWith(groups, [0x2001, 0x0db8], 32)) return plain("documentation");
  if (startsWith(groups, [0x3fff], 20)) return plain("documentation");
  // IETF protocol assignments, Teredo among them: nothing a publisher serves files from.
  if (startsWith(groups, [0x2001], 23)) return plain("reserved");
  // Only global unicast (2000::/3) remains public; 64:ff9b:1::/48, 100::/64, 5f00::/16 and
  // everything unassigned fall through to reserved.
  if (startsWith(groups, [0x2000], 3)) return plain("public");
  return plain("reserved");
}

/**
 * The range of an IP address written as text (IPv4 dotted quad or IPv6, without brackets), or
 * undefined when the text is not an IP address.
 */
export function classifyAddress(text: string): AddressClass | undefined {
  const ipv4 = parseIPv4(text);
  if (ipv4 !== undefined) return { address: text, version: 4, range: ipv4Range(ipv4) };
  const groups = parseIPv6(text);
  if (groups !== undefined) return ipv6Class(text, groups);
  return undefined;
}

/** True only for an IP address the platform may connect to; false for anything else. */
export function isPublicAddress(text: string): boolean {
  return classifyAddress(text)?.range === "public";
}
