import "server-only";
import { todayInChina } from "@/lib/domain/dates";
import { coverageOf, type Coverage } from "@/lib/domain/eligibility/coverage";
import { evaluateAll, evaluateBenefit } from "@/lib/domain/eligibility/rules";
import type { Verdict } from "@/lib/domain/eligibility/types";
import type { BenefitTypeName } from "@/lib/domain/enums";
import { isUuid } from "@/lib/domain/ids";
import { assertCan } from "../access/policy";
import { writeAudit } from "../audit";
import { db, type Tx } from "../db";
import { NotFoundError } from "../errors";
import type { Actor } from "../session";
import { findChildFacts, unsafeFindChildFacts } from "./facts";

export type ChildBenefitStatus = Verdict & { covered: Coverage | null };

/**
 * Every benefit of the catalogue for one child today: the verdict with its reasons and what covers it.
 * Part of her file (whose read is audited there); an id out of scope is not found, audited as DENIED.
 */
export async function getChildEligibility(actor: Actor, childId: string): Promise<ChildBenefitStatus[]> {
  await assertCan(actor, "read", "child");
  if (!isUuid(childId)) throw new NotFoundError();
  const on = todayInChina();
  const child = await findChildFacts(actor, childId, on);
  if (!child) {
    await db().$transaction((tx) => writeAudit(tx, actor, { action: "read", entity: "child", entityId: childId, outcome: "DENIED" }));
    throw new NotFoundError();
  }
  return evaluateAll(child.facts, on).map((verdict) => ({
    ...verdict,
    covered: coverageOf(verdict.benefit, child.facts.household, child.entitlements, on),
  }));
}

/** One rule for one child on a day, e.g. when an application is made. No access check: the caller made it. */
export async function unsafeVerdictForChild(tx: Tx, childId: string, benefit: BenefitTypeName, on: string): Promise<Verdict> {
  const child = await unsafeFindChildFacts(tx, childId, on);
  if (!child) throw new NotFoundError();
  return evaluateBenefit(benefit, child.facts, on);
}
