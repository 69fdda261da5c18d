import 'server-only';
import { BlockList, isIP } from 'node:net';

// Which address a request comes from, for the sign-in and sign-up limits
// (docs/decisions/017-client-address-and-sign-in-limits.md).
//
// Under `next start` a route handler never sees the connection: Next copies the peer's address into
// X-Forwarded-For only when the request has no such header, so the header holds whatever the client
// sent. It therefore counts only when the deployment names its reverse proxies (TRUSTED_PROXIES) and so
// promises that every request passes through them and that they append the address they saw: then the
// right-most address in the header that is not one of theirs is the client's.

type Parsed = { address: string; family: 'ipv4' | 'ipv6' };

/** An address as BlockList checks it: IPv4-mapped IPv6 (::ffff:192.0.2.1) as the IPv4 address it is. */
function parse(text: string): Parsed | null {
  const address = text.split('%')[0]!; // an IPv6 zone (fe80::1%eth0) is the receiver's, not the client's
  const version = isIP(address);
  if (version === 4) return { address, family: 'ipv4' };
  if (version !== 6) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  return mapped ? { address: mapped, family: 'ipv4' } : { address, family: 'ipv6' };
}

/** The eight groups of an IPv6 address, an embedded IPv4 tail (64:ff9b::192.0.2.1) as two of them. */
function ipv6Groups(address: string): number[] {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const hex = dotted
    ? address.slice(0, dotted.index) +
      [(+dotted[1]! << 8) | +dotted[2]!, (+dotted[3]! << 8) | +dotted[4]!].map((group) => group.toString(16)).join(':')
    : address;
  const [head = '', tail] = hex.split('::');
  const groups = (part: string) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  if (tail === undefined) return groups(head);
  const left = groups(head);
  const right = groups(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** What the limits count by: an IPv4 address, or the /64 network of an IPv6 one (one subscriber's, whole). */
function keyOf({ address, family }: Parsed): string {
  if (family === 'ipv4') return address;
  return `${ipv6Groups(address)
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

const blockLists = new WeakMap<readonly string[], BlockList>();

/** The trusted proxies (addresses or CIDR ranges, as lib/env.server.ts has checked them) as one BlockList. */
function blockListOf(proxies: readonly string[]): BlockList {
  let list = blockLists.get(proxies);
  if (list) return list;
  list = new BlockList();
  for (const entry of proxies) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  blockLists.set(proxies, list);
  return list;
}

/**
 * The address the request comes from, as the limits count it, or null when this server cannot know it:
 * always without trusted proxies (X-Forwarded-For and X-Real-IP are then ignored), and with them when
 * the header names no address outside them or a malformed one (the chain is then not the proxies' own).
 */
export function clientAddress(headers: Headers, trustedProxies: readonly string[]): string | null {
  if (trustedProxies.length === 0) return null;
  const proxies = blockListOf(trustedProxies);
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (const hop of hops.reverse()) {
    const parsed = parse(hop);
    if (!parsed) return null;
    if (!proxies.check(parsed.address, parsed.family)) return keyOf(parsed);
  }
  return null;
}
