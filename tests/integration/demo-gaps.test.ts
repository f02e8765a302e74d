import { beforeAll, describe, expect, it } from "vitest";
import type { BenefitTypeName } from "@/lib/domain/enums";
import { db, disconnectDb } from "@/lib/server/db";
import { countBenefitGaps, listBenefitGaps, listReviewTasks, type BenefitGap } from "@/lib/server/eligibility/gaps";
import type { Actor } from "@/lib/server/session";
import { DEMO_COUNTY, DEMO_VILLAGE } from "@/prisma/seed/demo-accounts";
import { seedDemo } from "@/prisma/seed/demo";
import { NOT_PAID_REASON } from "@/prisma/seed/demo-entitlements";
import { NAMED_PROFILES } from "@/prisma/seed/demo-profiles";
import { importAreas } from "@/scripts/lib/areas";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

const databaseUrl = setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// The named children of the demo village (prisma/seed/demo-profiles.ts) and, worked out by hand from
// their facts and the national rules (lib/domain/eligibility/rules.ts), the benefits each may be missing.
const EXPECTED_GAPS: Record<string, BenefitTypeName[]> = {
  // Orphan, 9, at primary school, insured, no application: the orphan allowance, and education aid
  // (in school and an orphan). Not 特困: her uncle can care for her.
  陈思远: ["ORPHAN_ALLOWANCE", "EDUCATION_AID"],
  // Disabled (certificate, grade 2), 6, in a 低保 household, at school, nothing applied for: both disability
  // subsidies, rehabilitation aid (under 7, poor family), education aid (poor, in school). 低保 itself is
  // covered by the household.
  周子涵: ["DISABILITY_LIVING_SUBSIDY", "DISABILITY_CARE_SUBSIDY", "CHILD_REHAB_AID", "EDUCATION_AID"],
  // De-facto unsupported (category still on file), 11, at school: education aid. Her allowance is received
  // (a review task below, not a gap).
  吴浩然: ["EDUCATION_AID"],
  // Left-behind, 12, out of school: back to school (compulsory age 6–15). Not in school, so no education aid.
  郑小军: ["SCHOOL_RETURN"],
  // Orphan, 17 until tomorrow: receives the allowance, education aid confirmed. Nothing missing.
  孙雅琪: [],
  // Turned 18 a week ago: every benefit for children ends at 18, so no gap (her allowance is a review task).
  林晨曦: [],
  // No hukou, no ID number, not insured, 4 and not at school: registration, then medical insurance.
  黄梓萱: ["MEDICAL_INSURANCE", "HUKOU_REGISTRATION"],
  // De-facto unsupported, 3: the application was returned for a document, which still covers the allowance;
  // too young for school, and 特困 is not for children with their own allowance.
  马一鸣: [],
  // Low-income family: 低保 was denied 50 days ago (not suggested again for 180 days); education aid remains.
  赵欣怡: ["EDUCATION_AID"],
};

/** Every row of the gap list, page after page, as the director would see it. */
async function allGaps(actor: Actor): Promise<{ items: BenefitGap[]; total: number; childCount: number }> {
  const first = await listBenefitGaps(actor, {});
  const items = [...first.items];
  for (let page = 2; items.length < first.total; page++) items.push(...(await listBenefitGaps(actor, { page })).items);
  return { items, total: first.total, childCount: first.childCount };
}

describe("the gap list on the demo data", () => {
  let director: Actor;
  beforeAll(async () => {
    await importAreas(databaseUrl(), { prefix: DEMO_COUNTY, onWarning: () => {} });
    await seedDemo();
    director = await actorFor("VILLAGE_DIRECTOR", DEMO_VILLAGE);
  }, 240_000);

  it("has each named child once in the demo village", async () => {
    const names = NAMED_PROFILES.map((p) => p.name);
    expect(Object.keys(EXPECTED_GAPS).sort()).toEqual([...names].sort());
    const rows = await db().child.groupBy({ by: ["name"], where: { areaCode: DEMO_VILLAGE, name: { in: names } }, _count: true });
    expect(rows.map((r) => [r.name, r._count]).sort()).toEqual(names.map((n) => [n, 1]).sort());
  });

  it("finds for each named child exactly the benefits worked out by hand", async () => {
    const { items } = await allGaps(director);
    const found = Object.fromEntries(
      Object.keys(EXPECTED_GAPS).map((name) => [name, items.filter((gap) => gap.childName === name).map((gap) => gap.benefit)]),
    );
    expect(found).toEqual(EXPECTED_GAPS);
  });

  it("explains a gap in the rule's words: orphan, age 9", async () => {
    const { items } = await allGaps(director);
    const gap = items.find((g) => g.childName === "陈思远" && g.benefit === "ORPHAN_ALLOWANCE");
    expect(gap?.reasons).toEqual([{ key: "category.ORPHAN" }, { key: "age", params: { age: 9 } }]);
  });

  it("asks to review the allowance of a child whose father is home from prison and of one who turned 18, not of one who turns 18 tomorrow", async () => {
    const tasks = await listReviewTasks(director);
    expect(tasks.map((t) => [t.childName, t.benefit, t.status]).sort()).toEqual([
      ["吴浩然", "DE_FACTO_ALLOWANCE", "RECEIVING"],
      ["林晨曦", "ORPHAN_ALLOWANCE", "RECEIVING"],
    ]);
    expect(tasks.find((t) => t.childName === "吴浩然")?.reasons).toEqual([{ key: "parentsNoLongerQualify" }]);
    expect(tasks.find((t) => t.childName === "林晨曦")?.reasons).toEqual([{ key: "ageReached", params: { age: 18, limit: 18 } }]);
  });

  it("gives every application an event chain that ends at its status, open ones a deadline, and pays the receiving ones", async () => {
    const rows = await db().entitlement.findMany({
      select: { status: true, dueOn: true, monthlyAmountFen: true, type: true, events: { select: { toStatus: true, actorRole: true }, orderBy: { occurredAt: "asc" } } },
    });
    expect(rows.filter((e) => e.events.at(-1)?.toStatus !== e.status)).toEqual([]);
    expect(rows.filter((e) => e.events[0]?.toStatus !== "APPLIED" || e.events[0]?.actorRole !== "VILLAGE_DIRECTOR")).toEqual([]);
    expect(rows.filter((e) => ["APPLIED", "CHECKED"].includes(e.status) && e.dueOn === null)).toEqual([]);
    const receiving = rows.filter((e) => e.status === "RECEIVING");
    expect(receiving.length).toBeGreaterThan(0);
    expect(receiving.filter((e) => !e.monthlyAmountFen)).toEqual([]);
    const exceptions = await db().benefitPayment.findMany({ where: { status: "NOT_PAID" }, select: { exceptionReason: true } });
    expect(exceptions).toEqual([{ exceptionReason: NOT_PAID_REASON }]);
    expect(await db().benefitPayment.count({ where: { status: "PAID" } })).toBeGreaterThan(receiving.length);
  });

  it("counts the director's gaps to the number checked in the database", async () => {
    // Checked independently of the rule engine: the rules of lib/domain/eligibility/rules.ts written again
    // in SQL and run with psql on a freshly seeded test database (today = the seed day), e.g.
    //   WITH f AS (SELECT c.id, extract(year FROM age(:'today'::date, c.date_of_birth))::int AS age, …flags,
    //                     ARRAY(SELECT category FROM child_categories WHERE child_id = c.id AND end_date IS NULL) AS cats
    //              FROM children c JOIN households h ON h.id = c.household_id
    //              WHERE c.area_code = '411523101201' AND c.status = 'ACTIVE')
    //   SELECT type, count(*), count(DISTINCT id) FROM f CROSS JOIN LATERAL (VALUES
    //     ('ORPHAN_ALLOWANCE', 'ORPHAN' = ANY(cats) AND age < 18), … one line per benefit …) b(type, eligible)
    //   WHERE eligible AND NOT (type = 'DIBAO' AND has_dibao) AND NOT EXISTS (SELECT 1 FROM entitlements x
    //     WHERE x.child_id = f.id AND x.type::text = b.type AND (x.status IN ('RECEIVING','CONFIRMED','SUSPENDED',
    //     'CHECKED','APPLIED','RETURNED') OR x.status = 'DENIED' AND x.decided_on >= :'today'::date - 180))
    //   GROUP BY ROLLUP (type);
    // gave 33 gaps of 25 children: education aid 16, hukou 6, rehabilitation aid 3, de-facto allowance 2,
    // back to school 2, and one each of the orphan allowance, both disability subsidies and medical insurance.
    const { total, childCount } = await allGaps(director);
    expect({ total, childCount }).toEqual({ total: 33, childCount: 25 });
    expect((await listBenefitGaps(director, {})).byBenefit).toEqual({
      EDUCATION_AID: 16,
      HUKOU_REGISTRATION: 6,
      CHILD_REHAB_AID: 3,
      DE_FACTO_ALLOWANCE: 2,
      SCHOOL_RETURN: 2,
      ORPHAN_ALLOWANCE: 1,
      DISABILITY_LIVING_SUBSIDY: 1,
      DISABILITY_CARE_SUBSIDY: 1,
      MEDICAL_INSURANCE: 1,
    });
    expect(await countBenefitGaps(director)).toEqual({ children: 25, gaps: 33 });
  });
});
