import crypto from "node:crypto";

/**
 * The text a seal hashes, written out here rather than calling the database's audit_event_canonical():
 * whoever can replace that function could make an edited row hash as before. It must stay the same
 * expression as the migration's; tests/integration/audit-chain.test.ts proves they agree.
 */
export function canonicalSql(e: string): string {
  return `json_build_array(${e}.id::text, (extract(epoch FROM ${e}.occurred_at) * 1000)::bigint::text,
    ${e}.actor_id::text, ${e}.actor_role::text, ${e}.action, ${e}.entity, ${e}.entity_id, ${e}.area_code,
    ${e}.outcome::text, ${e}.request_id, ${e}.details::text)::text`;
}

/** sha256(prev_hash or "" + canonical), hex: what the seal trigger stores. */
export function sealHash(prevHash: string | null, canonical: string): string {
  return crypto
    .createHash("sha256")
    .update((prevHash ?? "") + canonical, "utf8")
    .digest("hex");
}
