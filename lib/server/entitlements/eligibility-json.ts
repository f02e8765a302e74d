import "server-only";
import type { EligibilityReason } from "@/lib/domain/eligibility/types";

export type StoredVerdict = { eligible: boolean; reasons: EligibilityReason[] };

function isReason(value: unknown): value is EligibilityReason {
  if (!value || typeof value !== "object") return false;
  const { key, params } = value as { key?: unknown; params?: unknown };
  return typeof key === "string" && (params === undefined || (typeof params === "object" && params !== null && !Array.isArray(params)));
}

/** The specially protected category never appears in a reason shown or stored for reading. */
export function visibleReasons(reasons: readonly EligibilityReason[]): EligibilityReason[] {
  return reasons.filter((r) => !JSON.stringify(r).includes("HIV_AFFECTED"));
}

/**
 * The verdict stored with an application (verdictJson), read back defensively: it is JSON written by
 * an earlier version of the rules.
 */
export function readStoredVerdict(value: unknown): StoredVerdict | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const { eligible, reasons } = value as { eligible?: unknown; reasons?: unknown };
  if (typeof eligible !== "boolean" || !Array.isArray(reasons)) return null;
  return { eligible, reasons: visibleReasons(reasons.filter(isReason)) };
}
