import { lookup as dnsLookup } from 'node:dns';
import { isIP } from 'node:net';

/**
 * Server-side request forgery guard for webhook URLs. A tenant chooses the URL, so without a guard Fakturo
 * would POST wherever it is told: to the cloud metadata service, the database, an admin port on
 * localhost. Addresses are classified; only public ones are allowed, private ones also when
 * `FAKTURO_WEBHOOK_ALLOW_PRIVATE=true` (development, tests), and link-local ones (169.254.0.0/16 with the
 * cloud metadata service, fe80::/10) never. IPv6 forms that embed an IPv4 address (mapped `::ffff:a.b.c.d`,
 * compatible, NAT64, 6to4) are judged by that IPv4 address.
 *
 * The check runs when an endpoint is created or changed, and again at every delivery after DNS resolution:
 * the HTTP client connects through `guardedLookup`, so the address checked is the address connected to and
 * a DNS answer that changes in between (rebinding) cannot slip through.
 */

export type AddressClass =
  | 'public'
  | 'private'
  | 'loopback'
  | 'unique_local'
  | 'link_local'
  | 'metadata'
  | 'multicast'
  | 'unspecified'
  | 'reserved'
  | 'invalid';

export interface SsrfPolicy {
  /** Allow loopback, private, unique-local, multicast, unspecified and reserved addresses (never link-local). */
  allowPrivate: boolean;
}

export const ALLOW_PRIVATE_ENV = 'FAKTURO_WEBHOOK_ALLOW_PRIVATE';

export function policyFromEnv(env: NodeJS.ProcessEnv = process.env): SsrfPolicy {
  return { allowPrivate: env[ALLOW_PRIVATE_ENV] === 'true' };
}

function ipv4ToInt(ip: string): number | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

const v4 = (a: number, b: number, c: number, d: number) => ((a * 256 + b) * 256 + c) * 256 + d;
const inV4 = (ip: number, base: number, bits: number) =>
  Math.floor(ip / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits));

function classifyV4(ip: number): AddressClass {
  if (inV4(ip, v4(169, 254, 0, 0), 16)) return 'link_local'; // includes 169.254.169.254, the metadata service
  if (inV4(ip, v4(0, 0, 0, 0), 8)) return 'unspecified';
  if (inV4(ip, v4(127, 0, 0, 0), 8)) return 'loopback';
  if (
    inV4(ip, v4(10, 0, 0, 0), 8) ||
    inV4(ip, v4(172, 16, 0, 0), 12) ||
    inV4(ip, v4(192, 168, 0, 0), 16) ||
    inV4(ip, v4(100, 64, 0, 0), 10) // carrier-grade NAT, RFC 6598
  ) {
    return 'private';
  }
  if (inV4(ip, v4(224, 0, 0, 0), 4)) return 'multicast';
  if (
    inV4(ip, v4(240, 0, 0, 0), 4) || // reserved, and 255.255.255.255 broadcast
    inV4(ip, v4(192, 0, 0, 0), 24) || // IETF protocol assignments
    inV4(ip, v4(192, 0, 2, 0), 24) || // documentation
    inV4(ip, v4(198, 51, 100, 0), 24) ||
    inV4(ip, v4(203, 0, 113, 0), 24) ||
    inV4(ip, v4(198, 18, 0, 0), 15) // benchmarking
  ) {
    return 'reserved';
  }
  return 'public';
}

/** The eight 16-bit groups of an IPv6 address (zone id ignored), or null when it is not one. */
export function parseIPv6(text: string): number[] | null {
  let ip = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const zone = ip.indexOf('%');
  if (zone >= 0) ip = ip.slice(0, zone);
  if (isIP(ip) !== 6) return null;
  let tail: number[] = [];
  const lastColon = ip.lastIndexOf(':');
  const last = ip.slice(lastColon + 1);
  if (last.includes('.')) {
    const n = ipv4ToInt(last);
    if (n === null) return null;
    tail = [Math.floor(n / 65536), n % 65536];
    ip = `${ip.slice(0, lastColon + 1)}0:0`;
  }
  const [head, rest] = ip.includes('::') ? ip.split('::') : [ip, undefined];
  const parse = (s: string | undefined) => (s ? s.split(':').map((g) => Number.parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(rest);
  const groups =
    rest === undefined ? left : [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
  if (groups.length !== 8 || groups.some((g) => !Number.isInteger(g) || g < 0 || g > 0xffff)) return null;
  if (tail.length === 2) {
    groups[6] = tail[0]!;
    groups[7] = tail[1]!;
  }
  return groups;
}

function classifyV6(g: number[]): AddressClass {
  const embedded = (hi: number, lo: number) => classifyV4(hi * 65536 + lo);
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return 'unspecified';
  if (zeros(0, 7) && g[7] === 1) return 'loopback';
  if (zeros(0, 5) && g[5] === 0xffff) return embedded(g[6]!, g[7]!); // IPv4-mapped ::ffff:a.b.c.d
  if (zeros(0, 6)) return embedded(g[6]!, g[7]!); // IPv4-compatible ::a.b.c.d (deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return embedded(g[6]!, g[7]!); // NAT64 64:ff9b::/96
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'private'; // local-use NAT64 64:ff9b:1::/48
  if (g[0] === 0x2002) return embedded(g[1]!, g[2]!); // 6to4 2002:a.b.c.d::/48
  // AWS's IPv6 instance metadata service lives in unique-local space; it is refused like 169.254.169.254
  if (g[0] === 0xfd00 && g[1] === 0x0ec2 && zeros(2, 7) && g[7] === 0x254) return 'metadata';
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return 'unique_local'; // fc00::/7
  if ((first & 0xffc0) === 0xfe80) return 'link_local'; // fe80::/10
  if ((first & 0xffc0) === 0xfec0) return 'private'; // site-local fec0::/10 (deprecated)
  if ((first & 0xff00) === 0xff00) return 'multicast'; // ff00::/8
  if (first === 0x2001 && g[1] === 0x0db8) return 'reserved'; // documentation
  if (first === 0x2001 && g[1] === 0) return 'reserved'; // Teredo tunnels hide the real IPv4 peer
  if (first === 0x0100 && zeros(1, 4)) return 'reserved'; // discard-only 100::/64
  return 'public';
}

/** Classifies an IP address (IPv4 dotted quad or IPv6, brackets and zone ids allowed). */
export function classifyAddress(address: string): AddressClass {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (isIP(bare) === 4) return classifyV4(ipv4ToInt(bare)!);
  const groups = parseIPv6(bare);
  return groups ? classifyV6(groups) : 'invalid';
}

export function isAddressAllowed(address: string, policy: SsrfPolicy): boolean {
  const kind = classifyAddress(address);
  if (kind === 'public') return true;
  if (kind === 'link_local' || kind === 'metadata' || kind === 'invalid') return false;
  return policy.allowPrivate;
}

export type UrlProblem = {
  code: 'webhook_url_invalid' | 'webhook_url_https_required' | 'webhook_url_not_allowed';
  message: string;
};

/**
 * What can be judged without DNS: an absolute http(s) URL, https unless private addresses are allowed, no
 * credentials, and — when the host is an IP literal — an allowed address (the connection then skips DNS).
 */
export function checkUrlSyntax(
  raw: string,
  policy: SsrfPolicy,
): { url: URL; problem: null } | { url: null; problem: UrlProblem } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { url: null, problem: { code: 'webhook_url_invalid', message: 'is not an absolute URL' } };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { url: null, problem: { code: 'webhook_url_invalid', message: 'must be an http(s) URL' } };
  }
  if (url.protocol === 'http:' && !policy.allowPrivate) {
    return { url: null, problem: { code: 'webhook_url_https_required', message: 'must use https' } };
  }
  if (url.username || url.password) {
    return { url: null, problem: { code: 'webhook_url_invalid', message: 'must not contain credentials' } };
  }
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (isIP(host) && !isAddressAllowed(host, policy)) {
    return { url: null, problem: notAllowed(host) };
  }
  return { url, problem: null };
}

function notAllowed(address: string, hostname?: string): UrlProblem {
  const kind = classifyAddress(address).replace('_', '-');
  const subject = hostname ? `resolves to ${address}` : `points to ${address}`;
  return { code: 'webhook_url_not_allowed', message: `${subject}, a ${kind} address webhooks may not reach` };
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to all its addresses (the system resolver, as connections use it). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    );
  });

/**
 * The full check at creation: syntax, then every address the name resolves to. A name that does not
 * resolve (yet) is accepted — delivery checks again and fails until it resolves to an allowed address.
 */
export async function checkUrl(
  raw: string,
  policy: SsrfPolicy,
  resolver: Resolver = systemResolver,
): Promise<UrlProblem | null> {
  const { url, problem } = checkUrlSyntax(raw, policy);
  if (problem) return problem;
  const host = url.hostname;
  if (isIP(host.startsWith('[') ? host.slice(1, -1) : host)) return null;
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolver(host);
  } catch {
    return null;
  }
  const refused = addresses.find((a) => !isAddressAllowed(a.address, policy));
  return refused ? notAllowed(refused.address, host) : null;
}

/** Raised inside a connection attempt when the name resolved to a refused address. */
export class AddressNotAllowedError extends Error {
  readonly code = 'WEBHOOK_ADDRESS_NOT_ALLOWED';
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(
      `${hostname} resolves to ${address}, a ${classifyAddress(address).replace('_', '-')} address webhooks may not reach`,
    );
  }
}

type LookupCallback = (error: Error | null, address: string | ResolvedAddress[], family?: number) => void;

/**
 * A `lookup` for `net.connect` (undici's `connect` options): resolves, refuses the whole name when any of
 * its addresses is not allowed (a mixed answer is how rebinding attacks start), and hands the checked
 * addresses to the socket — which connects to exactly those.
 */
export function guardedLookup(policy: SsrfPolicy, resolver: Resolver = systemResolver) {
  return (
    hostname: string,
    options: { family?: number | string; all?: boolean },
    callback: LookupCallback,
  ) => {
    resolver(hostname).then(
      (addresses) => {
        const refused = addresses.find((a) => !isAddressAllowed(a.address, policy));
        if (refused) return callback(new AddressNotAllowedError(hostname, refused.address), '');
        const family =
          options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family ?? 0);
        const usable =
          family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
        if (usable.length === 0) {
          const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
          return callback(error, '');
        }
        if (options.all) return callback(null, usable);
        return callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: Error) => callback(error, ''),
    );
  };
}
