import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import { ageOn, isoDate, todayInChina } from "@/lib/domain/dates";
import type { Verdict } from "@/lib/domain/eligibility/types";
import { BLOCKING_STATUSES } from "@/lib/domain/entitlement-workflow";
import type { BenefitTypeName, EntitlementStatusName } from "@/lib/domain/enums";
import { isUuid } from "@/lib/domain/ids";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { getBenefit, type BenefitDefinition } from "../benefits/catalogue";
import { db, type Tx } from "../db";
import { unsafeVerdictForChild } from "../eligibility/child";
import { NotFoundError } from "../errors";
import type { Actor } from "../session";
import { visibleReasons } from "./eligibility-json";

export type ApplyChild = { id: string; name: string; age: number; areaName: string };

export type ApplyForm = {
  child: ApplyChild;
  benefit: BenefitDefinition;
  verdict: Verdict;
  /** An application of this benefit already open or active: the page links to it instead of a second form. */
  existing: { id: string; status: EntitlementStatusName } | null;
};

/** The active child the application is for, in scope; the look-up is an audited read of her file. */
async function findApplyChild(tx: Tx, actor: Actor, childId: string, benefit?: BenefitTypeName): Promise<ApplyChild | null> {
  const child = isUuid(childId)
    ? await tx.child.findFirst({ where: { id: childId, status: "ACTIVE", ...scopeWhere(actor) }, select: { id: true, name: true, dateOfBirth: true, areaName: true, areaCode: true } })
    : null;
  if (!child) {
    if (isUuid(childId)) await writeAudit(tx, actor, { action: "read", entity: "child", entityId: childId, outcome: "DENIED", details: { view: "entitlementApply" } });
    return null;
  }
  await writeAudit(tx, actor, { action: "read", entity: "child", entityId: child.id, areaCode: child.areaCode, details: { view: "entitlementApply", ...(benefit ? { benefit } : {}) } });
  return { id: child.id, name: child.name, age: ageOn(isoDate(child.dateOfBirth), todayInChina()), areaName: shortAreaName(child.areaName) };
}

/** The child of the "apply for a benefit" page; a closed file or another area's child is NotFoundError. */
export async function getApplyChild(actor: Actor, childId: string): Promise<ApplyChild> {
  await assertCan(actor, "create", "entitlement");
  const child = await db().$transaction((tx) => findApplyChild(tx, actor, childId));
  if (!child) throw new NotFoundError();
  return child;
}

/** What the director sees before applying: the child, the benefit and its documents, and the rule's verdict today. */
export async function getApplyForm(actor: Actor, childId: string, benefitType: BenefitTypeName): Promise<ApplyForm> {
  await assertCan(actor, "create", "entitlement");
  const form = await db().$transaction(async (tx) => {
    const child = await findApplyChild(tx, actor, childId, benefitType);
    if (!child) return null;
    const verdict = await unsafeVerdictForChild(tx, child.id, benefitType, todayInChina());
    const existing = await tx.entitlement.findFirst({
      where: { childId: child.id, type: benefitType, status: { in: [...BLOCKING_STATUSES] }, ...scopeWhere(actor) },
      select: { id: true, status: true },
    });
    return { child, benefit: await getBenefit(tx, benefitType), verdict: { ...verdict, reasons: visibleReasons(verdict.reasons) }, existing };
  });
  if (!form) throw new NotFoundError();
  return form;
}
