const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from URLs and cookies are checked before they reach a uuid column (else the database errors). */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
