import "server-only";
import type { ReferralTypeName } from "@/lib/domain/enums";
import { DEADLINE_STATUSES, defaultDeadlineDays, type DeadlineStatus } from "@/lib/domain/referral-workflow";
import { assertCan } from "../access/policy";
import { db } from "../db";
import type { Actor } from "../session";

export type ReferralDeadlineRow = {
  status: DeadlineStatus;
  /** The national default for most referrals, and for civil-affairs recognition where it differs. */
  defaultDays: number;
  recognitionDays: number;
  /** The county's own setting, or null when the defaults apply. */
  workingDays: number | null;
  version: number;
};

const RECOGNITION: ReferralTypeName = "ORPHAN_RECOGNITION";

/** The working days of each status in the actor's county (a director or supervisor sees her county's). */
export async function getReferralDeadlines(actor: Actor): Promise<{ countyCode: string; rows: ReferralDeadlineRow[] }> {
  await assertCan(actor, "read", "referralDeadline");
  const countyCode = actor.scopePrefix.slice(0, 6);
  if (countyCode.length !== 6) return { countyCode, rows: [] };
  const saved = await db().referralDeadline.findMany({ where: { countyCode }, select: { status: true, workingDays: true, version: true } });
  const byStatus = new Map(saved.map((r) => [r.status as string, r]));
  return {
    countyCode,
    rows: DEADLINE_STATUSES.map((status) => ({
      status,
      defaultDays: defaultDeadlineDays("OTHER", status),
      recognitionDays: defaultDeadlineDays(RECOGNITION, status),
      workingDays: byStatus.get(status)?.workingDays ?? null,
      version: byStatus.get(status)?.version ?? 0,
    })),
  };
}
