import "server-only";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { isoDate, ZONE } from "@/lib/domain/dates";
import type { BenefitTypeName } from "@/lib/domain/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

export type PaymentBatchSummary = {
  id: string;
  benefit: BenefitTypeName;
  /** yyyy-MM */
  month: string;
  paidCount: number;
  exceptionCount: number;
  /** Sum of the PAID rows in fen, as recorded (a number: far below 2^53 fen for any county). */
  totalFen: number;
  /** Beijing time, "yyyy-MM-dd HH:mm". */
  createdAt: string;
};

export const batchSummarySelect = {
  id: true,
  benefitType: true,
  month: true,
  paidCount: true,
  exceptionCount: true,
  totalFen: true,
  createdAt: true,
} satisfies Prisma.PaymentBatchSelect;

type BatchSummaryRow = Prisma.PaymentBatchGetPayload<{ select: typeof batchSummarySelect }>;

export function toBatchSummary(row: BatchSummaryRow): PaymentBatchSummary {
  return {
    id: row.id,
    benefit: row.benefitType,
    month: isoDate(row.month).slice(0, 7),
    paidCount: row.paidCount,
    exceptionCount: row.exceptionCount,
    totalFen: Number(row.totalFen),
    createdAt: format(new TZDate(row.createdAt, ZONE), "yyyy-MM-dd HH:mm"),
  };
}
