import { dateValue } from "@/lib/domain/dates";
import type { BenefitTypeName, EntitlementStatusName } from "@/lib/domain/enums";
import { addCalendarDays, addWorkingDays } from "@/lib/domain/working-days";
import type { RoleName } from "@/lib/domain/roles";
import { getBenefit, type BenefitDefinition } from "@/lib/server/benefits/catalogue";
import { rateFor } from "@/lib/server/benefits/rate-lookup";
import type { Tx } from "@/lib/server/db";
import { unsafeVerdictForChild } from "@/lib/server/eligibility/child";
import { loadWorkCalendar } from "@/lib/server/referral-deadlines/due-date";
import { insertChild } from "@/tests/factories/children";
import { DEMO_COUNTY } from "./demo-accounts";
import { NAMED_PROFILES } from "./demo-profiles";

// The demo's benefits: local rates with history, applications at every step of the workflow with their
// event chains, and a few months of payment rosters. Everything is placed relative to the seed day.

/** Who acts at each level: the village's director, the township's supervisor, the county officer. */
export type DemoStaff = { directors: Map<string, string>; supervisors: Map<string, string>; county: string | null; province: string | null };

/** A confirmed cash benefit, for the payment rosters: paid from `startMonth` until before `stopMonth`. */
export type PayableEntitlement = { id: string; childId: string; areaCode: string; type: BenefitTypeName; startMonth: string; stopMonth: string | null };

export type DemoApplication = { childId: string; areaCode: string; type: BenefitTypeName; status: EntitlementStatusName; appliedDaysAgo: number; note?: string };

export async function loadDemoStaff(tx: Tx): Promise<DemoStaff> {
  const users = await tx.user.findMany({
    where: { role: { in: ["VILLAGE_DIRECTOR", "TOWNSHIP_SUPERVISOR", "COUNTY_OFFICER", "PROVINCE_OFFICER"] }, isActive: true },
    select: { id: true, role: true, areaCode: true },
    orderBy: { loginName: "asc" },
  });
  const byArea = (role: RoleName, length: number) => new Map(users.filter((u) => u.role === role).map((u) => [u.areaCode.slice(0, length), u.id]));
  return {
    directors: byArea("VILLAGE_DIRECTOR", 12),
    supervisors: byArea("TOWNSHIP_SUPERVISOR", 9),
    county: byArea("COUNTY_OFFICER", 6).get(DEMO_COUNTY) ?? null,
    province: byArea("PROVINCE_OFFICER", 2).get(DEMO_COUNTY.slice(0, 2)) ?? null,
  };
}

/** The county's own amounts (fen a month) and a province-wide raise of the orphan allowance over the national rate. */
export async function seedRates(tx: Tx, staff: DemoStaff): Promise<void> {
  const county = [
    { benefitType: "DIBAO", monthlyAmountFen: 60_000 },
    { benefitType: "TEKUN", monthlyAmountFen: 90_000 },
    { benefitType: "DISABILITY_LIVING_SUBSIDY", monthlyAmountFen: 10_000 },
    { benefitType: "DISABILITY_CARE_SUBSIDY", monthlyAmountFen: 10_000 },
  ] as const;
  await tx.benefitRate.createMany({
    data: [
      ...county.map((r) => ({ ...r, areaCode: DEMO_COUNTY, effectiveFrom: dateValue("2024-01-01"), setById: staff.county })),
      { benefitType: "ORPHAN_ALLOWANCE", areaCode: DEMO_COUNTY.slice(0, 2), effectiveFrom: dateValue("2025-01-01"), monthlyAmountFen: 150_000, setById: staff.province },
    ],
  });
}

const RETURN_NOTE = "请补充监护人身份证复印件后重新提交。";
const SUSPEND_NOTE = "监护人未按时参加年度复核，暂停发放，复核后恢复。";

/** The n-th generated application: mostly paid, the rest spread over the workflow (some past their deadline). */
export function generatedApplication(n: number): Pick<DemoApplication, "status" | "appliedDaysAgo" | "note"> {
  const receiving = { status: "RECEIVING" as const, appliedDaysAgo: 100 + (n % 5) * 20 };
  const cycle: Pick<DemoApplication, "status" | "appliedDaysAgo" | "note">[] = [
    receiving,
    { status: "APPLIED", appliedDaysAgo: 2 + ((n * 7) % 19) },
    receiving,
    { status: "CHECKED", appliedDaysAgo: 7 + ((n * 5) % 14) },
    receiving,
    { status: "RETURNED", appliedDaysAgo: 6 + (n % 8), note: RETURN_NOTE },
    receiving,
    { status: "APPLIED", appliedDaysAgo: 2 + ((n * 7) % 19) },
    { status: "CONFIRMED", appliedDaysAgo: 20 + (n % 10) },
    receiving,
    { status: "CHECKED", appliedDaysAgo: 7 + ((n * 5) % 14) },
    { status: "SUSPENDED", appliedDaysAgo: 150, note: SUSPEND_NOTE },
  ];
  return cycle[n % cycle.length]!;
}

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+08:00`);
const monthOf = (day: string) => day.slice(0, 7);
function nextMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

type Step = { to: EntitlementStatusName; day: string; hour: number; role: RoleName; actorId: string | null; note?: string; month?: string };

const catalogue = new Map<BenefitTypeName, Promise<BenefitDefinition>>();

/**
 * One application and its history up to `status`, as the workflow would have left it: the event chain with
 * the right roles, who checked and decided, the deadline of an open step, the amount of a confirmed cash
 * benefit (the area's rate for the start month) and the rule's verdict on the day of the application.
 */
export async function addDemoApplication(tx: Tx, staff: DemoStaff, app: DemoApplication, today: string): Promise<PayableEntitlement | null> {
  if (!catalogue.has(app.type)) catalogue.set(app.type, getBenefit(tx, app.type));
  const benefit = await catalogue.get(app.type)!;
  const applied = addCalendarDays(today, -app.appliedDaysAgo);
  const director = staff.directors.get(app.areaCode) ?? null;
  const supervisor = staff.supervisors.get(app.areaCode.slice(0, 9)) ?? null;
  const steps: Step[] = [{ to: "APPLIED", day: applied, hour: 9, role: "VILLAGE_DIRECTOR", actorId: director }];
  const township = (to: EntitlementStatusName, days: number, note?: string) => steps.push({ to, day: addCalendarDays(applied, days), hour: 10, role: "TOWNSHIP_SUPERVISOR", actorId: supervisor, note });
  const county = (to: EntitlementStatusName, day: string, extra: Partial<Step> = {}) => steps.push({ to, day, hour: 15, role: "COUNTY_OFFICER", actorId: staff.county, ...extra });
  const decided = addCalendarDays(applied, 10);
  const startMonth = nextMonth(monthOf(decided));

  if (app.status === "RETURNED") township("RETURNED", 3, app.note);
  if (["CHECKED", "CONFIRMED", "RECEIVING", "SUSPENDED", "DENIED"].includes(app.status)) township("CHECKED", 5);
  if (app.status === "DENIED") county("DENIED", decided, { note: app.note });
  if (["CONFIRMED", "RECEIVING", "SUSPENDED"].includes(app.status)) county("CONFIRMED", decided, { month: startMonth });
  // The first payment of the start month moves it to RECEIVING (lib/server/payments/record.ts).
  if (["RECEIVING", "SUSPENDED"].includes(app.status)) county("RECEIVING", `${startMonth}-15`, { hour: 10, note: "首次发放", month: startMonth });
  const suspendedOn = addCalendarDays(today, -12);
  if (app.status === "SUSPENDED") county("SUSPENDED", suspendedOn, { note: app.note, month: monthOf(suspendedOn) });

  const last = steps.at(-1)!;
  const checked = steps.find((s) => s.to === "CHECKED");
  const decision = steps.find((s) => s.to === "CONFIRMED" || s.to === "DENIED");
  const days = app.status === "APPLIED" ? benefit.checkDays : app.status === "CHECKED" ? benefit.confirmDays : null;
  const dueOn = days === null ? null : addWorkingDays(last.day, days, await loadWorkCalendar(tx, last.day));
  const isPaid = benefit.isCash && ["CONFIRMED", "RECEIVING", "SUSPENDED"].includes(app.status);
  const verdict = await unsafeVerdictForChild(tx, app.childId, app.type, applied);
  const created = await tx.entitlement.create({
    data: {
      childId: app.childId,
      areaCode: app.areaCode,
      type: app.type,
      status: app.status,
      appliedOn: dateValue(applied),
      eligibleOnApply: verdict.eligible,
      eligibility: { eligible: verdict.eligible, reasons: verdict.reasons.map((r) => (r.params ? { key: r.key, params: r.params } : { key: r.key })) },
      justification: verdict.eligible ? null : "儿童主任走访核实，情况符合当地政策。",
      statusReason: ["RETURNED", "DENIED", "SUSPENDED"].includes(app.status) ? (app.note ?? null) : null,
      checkedAt: checked ? at(checked.day, checked.hour) : null,
      checkedById: checked?.actorId ?? null,
      decidedOn: decision ? dateValue(decision.day) : null,
      decidedById: decision?.actorId ?? null,
      startMonth: decision?.to === "CONFIRMED" ? dateValue(`${startMonth}-01`) : null,
      monthlyAmountFen: isPaid ? await rateFor(tx, app.type, app.areaCode, `${startMonth}-01`) : null,
      stateEnteredAt: at(last.day, last.hour),
      dueOn: dueOn ? dateValue(dueOn) : null,
      createdById: director,
      createdAt: at(applied, 9),
      events: {
        create: steps.map((s, i) => ({
          areaCode: app.areaCode,
          fromStatus: i === 0 ? null : steps[i - 1]!.to,
          toStatus: s.to,
          actorId: s.actorId,
          actorRole: s.role,
          note: s.note ?? null,
          month: s.month ? dateValue(`${s.month}-01`) : null,
          occurredAt: at(s.day, s.hour),
        })),
      },
    },
    select: { id: true },
  });
  if (!isPaid || app.status === "CONFIRMED") return null;
  return { id: created.id, childId: app.childId, areaCode: app.areaCode, type: app.type, startMonth, stopMonth: app.status === "SUSPENDED" ? monthOf(suspendedOn) : null };
}

function previousMonths(today: string, count: number): string[] {
  const months: string[] = [];
  let month = monthOf(today);
  for (let i = 0; i < count; i++) {
    const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
    month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
    months.unshift(month);
  }
  return months;
}

export const NOT_PAID_REASON = "监护人银行账户已销户，待提供新账户后补发。";

/**
 * The last three months' rosters of the county, one batch per cash benefit and month, recorded on the
 * 15th. The current month is left for the demo county officer to record. In the latest month the second
 * orphan on the roster was not paid (an exception with its reason).
 */
export async function addPaymentRosters(tx: Tx, staff: DemoStaff, payable: PayableEntitlement[], today: string): Promise<void> {
  const months = previousMonths(today, 3);
  const types = [...new Set(payable.map((p) => p.type))];
  for (const type of types) {
    for (const month of months) {
      const roster = payable.filter((p) => p.type === type && p.startMonth <= month && (p.stopMonth === null || month < p.stopMonth));
      if (roster.length === 0) continue;
      const amountFen = (await rateFor(tx, type, DEMO_COUNTY, `${month}-01`)) ?? 0;
      const exception = type === "ORPHAN_ALLOWANCE" && month === months.at(-1) ? roster[1]?.id : undefined;
      const paid = roster.filter((p) => p.id !== exception);
      const recordedAt = at(`${month}-15`, 10);
      await tx.paymentBatch.create({
        data: {
          areaCode: DEMO_COUNTY,
          benefitType: type,
          month: dateValue(`${month}-01`),
          paidCount: paid.length,
          exceptionCount: roster.length - paid.length,
          totalFen: BigInt(amountFen) * BigInt(paid.length),
          createdById: staff.county,
          createdAt: recordedAt,
          payments: {
            create: roster.map((p) => ({
              entitlementId: p.id,
              childId: p.childId,
              areaCode: p.areaCode,
              benefitType: type,
              month: dateValue(`${month}-01`),
              amountFen,
              status: p.id === exception ? ("NOT_PAID" as const) : ("PAID" as const),
              exceptionReason: p.id === exception ? NOT_PAID_REASON : null,
              recordedById: staff.county,
              createdAt: recordedAt,
            })),
          },
        },
      });
    }
  }
}

/** The ISO date of birth of a child who is `age` on `today`, her birthday `sinceBirthday` days ago (negative: ahead). */
export function bornOn(today: string, age: number, sinceBirthday: number): string {
  const birthday = addCalendarDays(today, -sinceBirthday);
  const monthDay = birthday.slice(5) === "02-29" ? "02-28" : birthday.slice(5);
  return `${Number(birthday.slice(0, 4)) - age}-${monthDay}`;
}

/** The named children of the demo village (demo-profiles.ts), their file details, applications and later changes. */
export async function addNamedChildren(tx: Tx, village: { code: string; name: string }, staff: DemoStaff, today: string): Promise<PayableEntitlement[]> {
  const payable: PayableEntitlement[] = [];
  const director = staff.directors.get(village.code) ?? null;
  for (const { age, sinceBirthday, file, lowIncome, applications, later, ...input } of NAMED_PROFILES) {
    const child = await insertChild(tx, { ...input, village, dateOfBirth: bornOn(today, age, sinceBirthday), createdById: director });
    if (file) await tx.child.update({ where: { id: child.id }, data: file });
    if (lowIncome) await tx.household.update({ where: { id: child.householdId }, data: { isLowIncome: true } });
    for (const app of applications ?? []) {
      const paid = await addDemoApplication(tx, staff, { ...app, childId: child.id, areaCode: village.code }, today);
      if (paid) payable.push(paid);
    }
    if (later) await tx.household.update({ where: { id: child.householdId }, data: later });
  }
  return payable;
}
