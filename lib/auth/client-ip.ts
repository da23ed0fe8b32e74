/**
 * The address a request came from, for per-address limits.
 *
 * `next start` sets X-Forwarded-For from the connection only when the request has none, so a client
 * that sends its own header replaces its address with any it likes. Baro's server (scripts/server.mjs)
 * therefore hands the connection's address to the app in a header of its own, whose name is drawn at
 * random when the process starts (BARO_PEER_HEADER): a client cannot guess it, so cannot forge it.
 *
 * TRUST_PROXY=0 (the default): Baro faces the clients, the connection's address is theirs, and
 * X-Forwarded-For is ignored. TRUST_PROXY=n: n reverse proxies stand in front, each adding the address
 * it saw to the right of X-Forwarded-For; the client is n steps from the right of
 * [X-Forwarded-For…, connection]. Whatever a client wrote further left is ignored.
 */
export function clientIp(headers: Headers, trustProxy: number, peerHeader: string | undefined = process.env.BARO_PEER_HEADER): string {
  const peer = (peerHeader && headers.get(peerHeader)?.trim()) || null;
  const forwarded = (headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  // Without Baro's server (next dev, or next start by hand), the connection's address is known only as
  // the last X-Forwarded-For entry, which a client can forge: docs/operations.md says to use npm start.
  const chain = peer ? [...forwarded, peer] : forwarded;
  const hops = peer ? trustProxy : Math.max(0, trustProxy - 1);
  const ip = chain.length === 0 ? null : chain[Math.max(0, chain.length - 1 - hops)]!;
  return ip ? normalizeIp(ip) : 'local';
}

/** "::ffff:41.73.100.7" → "41.73.100.7"; anything that is not an address becomes "invalid" (one shared key). */
function normalizeIp(ip: string): string {
  const v = ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return /^[0-9a-f:.]{2,45}$/i.test(v) ? v.toLowerCase() : 'invalid';
}
