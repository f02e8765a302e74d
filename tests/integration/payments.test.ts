import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { dateValue } from "@/lib/domain/dates";
import type { BenefitTypeName, EntitlementStatusName } from "@/lib/domain/enums";
import { addMonths, currentMonth, monthStart } from "@/lib/domain/months";
import { db, disconnectDb } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { exportPaymentBatch } from "@/lib/server/payments/export";
import { getPaymentBatch, listPaymentBatches } from "@/lib/server/payments/queries";
import { recordPayments } from "@/lib/server/payments/record";
import { listPaymentRoster } from "@/lib/server/payments/roster";
import type { Actor } from "@/lib/server/session";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

const NATIONAL_FEN = 143990;
const M0 = currentMonth();
const M1 = addMonths(M0, -1);
const M2 = addMonths(M0, -2);
const M3 = addMonths(M0, -3);

type EntitlementSpec = { status: EntitlementStatusName; type?: BenefitTypeName; startMonth?: string | null; endMonth?: string | null };

/** A child of `village` with one entitlement made directly in the database (the application flow is tested elsewhere). */
async function childWith(village: { code: string; name: string }, spec: EntitlementSpec, name?: string) {
  const child = await makeChild({ village, name });
  const entitlement = await db().entitlement.create({
    data: {
      childId: child.id,
      areaCode: village.code,
      type: spec.type ?? "ORPHAN_ALLOWANCE",
      status: spec.status,
      appliedOn: dateValue("2025-01-10"),
      startMonth: spec.startMonth ? dateValue(monthStart(spec.startMonth)) : null,
      endMonth: spec.endMonth ? dateValue(monthStart(spec.endMonth)) : null,
    },
    select: { id: true, version: true },
  });
  return { childId: child.id, name: child.name, idNumber: child.idNumber, entitlementId: entitlement.id };
}

const roster = (actor: Actor, month: string, benefit: BenefitTypeName = "ORPHAN_ALLOWANCE") => listPaymentRoster(actor, { benefit, month });
/** Records what the officer's page shows: the roster as listed a moment before. */
async function record(actor: Actor, month: string, exceptions: { entitlementId: string; reason: string }[] = [], requestId: string = crypto.randomUUID()) {
  const shown = await roster(actor, month).catch(() => null);
  const expected = { entitlementIds: shown?.rows.map((r) => r.entitlementId) ?? [], totalFen: shown?.totalFen ?? 0 };
  return recordPayments(actor, { benefit: "ORPHAN_ALLOWANCE", month, requestId, exceptions, expected });
}

describe("the monthly roster", () => {
  let county: Actor;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const v1 = await makeVillage("540102001001", "东山村民委员会");
    const v2 = await makeVillage("540102002001", "西河村民委员会");
    const neighbour = await makeVillage("540199001001");
    county = await actorFor("COUNTY_OFFICER", "540102000000");
    ids.receiving = (await childWith(v1, { status: "RECEIVING", startMonth: "2025-01" })).entitlementId;
    ids.confirmedFromM1 = (await childWith(v2, { status: "CONFIRMED", startMonth: M1 })).entitlementId;
    ids.confirmedNoStart = (await childWith(v1, { status: "CONFIRMED" })).entitlementId;
    // Ended from M1: M1 is the first month not paid, M2 is still owed.
    ids.endsM1 = (await childWith(v1, { status: "ENDED", startMonth: "2025-01", endMonth: M1 })).entitlementId;
    const closed = await childWith(v1, { status: "RECEIVING", startMonth: "2025-01" });
    await db().child.update({ where: { id: closed.childId }, data: { status: "CLOSED", closedReason: "DIED", closedAt: new Date() } });
    ids.closedFile = closed.entitlementId;
    ids.ended = (await childWith(v1, { status: "ENDED", startMonth: "2025-01", endMonth: M3 })).entitlementId;
    ids.suspended = (await childWith(v1, { status: "SUSPENDED", startMonth: "2025-01" })).entitlementId;
    ids.applied = (await childWith(v1, { status: "APPLIED" })).entitlementId;
    ids.otherBenefit = (await childWith(v1, { status: "RECEIVING", type: "DE_FACTO_ALLOWANCE", startMonth: "2025-01" })).entitlementId;
    ids.otherCounty = (await childWith(neighbour, { status: "RECEIVING", startMonth: "2025-01" })).entitlementId;
  });

  it("holds the receiving children and the confirmed ones whose start month has come, with the month's amount", async () => {
    const m1 = await roster(county, M1);
    expect(new Set(m1.rows.map((r) => r.entitlementId))).toEqual(new Set([ids.receiving, ids.confirmedFromM1]));
    expect(m1.rows.every((r) => r.amountFen === NATIONAL_FEN)).toBe(true);
    expect(m1.totalFen).toBe(2 * NATIONAL_FEN);
    expect(m1.hasMissingRate).toBe(false);
    const confirmed = m1.rows.find((r) => r.entitlementId === ids.confirmedFromM1)!;
    expect(confirmed).toMatchObject({ isFirstPayment: true, wasNotPaid: false, areaName: "西河村" });
  });

  it("leaves out a confirmed entitlement before its start month, one ended from the month or earlier, and a closed file", async () => {
    const m2 = await roster(county, M2);
    expect(new Set(m2.rows.map((r) => r.entitlementId))).toEqual(new Set([ids.receiving, ids.endsM1]));
    const m1 = await roster(county, M1);
    expect(m1.rows.map((r) => r.entitlementId)).not.toContain(ids.endsM1);
    expect([...m1.rows, ...m2.rows].map((r) => r.entitlementId)).not.toContain(ids.closedFile);
  });

  it("refuses a future month and a benefit without cash payments", async () => {
    await expect(roster(county, addMonths(M0, 1))).rejects.toBeInstanceOf(ValidationError);
    await expect(roster(county, M1, "HUKOU_REGISTRATION")).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("recording a month", () => {
  let county: Actor;
  let neighbourCounty: Actor;
  let kids: Awaited<ReturnType<typeof childWith>>[];
  let firstBatchId: string;
  const requestId = crypto.randomUUID();
  const COUNTY_FEN = 150000;

  beforeAll(async () => {
    const village = await makeVillage("540104001001", "南坪村民委员会");
    county = await actorFor("COUNTY_OFFICER", "540104000000");
    neighbourCounty = await actorFor("COUNTY_OFFICER", "540105000000");
    // The county pays its own amount from M2 on: the roster uses it instead of the national one.
    await db().benefitRate.create({ data: { benefitType: "ORPHAN_ALLOWANCE", areaCode: "540104", effectiveFrom: dateValue(monthStart(M2)), monthlyAmountFen: COUNTY_FEN } });
    kids = [
      await childWith(village, { status: "RECEIVING", startMonth: "2025-01" }),
      await childWith(village, { status: "RECEIVING", startMonth: "2025-01" }),
      await childWith(village, { status: "CONFIRMED", startMonth: M1 }),
      await childWith(village, { status: "RECEIVING", startMonth: "2025-01" }, "张冻结"),
    ];
  });

  it("writes one batch with a row per child, totals that are the sum of the rows, and one audit row", async () => {
    const batch = await record(county, M1, [{ entitlementId: kids[3]!.entitlementId, reason: "=HYPERLINK(\"http://x\",\"银行,退回\")" }], requestId);
    firstBatchId = batch.id;
    expect(batch).toMatchObject({ benefit: "ORPHAN_ALLOWANCE", month: M1, paidCount: 3, exceptionCount: 1, totalFen: 3 * COUNTY_FEN });
    const rows = await db().benefitPayment.findMany({ where: { batchId: batch.id }, select: { entitlementId: true, status: true, amountFen: true, exceptionReason: true, month: true, areaCode: true } });
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.status === "PAID").reduce((sum, r) => sum + r.amountFen, 0)).toBe(batch.totalFen);
    expect(rows.find((r) => r.entitlementId === kids[3]!.entitlementId)).toMatchObject({ status: "NOT_PAID", exceptionReason: "=HYPERLINK(\"http://x\",\"银行,退回\")" });
    expect(rows.every((r) => r.month.toISOString().startsWith(monthStart(M1)) && r.areaCode === "540104001001")).toBe(true);
    const stored = await db().paymentBatch.findUniqueOrThrow({ where: { id: batch.id }, select: { areaCode: true, totalFen: true } });
    expect(stored).toEqual({ areaCode: "540104", totalFen: BigInt(3 * COUNTY_FEN) });
    const audits = await db().auditEvent.findMany({ where: { entity: "payment", action: "create", actorId: county.userId }, select: { entityId: true, details: true, outcome: true } });
    expect(audits).toEqual([{ entityId: batch.id, outcome: "SUCCESS", details: { benefit: "ORPHAN_ALLOWANCE", month: M1, paidCount: 3, exceptionCount: 1, totalFen: String(3 * COUNTY_FEN), startedEntitlementIds: [expect.any(String)] } }]);
  });

  it("moves a confirmed entitlement paid for the first time to receiving, with an event on its timeline", async () => {
    const entitlement = await db().entitlement.findUniqueOrThrow({
      where: { id: kids[2]!.entitlementId },
      select: { status: true, version: true, events: { select: { fromStatus: true, toStatus: true, note: true, month: true, actorId: true } } },
    });
    expect(entitlement).toEqual({
      status: "RECEIVING",
      version: 2,
      events: [{ fromStatus: "CONFIRMED", toStatus: "RECEIVING", note: "首次发放", month: dateValue(monthStart(M1)), actorId: county.userId }],
    });
  });

  it("a retry of the same submission returns the same batch and writes nothing more", async () => {
    const again = await record(county, M1, [{ entitlementId: kids[3]!.entitlementId, reason: "重复提交" }], requestId);
    expect(again.id).toBe(firstBatchId);
    expect(await db().paymentBatch.count({ where: { areaCode: "540104" } })).toBe(1);
    expect(await db().benefitPayment.count({ where: { areaCode: { startsWith: "540104" } } })).toBe(4);
  });

  it("a later batch of the month holds only the child not paid, pays her, keeps the earlier exception, and nobody is paid twice", async () => {
    const remaining = await roster(county, M1);
    expect(remaining.rows.map((r) => [r.entitlementId, r.wasNotPaid])).toEqual([[kids[3]!.entitlementId, true]]);
    // Still not paid: her earlier row and reason stand, and nothing is recorded twice.
    await expect(record(county, M1, [{ entitlementId: kids[3]!.entitlementId, reason: "仍未到账" }])).rejects.toBeInstanceOf(ValidationError);
    const second = await record(county, M1);
    expect(second).toMatchObject({ paidCount: 1, exceptionCount: 0, totalFen: COUNTY_FEN });
    const payments = await db().benefitPayment.findMany({ where: { areaCode: { startsWith: "540104" }, month: dateValue(monthStart(M1)) }, select: { status: true, batchId: true, entitlementId: true, exceptionReason: true } });
    expect(payments).toHaveLength(5);
    const hers = payments.filter((p) => p.entitlementId === kids[3]!.entitlementId);
    expect(hers).toEqual(
      expect.arrayContaining([
        { status: "NOT_PAID", batchId: firstBatchId, entitlementId: kids[3]!.entitlementId, exceptionReason: expect.any(String) },
        { status: "PAID", batchId: second.id, entitlementId: kids[3]!.entitlementId, exceptionReason: null },
      ]),
    );
    // Nothing is left to pay for the month: a third batch is refused rather than saved empty.
    expect((await roster(county, M1)).rows).toEqual([]);
    await expect(record(county, M1)).rejects.toBeInstanceOf(ValidationError);
  });

  it("lists the county's batches and shows one with its rows", async () => {
    const batches = await listPaymentBatches(county);
    expect(batches.map((b) => b.month)).toEqual([M1, M1]);
    const detail = await getPaymentBatch(county, firstBatchId);
    expect(detail).toMatchObject({ paidCount: 3, exceptionCount: 1, totalFen: 3 * COUNTY_FEN });
    // The exception stays in the batch that recorded it, though she was paid later.
    expect(detail.rows).toHaveLength(4);
    expect(detail.rows.filter((r) => r.status === "PAID").every((r) => r.amountFen === COUNTY_FEN && r.areaName === "南坪村")).toBe(true);
    expect(detail.rows.filter((r) => r.status === "NOT_PAID")).toHaveLength(1);
    expect(await listPaymentBatches(neighbourCounty)).toEqual([]);
  });

  it("another county's batch is not found, and the attempt is audited", async () => {
    await expect(getPaymentBatch(neighbourCounty, firstBatchId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportPaymentBatch(neighbourCounty, { batchId: firstBatchId, format: "csv", locale: "zh-CN" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPaymentBatch(neighbourCounty, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    const denied = await db().auditEvent.findMany({ where: { actorId: neighbourCounty.userId, entity: "payment", outcome: "DENIED" }, select: { action: true, entityId: true } });
    expect(denied).toEqual(
      expect.arrayContaining([
        { action: "read", entityId: firstBatchId },
        { action: "print", entityId: firstBatchId },
        { action: "read", entityId: null },
      ]),
    );
  });

  it("a rate changed after a month was paid leaves what was paid unchanged", async () => {
    await db().benefitRate.create({ data: { benefitType: "ORPHAN_ALLOWANCE", areaCode: "540104", effectiveFrom: dateValue(monthStart(M1)), monthlyAmountFen: 170000 } });
    expect((await getPaymentBatch(county, firstBatchId)).totalFen).toBe(3 * COUNTY_FEN);
    // The month before the change still uses the old amount.
    expect((await roster(county, M2)).rows.every((r) => r.amountFen === COUNTY_FEN)).toBe(true);
  });
});

describe("at the same moment", () => {
  let county: Actor;

  beforeAll(async () => {
    const village = await makeVillage("540109001001");
    county = await actorFor("COUNTY_OFFICER", "540109000000");
    for (let i = 0; i < 3; i++) await childWith(village, { status: "RECEIVING", startMonth: "2025-01" });
  });

  it("two officers recording the same month at once pay each child once: the second is told the roster changed", async () => {
    // Both pages were drawn before either submitted.
    const shown = await roster(county, M2);
    const expected = { entitlementIds: shown.rows.map((r) => r.entitlementId), totalFen: shown.totalFen };
    const submit = () => recordPayments(county, { benefit: "ORPHAN_ALLOWANCE", month: M2, requestId: crypto.randomUUID(), exceptions: [], expected });
    const results = await Promise.allSettled([submit(), submit()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    // The second officer's page showed children the first had just paid: she is told the roster changed.
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    expect(await db().benefitPayment.count({ where: { areaCode: { startsWith: "540109" }, month: dateValue(monthStart(M2)) } })).toBe(3);
  });

  it("the same submission sent twice at once saves one batch, and both get it", async () => {
    const requestId = crypto.randomUUID();
    const [a, b] = await Promise.all([record(county, M3, [], requestId), record(county, M3, [], requestId)]);
    expect(a.id).toBe(b.id);
    expect(await db().paymentBatch.count({ where: { areaCode: "540109", month: dateValue(monthStart(M3)) } })).toBe(1);
  });
});

describe("refusals", () => {
  let county: Actor;
  let child: Awaited<ReturnType<typeof childWith>>;

  beforeAll(async () => {
    const village = await makeVillage("540106001001");
    county = await actorFor("COUNTY_OFFICER", "540106000000");
    child = await childWith(village, { status: "RECEIVING", startMonth: "2025-01" });
    await makeVillage("540107001001");
  });

  it("refuses a future month, a benefit without cash, and an exception that is not in the roster, writing nothing", async () => {
    await expect(record(county, addMonths(M0, 1))).rejects.toBeInstanceOf(ValidationError);
    await expect(recordPayments(county, { benefit: "SCHOOL_RETURN", month: M1, requestId: crypto.randomUUID(), exceptions: [], expected: { entitlementIds: [], totalFen: 0 } })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const stranger = crypto.randomUUID();
    await expect(record(county, M1, [{ entitlementId: stranger, reason: "不在名单" }])).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().paymentBatch.count({ where: { areaCode: "540106" } })).toBe(0);
    expect(await db().benefitPayment.count({ where: { entitlementId: child.entitlementId } })).toBe(0);
    const denied = await db().auditEvent.findFirstOrThrow({ where: { actorId: county.userId, entity: "payment", outcome: "DENIED" }, select: { action: true, details: true } });
    expect(denied).toEqual({ action: "create", details: { benefit: "ORPHAN_ALLOWANCE", month: M1, entitlementIds: [stranger] } });
  });

  it("refuses a roster that changed since the officer's page was drawn, so nobody is paid unseen", async () => {
    const send = (expected: { entitlementIds: string[]; totalFen: number }) => recordPayments(county, { benefit: "ORPHAN_ALLOWANCE", month: M1, requestId: crypto.randomUUID(), exceptions: [], expected });
    // She was confirmed after the page was drawn: not on the list the officer saw.
    await expect(send({ entitlementIds: [], totalFen: 0 })).rejects.toBeInstanceOf(ConflictError);
    // The amount changed after the page was drawn.
    const shown = await roster(county, M1);
    await expect(send({ entitlementIds: shown.rows.map((r) => r.entitlementId), totalFen: shown.totalFen + 1 })).rejects.toBeInstanceOf(ConflictError);
    expect(await db().benefitPayment.count({ where: { entitlementId: child.entitlementId } })).toBe(0);
    expect(await db().auditEvent.count({ where: { actorId: county.userId, entity: "payment", outcome: "DENIED", details: { path: ["reason"], equals: "rosterChanged" } } })).toBe(2);
    // What she saw is what is paid.
    expect(await send({ entitlementIds: shown.rows.map((r) => r.entitlementId), totalFen: shown.totalFen })).toMatchObject({ paidCount: 1 });
  });

  it("refuses everyone but county officers", async () => {
    const others = [
      await actorFor("VILLAGE_DIRECTOR", "540106001001"),
      await actorFor("TOWNSHIP_SUPERVISOR", "540106001000"),
      await actorFor("PROVINCE_OFFICER", "540000000000"),
      await actorFor("MINISTRY_OFFICER", ""),
    ];
    for (const actor of others) {
      await expect(record(actor, M1)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(roster(actor, M1)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listPaymentBatches(actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe("the roster export", () => {
  let county: Actor;
  let batchId: string;
  let kids: Awaited<ReturnType<typeof childWith>>[];

  beforeAll(async () => {
    const village = await makeVillage("540108001001", "北岭村民委员会");
    county = await actorFor("COUNTY_OFFICER", "540108000000");
    kids = [await childWith(village, { status: "RECEIVING", startMonth: "2025-01" }, "李安"), await childWith(village, { status: "RECEIVING", startMonth: "2025-01" }, "王平")];
    batchId = (await record(county, M1, [{ entitlementId: kids[1]!.entitlementId, reason: "-银行退回,待核实" }])).id;
  });

  it("is a UTF-8 CSV with a byte-order mark, masked ID numbers, a total row and formulas neutralised", async () => {
    const file = await exportPaymentBatch(county, { batchId, format: "csv", locale: "zh-CN" });
    expect(file.fileName).toBe(`发放花名册-孤儿基本生活费-${M1}.csv`);
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.body.toString("utf8").slice(1);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("序号,村（社区）,儿童姓名,身份证号,福利项目,月份,金额（元）,状态,说明");
    const masked = (await db().child.findUniqueOrThrow({ where: { id: kids[0]!.childId }, select: { idNumberMasked: true } })).idNumberMasked;
    expect(lines[1]).toBe(`1,北岭村,李安,${masked},孤儿基本生活费,${M1},1439.90,已发放,`);
    expect(lines[2]).toMatch(new RegExp(`^2,北岭村,王平,[^,]+,孤儿基本生活费,${M1},,未发放,"'-银行退回,待核实"$`));
    expect(lines[3]).toBe(`合计,,已发放 1 人，未发放 1 人,,孤儿基本生活费,${M1},1439.90,,`);
    expect(lines[4]).toBe("");
    // Never the full number: the stored mask only.
    expect(text).not.toContain(kids[0]!.idNumber!);
    expect(masked).toContain("*");
  });

  it("is an XLSX with the same cells, amounts as numbers, and each export audited as a print", async () => {
    const file = await exportPaymentBatch(county, { batchId, format: "xlsx", locale: "zh-CN" });
    expect(file.fileName).toBe(`发放花名册-孤儿基本生活费-${M1}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual([`发放花名册-孤儿基本生活费-${M1}`]);
    expect(values(2)[0]).toBe("序号");
    expect(values(3).slice(0, 3)).toEqual(["1", "北岭村", "李安"]);
    expect(values(3)[6]).toBe(1439.9);
    // Text cells are never formulas in XLSX: the reason is kept as written, and no cell holds a formula.
    expect(values(4)[8]).toBe("-银行退回,待核实");
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    expect(values(5)[0]).toBe("合计");
    expect(values(5)[6]).toBe(1439.9);
    const prints = await db().auditEvent.findMany({ where: { actorId: county.userId, action: "print", entity: "payment" }, select: { entityId: true, outcome: true, details: true }, orderBy: { occurredAt: "asc" } });
    expect(prints).toEqual([
      { entityId: batchId, outcome: "SUCCESS", details: { format: "csv", kind: "paymentRoster" } },
      { entityId: batchId, outcome: "SUCCESS", details: { format: "xlsx", kind: "paymentRoster" } },
    ]);
  });
});
