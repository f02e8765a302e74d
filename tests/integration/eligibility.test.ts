import { describe, expect, it } from "vitest";
import { dateValue, todayInChina } from "@/lib/domain/dates";
import type { BenefitTypeName, EntitlementStatusName } from "@/lib/domain/enums";
import { addDays, latestBirthDateAged } from "@/lib/domain/work-lists";
import { db, disconnectDb } from "@/lib/server/db";
import { getChildEligibility, unsafeVerdictForChild } from "@/lib/server/eligibility/child";
import { scanScopeFacts } from "@/lib/server/eligibility/facts";
import { countBenefitGaps, listBenefitGaps, listReviewTasks } from "@/lib/server/eligibility/gaps";
import { ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { makeVillage } from "../factories/areas";
import { makeChild, type MakeChildInput } from "../factories/children";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

const today = todayInChina();
const orphanParents = { fatherStatus: "DECEASED", motherStatus: "DECEASED" } as const;

/** An orphan of 9 in primary school with insurance: eligible for the orphan allowance and education aid. */
async function addOrphan(village: { code: string; name: string }, over: Omit<MakeChildInput, "village"> = {}) {
  const child = await makeChild({
    village,
    dateOfBirth: latestBirthDateAged(9, today),
    schoolStage: "PRIMARY",
    categories: [{ category: "ORPHAN" }],
    household: orphanParents,
    ...over,
  });
  await db().child.update({ where: { id: child.id }, data: { medicalInsurance: "INSURED" } });
  return child;
}

/** A child with no need at all: insured, in school, parents at home, ordinary household. */
async function addOrdinary(village: { code: string; name: string }, name?: string) {
  const child = await makeChild({ village, name, dateOfBirth: latestBirthDateAged(9, today), schoolStage: "PRIMARY" });
  await db().child.update({ where: { id: child.id }, data: { medicalInsurance: "INSURED" } });
  return child;
}

async function addEntitlement(child: { id: string; areaCode: string }, type: BenefitTypeName, status: EntitlementStatusName, decidedOn: string | null = null) {
  return db().entitlement.create({
    data: { childId: child.id, areaCode: child.areaCode, type, status, appliedOn: dateValue(addDays(today, -300)), decidedOn: decidedOn ? dateValue(decidedOn) : null },
    select: { id: true },
  });
}

const gapKeys = (items: { childId: string; benefit: string }[]) => items.map((g) => `${g.childId}:${g.benefit}`).sort();

describe("the gap list", () => {
  it("lists each eligible child and benefit with the reasons, and counts them", async () => {
    const village = await makeVillage("520102001001");
    const director = await actorFor("VILLAGE_DIRECTOR", village.code);
    const orphan = await addOrphan(village);
    await addOrdinary(village);

    const list = await listBenefitGaps(director, {});
    expect(gapKeys(list.items)).toEqual([`${orphan.id}:EDUCATION_AID`, `${orphan.id}:ORPHAN_ALLOWANCE`].sort());
    expect(list.items.find((g) => g.benefit === "ORPHAN_ALLOWANCE")).toMatchObject({
      childName: orphan.name,
      dateOfBirth: latestBirthDateAged(9, today),
      reasons: [{ key: "category.ORPHAN" }, { key: "age", params: { age: 9 } }],
    });
    expect(list).toMatchObject({ total: 2, childCount: 1, byBenefit: { ORPHAN_ALLOWANCE: 1, EDUCATION_AID: 1 } });
    expect(await countBenefitGaps(director)).toEqual({ children: 1, gaps: 2 });
  });

  it("shows a director her village only, a township supervisor the villages of her township", async () => {
    // One at a time: villages of one township share ancestors, which makeVillage upserts.
    const [a, b, other] = [await makeVillage("520102002001"), await makeVillage("520102002002"), await makeVillage("520102003001")];
    const [inA, inB, inOther] = [await addOrphan(a), await addOrphan(b), await addOrphan(other)];
    const director = await actorFor("VILLAGE_DIRECTOR", a.code);
    const supervisor = await actorFor("TOWNSHIP_SUPERVISOR", "520102002000");

    const ids = async (actor: Parameters<typeof listBenefitGaps>[0]) => new Set((await listBenefitGaps(actor, {})).items.map((g) => g.childId));
    expect(await ids(director)).toEqual(new Set([inA.id]));
    expect(await ids(supervisor)).toEqual(new Set([inA.id, inB.id]));
    expect((await ids(await actorFor("TOWNSHIP_SUPERVISOR", "520102003000"))).has(inOther.id)).toBe(true);
  });

  it("orders by village name, then child name, and pages by 50 with totals over the whole jurisdiction", async () => {
    const late = await makeVillage("520102004001", "乙村");
    const early = await makeVillage("520102004002", "甲村");
    const supervisor = await actorFor("TOWNSHIP_SUPERVISOR", "520102004000");
    const names = ["张三", "李四", "王五"];
    for (const name of names) await addOrphan(late, { name });
    for (let i = 0; i < 24; i++) await addOrphan(early, { name: `陈${String.fromCharCode(0x4e00 + i)}` });

    const first = await listBenefitGaps(supervisor, {});
    expect(first).toMatchObject({ total: 54, childCount: 27 });
    expect(first.items).toHaveLength(50);
    expect(first.items.slice(0, 48).every((g) => g.areaName === "甲村")).toBe(true);
    expect(first.items.slice(48).map((g) => `${g.areaName}${g.childName}`)).toEqual(["乙村李四", "乙村李四"]);
    const second = await listBenefitGaps(supervisor, { page: 2 });
    expect(second.items.map((g) => g.areaName)).toEqual(["乙村", "乙村", "乙村", "乙村"]);
    expect(second.items.map((g) => g.childName)).toEqual(["王五", "王五", "张三", "张三"]);

    const filtered = await listBenefitGaps(supervisor, { benefit: "ORPHAN_ALLOWANCE" });
    expect(filtered).toMatchObject({ total: 27, childCount: 27, byBenefit: { ORPHAN_ALLOWANCE: 27, EDUCATION_AID: 27 } });
    expect(filtered.items.every((g) => g.benefit === "ORPHAN_ALLOWANCE")).toBe(true);
  });

  it("leaves out a benefit applied for, or refused 10 days ago, but suggests one refused 200 days ago again", async () => {
    const village = await makeVillage("520102005001");
    const director = await actorFor("VILLAGE_DIRECTOR", village.code);
    const applied = await addOrphan(village);
    const refusedLately = await addOrphan(village);
    const refusedLongAgo = await addOrphan(village);
    await addEntitlement(applied, "ORPHAN_ALLOWANCE", "APPLIED");
    await addEntitlement(refusedLately, "ORPHAN_ALLOWANCE", "DENIED", addDays(today, -10));
    await addEntitlement(refusedLongAgo, "ORPHAN_ALLOWANCE", "DENIED", addDays(today, -200));

    const orphanGaps = (await listBenefitGaps(director, { benefit: "ORPHAN_ALLOWANCE" })).items.map((g) => g.childId);
    expect(orphanGaps).toEqual([refusedLongAgo.id]);
  });

  it("counts a household on dibao as receiving dibao", async () => {
    const village = await makeVillage("520102006001");
    const director = await actorFor("VILLAGE_DIRECTOR", village.code);
    const onDibao = await addOrdinary(village);
    const lowIncome = await addOrdinary(village);
    const household = async (childId: string, data: { hasDibao?: boolean; isLowIncome?: boolean }) => {
      const { householdId } = await db().child.findUniqueOrThrow({ where: { id: childId }, select: { householdId: true } });
      await db().household.update({ where: { id: householdId }, data });
    };
    await household(onDibao.id, { hasDibao: true });
    await household(lowIncome.id, { isLowIncome: true });

    expect((await listBenefitGaps(director, { benefit: "DIBAO" })).items.map((g) => g.childId)).toEqual([lowIncome.id]);
  });

  it("leaves out closed files and children of 18", async () => {
    const village = await makeVillage("520102007001");
    const director = await actorFor("VILLAGE_DIRECTOR", village.code);
    const closed = await addOrphan(village);
    await db().child.update({ where: { id: closed.id }, data: { status: "CLOSED", closedReason: "MOVED_AWAY", closedAt: new Date() } });
    await addOrphan(village, { dateOfBirth: latestBirthDateAged(18, today) });

    expect(await countBenefitGaps(director)).toEqual({ children: 0, gaps: 0 });
  });

  it("evaluates the jurisdiction in keyset batches and finds the same gaps whatever the batch size", async () => {
    const [first, second] = [await makeVillage("520102008001"), await makeVillage("520102008002")];
    const director = await actorFor("TOWNSHIP_SUPERVISOR", "520102008000");
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await addOrphan(i % 2 === 0 ? first : second));

    const seen: string[] = [];
    const queries = await scanScopeFacts(director, { on: today, batchSize: 3 }, (batch) => {
      expect(batch.length).toBeLessThanOrEqual(3);
      seen.push(...batch.map((c) => c.childId));
    });
    // Seven children, at most three a query: at least three queries, and each child seen exactly once.
    expect(queries).toBeGreaterThanOrEqual(3);
    expect(seen.sort()).toEqual(made.map((c) => c.id).sort());

    const small = await listBenefitGaps(director, {}, { batchSize: 2 });
    expect(gapKeys(small.items)).toEqual(gapKeys((await listBenefitGaps(director, {})).items));
    expect(small.total).toBe(14);
    expect(await countBenefitGaps(director, { batchSize: 2 })).toEqual({ children: 7, gaps: 14 });
  });

  it("is refused to roles without case data", async () => {
    await makeVillage("520102009001");
    const province = await actorFor("PROVINCE_OFFICER", "520000000000");
    await expect(listBenefitGaps(province, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(countBenefitGaps(province)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listReviewTasks(province)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("review tasks", () => {
  it("flags a receiving orphan who turned 18 today, with the reason, and not one of 17", async () => {
    const village = await makeVillage("520102010001");
    const county = await actorFor("COUNTY_OFFICER", "520102000000");
    const adult = await addOrphan(village, { dateOfBirth: latestBirthDateAged(18, today) });
    const minor = await addOrphan(village, { dateOfBirth: latestBirthDateAged(17, today) });
    const receiving = await addEntitlement(adult, "ORPHAN_ALLOWANCE", "RECEIVING", addDays(today, -400));
    await addEntitlement(minor, "ORPHAN_ALLOWANCE", "RECEIVING", addDays(today, -400));

    const tasks = (await listReviewTasks(county)).filter((t) => t.childId === adult.id || t.childId === minor.id);
    expect(tasks).toEqual([
      {
        entitlementId: receiving.id,
        childId: adult.id,
        childName: adult.name,
        areaName: village.name,
        benefit: "ORPHAN_ALLOWANCE",
        status: "RECEIVING",
        reasons: [{ key: "ageReached", params: { age: 18, limit: 18 } }],
      },
    ]);
  });

  it("flags a de-facto allowance after the parent's release and an allowance still held by a closed file, but not a hukou registered (one-off)", async () => {
    const village = await makeVillage("520102011001");
    const director = await actorFor("VILLAGE_DIRECTOR", village.code);
    const released = await makeChild({ village, dateOfBirth: latestBirthDateAged(10, today), categories: [{ category: "DE_FACTO_UNSUPPORTED" }], household: { fatherStatus: "AT_HOME", motherStatus: "MISSING" } });
    const allowance = await addEntitlement(released, "DE_FACTO_ALLOWANCE", "SUSPENDED", addDays(today, -100));
    const registered = await addOrdinary(village);
    await addEntitlement(registered, "HUKOU_REGISTRATION", "RECEIVING", addDays(today, -100));
    const closed = await addOrphan(village, { dateOfBirth: latestBirthDateAged(18, today) });
    await addEntitlement(closed, "ORPHAN_ALLOWANCE", "RECEIVING", addDays(today, -100));
    await db().child.update({ where: { id: closed.id }, data: { status: "CLOSED", closedReason: "AGED_OUT", closedAt: new Date() } });

    const tasks = await listReviewTasks(director, { batchSize: 1 });
    const closedAllowance = await db().entitlement.findFirstOrThrow({ where: { childId: closed.id }, select: { id: true } });
    expect(tasks.map((t) => [t.entitlementId, t.reasons])).toEqual([
      [allowance.id, [{ key: "parentsNoLongerQualify" }]],
      [closedAllowance.id, [{ key: "fileClosed" }]],
    ]);
  });
});

describe("one child's eligibility", () => {
  it("reads the facts from the file: categories still active, disability, insurance, guardians, household", async () => {
    const village = await makeVillage("520102012001");
    const director = await actorFor("VILLAGE_DIRECTOR", village.code);
    const child = await makeChild({
      village,
      dateOfBirth: latestBirthDateAged(5, today),
      schoolStage: "PRESCHOOL",
      categories: [{ category: "DISABILITY" }, { category: "HIV_AFFECTED" }, { category: "POOR_FAMILY" }],
      guardian: { canCare: false },
    });
    await db().child.update({
      where: { id: child.id },
      data: { hasDisabilityCertificate: true, disabilityType: "PHYSICAL", disabilityGrade: 1, medicalInsurance: "NOT_INSURED" },
    });
    await db().childCategory.updateMany({ where: { childId: child.id, category: "POOR_FAMILY" }, data: { endDate: dateValue(addDays(today, -1)) } });
    await db().household.update({ where: { id: child.householdId }, data: { hasDibao: true } });
    await addEntitlement(child, "MEDICAL_INSURANCE", "APPLIED");

    const statuses = await getChildEligibility(director, child.id);
    const eligible = statuses.filter((s) => s.eligible).map((s) => s.benefit);
    expect(eligible).toEqual(["DIBAO", "TEKUN", "DISABILITY_LIVING_SUBSIDY", "DISABILITY_CARE_SUBSIDY", "CHILD_REHAB_AID", "MEDICAL_INSURANCE", "EDUCATION_AID"]);
    expect(statuses.find((s) => s.benefit === "DIBAO")?.covered).toEqual({ entitlementId: null, status: "HOUSEHOLD" });
    expect(statuses.find((s) => s.benefit === "MEDICAL_INSURANCE")?.covered?.status).toBe("APPLIED");
    expect(statuses.find((s) => s.benefit === "TEKUN")?.covered).toBeNull();
    expect(JSON.stringify(statuses)).not.toContain("HIV_AFFECTED");
    expect(JSON.stringify(statuses)).not.toContain("POOR_FAMILY");
    const loaded: string[][] = [];
    await scanScopeFacts(director, { on: today }, (batch) => loaded.push(...batch.filter((c) => c.childId === child.id).map((c) => c.facts.categories)));
    expect(loaded).toEqual([["DISABILITY"]]);
  });

  it("is not found outside the jurisdiction, and the attempt is audited", async () => {
    const [mine, theirs] = [await makeVillage("520102013001"), await makeVillage("520102013002")];
    const director = await actorFor("VILLAGE_DIRECTOR", mine.code);
    const other = await addOrphan(theirs);
    await expect(getChildEligibility(director, other.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getChildEligibility(director, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    const denied = await db().auditEvent.count({ where: { actorId: director.userId, entityId: other.id, outcome: "DENIED" } });
    expect(denied).toBe(1);
    expect((await getChildEligibility(await actorFor("TOWNSHIP_SUPERVISOR", "520102013000"), other.id)).length).toBe(11);
  });

  it("gives one rule's verdict inside a transaction (when an application is made)", async () => {
    const village = await makeVillage("520102014001");
    const orphan = await addOrphan(village);
    const verdict = await db().$transaction((tx) => unsafeVerdictForChild(tx, orphan.id, "ORPHAN_ALLOWANCE", today));
    expect(verdict).toEqual({ benefit: "ORPHAN_ALLOWANCE", eligible: true, reasons: [{ key: "category.ORPHAN" }, { key: "age", params: { age: 9 } }] });
    const later = await db().$transaction((tx) => unsafeVerdictForChild(tx, orphan.id, "ORPHAN_ALLOWANCE", addDays(today, 9 * 366)));
    expect(later.eligible).toBe(false);
  });
});
