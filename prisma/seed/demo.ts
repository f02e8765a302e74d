import { fakerZH_CN as faker } from "@faker-js/faker";
import { addDays, addHours, formatISO, subDays } from "date-fns";
import { dateValue, todayInChina } from "@/lib/domain/dates";
import { hashPassword } from "@/lib/server/auth/passwords";
import { db, type Tx } from "@/lib/server/db";
import { insertChild } from "@/tests/factories/children";
import { DEMO_ACCOUNTS, DEMO_COUNTY, DEMO_PASSWORD, DEMO_TOWNSHIP, DEMO_VILLAGE } from "./demo-accounts";
import { addDemoApplication, addNamedChildren, addPaymentRosters, generatedApplication, loadDemoStaff, seedRates, type DemoStaff, type PayableEntitlement } from "./demo-entitlements";
import { demoProfile, NAMED_PROFILES, type DemoProfile } from "./demo-profiles";

const REFERRAL_STATUSES = ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "REJECTED", "REFERRED", "IN_PROGRESS", "RESOLVED", "CLOSED_UNRESOLVED"] as const;
const AGENCY: Record<string, string> = {
  CIVIL_REGISTRATION: "派出所",
  SCHOOL: "中心学校",
  HEALTH: "乡镇卫生院",
  MEDICAL_INSURANCE: "县医疗保障局",
  SOCIAL_ASSISTANCE: "县民政局",
  DISABILITY: "县残疾人联合会",
  PSYCHOSOCIAL: "县妇女联合会",
};

const REFERRAL_PATH: Record<(typeof REFERRAL_STATUSES)[number], (typeof REFERRAL_STATUSES)[number][]> = {
  DRAFT: ["DRAFT"],
  SUBMITTED: ["DRAFT", "SUBMITTED"],
  RETURNED: ["DRAFT", "SUBMITTED", "RETURNED"],
  APPROVED: ["DRAFT", "SUBMITTED", "APPROVED"],
  REJECTED: ["DRAFT", "SUBMITTED", "REJECTED"],
  REFERRED: ["DRAFT", "SUBMITTED", "APPROVED", "REFERRED"],
  IN_PROGRESS: ["DRAFT", "SUBMITTED", "APPROVED", "REFERRED", "IN_PROGRESS"],
  RESOLVED: ["DRAFT", "SUBMITTED", "APPROVED", "REFERRED", "IN_PROGRESS", "RESOLVED"],
  CLOSED_UNRESOLVED: ["DRAFT", "SUBMITTED", "APPROVED", "REFERRED", "IN_PROGRESS", "CLOSED_UNRESOLVED"],
};

function iso(date: Date) {
  return formatISO(date, { representation: "date" });
}

/** Is the demo already there? Users are the marker: the seed writes everything in one transaction. */
export async function isSeeded(): Promise<boolean> {
  return (await db().user.count()) > 0;
}

/**
 * The demo county: real townships and villages of 新县, one user per role, and a few hundred
 * children across all categories, with visits, referrals at every status, benefit applications at every
 * step with payment rosters, and named children whose benefit gaps are known (demo-profiles.ts).
 * Deterministic: a fixed faker seed (dates are relative to the day of seeding).
 */
export async function seedDemo(): Promise<{ children: number; users: number }> {
  faker.seed(20101123);
  const today = todayInChina();
  faker.setDefaultRefDate(new Date(`${today}T00:00:00+08:00`));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const villages = await db().adminArea.findMany({
    where: { level: "VILLAGE", code: { startsWith: DEMO_COUNTY } },
    select: { code: true, name: true },
    orderBy: { code: "asc" },
  });
  if (villages.length === 0) throw new Error(`Areas of county ${DEMO_COUNTY} are missing: import them first.`);
  // Most children in the demo township (so the supervisor sees a real workload), some elsewhere.
  const home = villages.filter((v) => v.code.startsWith(DEMO_TOWNSHIP));
  const others = villages.filter((v) => !v.code.startsWith(DEMO_TOWNSHIP)).filter((_, i) => i % 6 === 0);

  return db().$transaction(
    async (tx) => {
      const users = await createUsers(tx, passwordHash, home);
      const director = users.get(DEMO_VILLAGE);
      const staff = await loadDemoStaff(tx);
      await seedRates(tx, staff);
      const benefits: DemoBenefits = { staff, payable: [], applications: 0 };
      let count = 0;
      const plan: { village: { code: string; name: string }; n: number }[] = [
        ...home.map((v) => ({ village: v, n: v.code === DEMO_VILLAGE ? 40 : 14 })),
        ...others.map((v) => ({ village: v, n: 6 })),
      ];
      for (const { village, n } of plan) {
        for (let i = 0; i < n; i++) {
          const profile = demoProfile(count);
          const child = await insertChild(tx, { ...profile, village, createdById: village.code === DEMO_VILLAGE ? director : null });
          await addHistory(tx, child.id, village.code, profile, count, today, benefits);
          count++;
        }
      }
      await addGroupSessions(tx, home, director ?? null, today);
      // After every generated child, so the named ones change neither the faker sequence nor the sessions.
      const demoVillage = home.find((v) => v.code === DEMO_VILLAGE);
      if (demoVillage) {
        benefits.payable.push(...(await addNamedChildren(tx, demoVillage, staff, today)));
        count += NAMED_PROFILES.length;
      }
      await addPaymentRosters(tx, staff, benefits.payable, today);
      return { children: count, users: await tx.user.count() };
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}

async function createUsers(tx: Tx, passwordHash: string, homeVillages: { code: string }[]) {
  const byArea = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const user = await tx.user.create({
      data: { loginName: account.loginName, displayName: account.displayName, role: account.role, areaCode: account.areaCode, passwordHash },
      select: { id: true },
    });
    byArea.set(account.areaCode, user.id);
  }
  // Directors for most villages of the demo township, so coverage is a real ratio, not 100%.
  for (const [i, village] of homeVillages.entries()) {
    if (byArea.has(village.code) || i % 4 === 3) continue;
    const user = await tx.user.create({
      data: {
        loginName: `director-${village.code.slice(-3)}`,
        displayName: faker.person.lastName() + faker.person.firstName("female"),
        role: "VILLAGE_DIRECTOR",
        areaCode: village.code,
        passwordHash,
      },
      select: { id: true },
    });
    byArea.set(village.code, user.id);
  }
  return byArea;
}


const CHECK_BY_RISK = {
  RED: ["CONCERN", "CONCERN", "FINE", "CONCERN", "CONCERN"],
  YELLOW: ["CONCERN", "FINE", "FINE", "FINE", "CONCERN"],
  BLUE: ["FINE", "FINE", "FINE", "FINE", "CONCERN"],
  GREEN: ["FINE", "FINE", "FINE", "FINE", "FINE"],
} as const;

type DemoBenefits = { staff: DemoStaff; payable: PayableEntitlement[]; applications: number };

async function addHistory(tx: Tx, childId: string, areaCode: string, profile: DemoProfile, index: number, today: string, benefits: DemoBenefits) {
  const visits = faker.number.int({ min: 0, max: 4 });
  const base = dateValue(today);
  const risk = profile.riskLevel ?? "GREEN";
  const [careCheck, safetyCheck, healthCheck, educationCheck, wellbeingCheck] = CHECK_BY_RISK[risk];
  let lastVisitOn: Date | null = null;
  for (let v = 0; v < visits; v++) {
    const visitedOn = subDays(base, 20 + v * faker.number.int({ min: 25, max: 60 }));
    lastVisitOn ??= visitedOn;
    await tx.visit.create({
      data: {
        childId,
        areaCode,
        visitedOn,
        type: faker.helpers.weightedArrayElement([{ value: "HOME", weight: 8 }, { value: "PHONE", weight: 2 }, { value: "SCHOOL", weight: 1 }]),
        metWith: ["CHILD", "GUARDIAN"],
        riskLevel: risk,
        careCheck,
        safetyCheck,
        healthCheck,
        educationCheck,
        wellbeingCheck,
        care: careCheck === "CONCERN" ? "监护人年老多病，照料力不从心。" : null,
        wellbeing: wellbeingCheck === "CONCERN" ? "孩子情绪低落，想念在外务工的父母。" : null,
        notes: faker.helpers.arrayElement(["孩子精神状态良好，祖母照料尚可。", "作业有人辅导，饮食正常。", "监护人年老多病，需要持续关注。", "孩子情绪低落，想念在外务工的父母。", "房屋有安全隐患，已提醒监护人。"]),
        nextVisitOn: v === 0 ? addDays(visitedOn, 30) : null,
      },
    });
  }
  if (lastVisitOn) await tx.child.update({ where: { id: childId }, data: { lastVisitOn } });
  if (profile.livingArrangement === "ALONE") {
    await tx.mandatoryReport.create({
      data: { childId, areaCode, kind: "CHILD_ALONE", description: "父母均在外务工，孩子独自在家居住，无人照料。", createdAt: subDays(new Date(), 2) },
    });
  }
  if (index % 5 === 0) {
    const status = REFERRAL_STATUSES[(index / 5) % REFERRAL_STATUSES.length] ?? "SUBMITTED";
    const type = profile.categories.some((c) => c.category === "UNREGISTERED")
      ? "CIVIL_REGISTRATION"
      : faker.helpers.arrayElement(Object.keys(AGENCY));
    const submitted = status === "DRAFT" ? null : subDays(base, faker.number.int({ min: 1, max: 40 }));
    const decided = ["DRAFT", "SUBMITTED"].includes(status) ? null : submitted;
    // The approval chain up to the referral's status, so every timeline reads like the real workflow.
    const chain = REFERRAL_PATH[status];
    const stepAt = (i: number) => addHours(subDays(submitted ?? base, 1), i * 6);
    const referral = await tx.referral.create({
      data: {
        childId,
        areaCode,
        type: type as "CIVIL_REGISTRATION",
        agency: AGENCY[type] ?? "县民政局",
        status,
        reason: "儿童主任走访发现需要转介服务",
        submittedAt: submitted,
        stateEnteredAt: stepAt(chain.length - 1),
        dueOn: submitted ? dateValue(iso(addDays(submitted, 7))) : null,
        decidedAt: decided,
      },
      select: { id: true },
    });
    for (const [i, toStatus] of chain.entries()) {
      await tx.referralEvent.create({
        data: {
          referralId: referral.id,
          areaCode,
          fromStatus: i === 0 ? null : chain[i - 1],
          toStatus,
          actorRole: ["DRAFT", "SUBMITTED"].includes(toStatus) ? "VILLAGE_DIRECTOR" : "TOWNSHIP_SUPERVISOR",
          occurredAt: stepAt(i),
        },
      });
    }
  }
  const benefit = profile.categories.some((c) => c.category === "ORPHAN")
    ? "ORPHAN_ALLOWANCE"
    : profile.categories.some((c) => c.category === "DE_FACTO_UNSUPPORTED")
      ? "DE_FACTO_ALLOWANCE"
      : null;
  // A third of the orphans and de-facto unsupported children have not applied: the gap list finds them.
  if (benefit && index % 3 !== 0) {
    const application = generatedApplication(benefits.applications++);
    const paid = await addDemoApplication(tx, benefits.staff, { childId, areaCode, type: benefit, ...application }, today);
    if (paid) benefits.payable.push(paid);
  }
}

const SESSIONS = [
  { topic: "INJURY_PREVENTION", title: "暑期防溺水安全教育", place: "村委会活动室", children: 32, caregivers: 18, daysAgo: 130 },
  { topic: "VIOLENCE_PREVENTION", title: "防性侵害自我保护课堂", place: "村小学教室", children: 45, caregivers: 6, daysAgo: 75 },
  { topic: "PARENTING", title: "隔代教养家长课堂", place: "村委会活动室", children: 8, caregivers: 27, daysAgo: 40 },
  { topic: "PSYCHOSOCIAL", title: "周末儿童之家游戏活动", place: "儿童之家", children: 21, caregivers: 4, daysAgo: 9 },
] as const;

/** Community sessions in the demo village, the recent ones with a few registered children ticked. */
async function addGroupSessions(tx: Tx, villages: { code: string; name: string }[], directorId: string | null, today: string) {
  const village = villages.find((v) => v.code === DEMO_VILLAGE);
  if (!village) return;
  const director = DEMO_ACCOUNTS.find((a) => a.areaCode === DEMO_VILLAGE);
  const children = await tx.child.findMany({ where: { areaCode: DEMO_VILLAGE }, select: { id: true }, take: 6, orderBy: { name: "asc" } });
  for (const [i, s] of SESSIONS.entries()) {
    await tx.groupSession.create({
      data: {
        areaCode: village.code,
        areaName: village.name,
        topic: s.topic,
        title: s.title,
        heldOn: subDays(dateValue(today), s.daysAgo),
        place: s.place,
        facilitator: director?.displayName ?? "儿童主任",
        childrenCount: s.children,
        caregiversCount: s.caregivers,
        createdById: directorId,
        attendees: i === SESSIONS.length - 1 ? { create: children.map((c) => ({ childId: c.id, areaCode: village.code })) } : undefined,
      },
    });
  }
}
