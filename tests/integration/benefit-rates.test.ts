import { beforeAll, describe, expect, it } from "vitest";
import { addMonths, currentMonth, monthStart } from "@/lib/domain/months";
import { rateFor } from "@/lib/server/benefits/rate-lookup";
import { listBenefitRates } from "@/lib/server/benefits/rates";
import { setBenefitRate } from "@/lib/server/benefits/set-rate";
import { db, disconnectDb } from "@/lib/server/db";
import { ForbiddenError, ValidationError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/session";
import { makeVillage } from "../factories/areas";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

// Two counties of province 53 and one of province 54; the migration seeds the national 1,439.90 yuan.
const IN_A = "530102001001";
const IN_B = "530103001001";
const ELSEWHERE = "540102001001";
const NATIONAL_FEN = 143990;
const THIS_MONTH = currentMonth();
const TWO_MONTHS_AGO = addMonths(THIS_MONTH, -2);
const LAST_MONTH = addMonths(THIS_MONTH, -1);

let countyA: Actor;
let countyB: Actor;
let province: Actor;
let directorB: Actor;

const orphanRate = (village: string, month: string) => rateFor(db(), "ORPHAN_ALLOWANCE", village, monthStart(month));
const orphanView = async (actor: Actor) => (await listBenefitRates(actor)).rates.find((r) => r.benefit === "ORPHAN_ALLOWANCE")!;

beforeAll(async () => {
  for (const code of [IN_A, IN_B, ELSEWHERE]) await makeVillage(code);
  countyA = await actorFor("COUNTY_OFFICER", "530102000000");
  countyB = await actorFor("COUNTY_OFFICER", "530103000000");
  province = await actorFor("PROVINCE_OFFICER", "530000000000");
  directorB = await actorFor("VILLAGE_DIRECTOR", IN_B);
});

describe("benefit amounts by area", () => {
  it("without local amounts a county uses the national amount, shown with its source", async () => {
    expect(await orphanRate(IN_B, THIS_MONTH)).toBe(NATIONAL_FEN);
    const view = await orphanView(countyB);
    expect(view.current).toEqual({ month: "2023-07", amountFen: NATIONAL_FEN, source: "NATIONAL", areaCode: "" });
    // The catalogue comes along, with the non-cash benefits (which have no amounts).
    const { catalogue, rates, ownArea } = await listBenefitRates(countyB);
    expect(catalogue.map((b) => b.type)).toContain("HUKOU_REGISTRATION");
    expect(rates.map((r) => r.benefit)).not.toContain("HUKOU_REGISTRATION");
    expect(ownArea).toBe("530103");
  });

  it("a province's amount overrides the national one in all its counties, and a county's own amount overrides the province's", async () => {
    await setBenefitRate(province, { benefit: "ORPHAN_ALLOWANCE", month: TWO_MONTHS_AGO, amountYuan: "1500" });
    await setBenefitRate(countyA, { benefit: "ORPHAN_ALLOWANCE", month: TWO_MONTHS_AGO, amountYuan: "1600.5" });
    expect(await orphanRate(IN_A, THIS_MONTH)).toBe(160050);
    expect(await orphanRate(IN_B, THIS_MONTH)).toBe(150000);
    expect(await orphanRate(ELSEWHERE, THIS_MONTH)).toBe(NATIONAL_FEN);
    expect((await orphanView(countyA)).current).toMatchObject({ amountFen: 160050, source: "COUNTY", areaCode: "530102" });
    // A director sees what applies in her village: her province's amount, her county having none.
    expect((await orphanView(directorB)).current).toMatchObject({ amountFen: 150000, source: "PROVINCE", areaCode: "53" });
    // Rows are written for the officer's own area: the county's 6 digits, the province's 2.
    const rows = await db().benefitRate.findMany({ where: { benefitType: "ORPHAN_ALLOWANCE", areaCode: { in: ["53", "530102"] } }, select: { areaCode: true, setById: true } });
    expect(rows.map((r) => r.areaCode).sort()).toEqual(["53", "530102"]);
  });

  it("a new amount keeps the history, and a month before the change keeps the old amount", async () => {
    await setBenefitRate(countyA, { benefit: "ORPHAN_ALLOWANCE", month: THIS_MONTH, amountYuan: "1700" });
    expect(await orphanRate(IN_A, LAST_MONTH)).toBe(160050);
    expect(await orphanRate(IN_A, THIS_MONTH)).toBe(170000);
    const view = await orphanView(countyA);
    expect(view.current).toMatchObject({ month: THIS_MONTH, amountFen: 170000, source: "COUNTY" });
    expect(view.history.map((h) => [h.month, h.amountFen, h.source])).toEqual([
      [THIS_MONTH, 170000, "COUNTY"],
      [TWO_MONTHS_AGO, 160050, "COUNTY"],
      [TWO_MONTHS_AGO, 150000, "PROVINCE"],
      ["2023-07", NATIONAL_FEN, "NATIONAL"],
    ]);
    // Another county's amounts are not in this county's history.
    expect((await orphanView(countyB)).history.map((h) => h.source)).toEqual(["PROVINCE", "NATIONAL"]);
  });

  it("setting the same month again replaces that amount, and the audit row keeps the old one", async () => {
    const result = await setBenefitRate(countyA, { benefit: "ORPHAN_ALLOWANCE", month: THIS_MONTH, amountYuan: "1750.00" });
    expect(result).toEqual({ benefit: "ORPHAN_ALLOWANCE", month: THIS_MONTH, areaCode: "530102", amountFen: 175000, previousFen: 170000 });
    expect(await db().benefitRate.count({ where: { benefitType: "ORPHAN_ALLOWANCE", areaCode: "530102" } })).toBe(2);
    expect(await orphanRate(IN_A, THIS_MONTH)).toBe(175000);
    const audits = await db().auditEvent.findMany({
      where: { entity: "benefit", action: "update", actorId: countyA.userId },
      select: { details: true, areaCode: true },
      orderBy: { occurredAt: "asc" },
    });
    expect(audits.at(-1)).toEqual({
      areaCode: "530102000000",
      details: { benefit: "ORPHAN_ALLOWANCE", rateArea: "530102", month: THIS_MONTH, amountFen: 175000, previousFen: 170000 },
    });
  });

  it("only county and province officers set amounts (the area comes from the session, never from the input)", async () => {
    const input = { benefit: "ORPHAN_ALLOWANCE", month: THIS_MONTH, amountYuan: "1" } as const;
    const others = [
      directorB,
      await actorFor("TOWNSHIP_SUPERVISOR", "530103001000"),
      await actorFor("MINISTRY_OFFICER", ""),
      await actorFor("SYSTEM_ADMIN", "530000000000"),
      await actorFor("AUDITOR", "530102000000"),
    ];
    for (const actor of others) await expect(setBenefitRate(actor, input)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().benefitRate.count({ where: { monthlyAmountFen: 100 } })).toBe(0);
    expect((await listBenefitRates(directorB)).ownArea).toBeNull();
  });

  it("refuses a non-cash benefit, a month more than a year back, and an amount that is not plain yuan", async () => {
    const bad = [
      { benefit: "HUKOU_REGISTRATION", month: THIS_MONTH, amountYuan: "100" },
      { benefit: "ORPHAN_ALLOWANCE", month: addMonths(THIS_MONTH, -13), amountYuan: "100" },
      { benefit: "ORPHAN_ALLOWANCE", month: THIS_MONTH, amountYuan: "1e3" },
      { benefit: "ORPHAN_ALLOWANCE", month: THIS_MONTH, amountYuan: "-5" },
      { benefit: "ORPHAN_ALLOWANCE", month: THIS_MONTH, amountYuan: "1000000.01" },
    ] as const;
    for (const input of bad) await expect(setBenefitRate(countyB, input)).rejects.toBeInstanceOf(ValidationError);
    expect(await db().benefitRate.count({ where: { areaCode: "530103" } })).toBe(0);
    // Exactly a year back is still allowed (a late-announced change).
    await setBenefitRate(countyB, { benefit: "DIBAO", month: addMonths(THIS_MONTH, -12), amountYuan: "600" });
    expect(await rateFor(db(), "DIBAO", IN_B, monthStart(THIS_MONTH))).toBe(60000);
  });
});
