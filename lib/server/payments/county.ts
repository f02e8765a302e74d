import "server-only";
import type { BenefitTypeName } from "@/lib/domain/enums";
import { currentMonth, isMonth } from "@/lib/domain/months";
import type { Tx } from "../db";
import { ForbiddenError, ValidationError } from "../errors";
import type { Actor } from "../session";
import { getBenefit } from "../benefits/catalogue";

/** Payments are the county's (it pays): the actor's scope must be exactly a 6-digit county. */
export function countyOf(actor: Actor): string {
  if (!/^\d{6}$/.test(actor.scopePrefix)) throw new ForbiddenError();
  return actor.scopePrefix;
}

/** A roster month is a real month and not in the future (Beijing): nobody is paid ahead. */
export function assertPayableMonth(month: string): void {
  if (!isMonth(month)) throw new ValidationError({ month: ["payment.errors.month"] });
  if (month > currentMonth()) throw new ValidationError({ month: ["payment.errors.monthInFuture"] });
}

/** Only cash benefits have monthly payments; hukou registration or a return to school have none. */
export async function assertCashBenefit(client: Pick<Tx, "benefit">, benefit: BenefitTypeName): Promise<void> {
  const definition = await getBenefit(client, benefit);
  if (!definition.isCash) throw new ValidationError({ benefit: ["payment.errors.notCash"] });
}
