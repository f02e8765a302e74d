import "server-only";
import { codeOfPrefix } from "@/lib/domain/area-code";
import { dateValue } from "@/lib/domain/dates";
import { parseYuan } from "@/lib/domain/money";
import { monthStart } from "@/lib/domain/months";
import { benefitRateSchema, type BenefitRateInput } from "@/lib/schemas/benefit-rate";
import { z } from "zod";
import { assertCan } from "../access/policy";
import { writeAudit } from "../audit";
import { db } from "../db";
import { ValidationError } from "../errors";
import type { Actor } from "../session";
import { getBenefit } from "./catalogue";
import { assertOwnRateArea } from "./rate-areas";

export type SetBenefitRateResult = { benefit: BenefitRateInput["benefit"]; month: string; areaCode: string; amountFen: number; previousFen: number | null };

/**
 * A county or province officer sets a cash benefit's monthly amount for her own area from a month on. A new
 * month adds a row (history is kept); the same month again replaces that row's amount, the old amount going
 * into the audit details. Months already paid keep what was paid (payments store their own amounts).
 */
export async function setBenefitRate(actor: Actor, input: BenefitRateInput): Promise<SetBenefitRateResult> {
  await assertCan(actor, "update", "benefit");
  const areaCode = assertOwnRateArea(actor);
  // Re-checked here: the data layer also runs from scripts and tests, not only behind the action's parse.
  const parsed = benefitRateSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const { benefit, month } = parsed.data;
  const amountFen = parseYuan(parsed.data.amountYuan)!;
  const effectiveFrom = dateValue(monthStart(month));
  return db().$transaction(async (tx) => {
    const definition = await getBenefit(tx, benefit);
    if (!definition.isCash) throw new ValidationError({ benefit: ["payment.rates.errors.notCash"] });
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`benefit_rate:${benefit}:${areaCode}:${month}`}))`;
    const key = { benefitType_areaCode_effectiveFrom: { benefitType: benefit, areaCode, effectiveFrom } };
    const before = await tx.benefitRate.findUnique({ where: key, select: { monthlyAmountFen: true } });
    await tx.benefitRate.upsert({
      where: key,
      create: { benefitType: benefit, areaCode, effectiveFrom, monthlyAmountFen: amountFen, setById: actor.userId },
      update: { monthlyAmountFen: amountFen, setById: actor.userId },
    });
    await writeAudit(tx, actor, {
      action: "update",
      entity: "benefit",
      entityId: benefit,
      areaCode: codeOfPrefix(areaCode),
      details: { benefit, rateArea: areaCode, month, amountFen, previousFen: before?.monthlyAmountFen ?? null },
    });
    return { benefit, month, areaCode, amountFen, previousFen: before?.monthlyAmountFen ?? null };
  });
}
