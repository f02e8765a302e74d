/**
 * The client's address for throttling and the audit trail. X-Forwarded-For is a list the client can start
 * itself: only the entries added by our own proxies are trustworthy, so the address is the one the outermost
 * trusted proxy saw, counted from the right (TRUSTED_PROXY_HOPS, default 1: one nginx in front, as in
 * docs/deployment.md). Without any forwarded header, Next has put the socket's address there itself.
 */
export function clientIp(forwardedFor: string | undefined, hops = trustedProxyHops()): string | undefined {
  const entries = (forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return undefined;
  const index = Math.max(0, entries.length - Math.max(1, hops));
  return entries[index]!.slice(0, 64);
}

function trustedProxyHops(): number {
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 1);
  return Number.isInteger(hops) && hops >= 0 && hops <= 10 ? hops : 1;
}
