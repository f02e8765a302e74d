import "server-only";
import type { BenefitTypeName } from "@/lib/domain/enums";
import type { Locale } from "@/lib/i18n/config";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "../access/policy";
import { db, type Tx } from "../db";
import type { Actor } from "../session";

export type BenefitDocumentItem = { code: string; nameZh: string; nameEn: string };
export type BenefitDefinition = {
  type: BenefitTypeName;
  nameZh: string;
  nameEn: string;
  isCash: boolean;
  decidingAgencyZh: string;
  decidingAgencyEn: string;
  /** Working days for the township check (查验) and the county confirmation (确认). */
  checkDays: number;
  confirmDays: number;
  documents: BenefitDocumentItem[];
};

const select = {
  type: true,
  nameZh: true,
  nameEn: true,
  isCash: true,
  decidingAgencyZh: true,
  decidingAgencyEn: true,
  checkDays: true,
  confirmDays: true,
  documents: { select: { code: true, nameZh: true, nameEn: true }, orderBy: { sortOrder: "asc" } },
} satisfies Prisma.BenefitSelect;

/** One catalogue entry. No access check: reference data, read inside callers that have checked theirs. */
export async function getBenefit(client: Pick<Tx, "benefit">, type: BenefitTypeName): Promise<BenefitDefinition> {
  return client.benefit.findUniqueOrThrow({ where: { type }, select });
}

/** The whole catalogue in its order. */
export async function listBenefits(actor: Actor): Promise<BenefitDefinition[]> {
  await assertCan(actor, "list", "benefit");
  return db().benefit.findMany({ select, orderBy: { sortOrder: "asc" } });
}

/** The catalogue's own name of a benefit or document in the reader's language. */
export function localName(item: { nameZh: string; nameEn: string }, locale: Locale): string {
  return locale === "en" ? item.nameEn : item.nameZh;
}
