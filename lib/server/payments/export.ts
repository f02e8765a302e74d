import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import type { Locale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translate";
import type { ExportFormat } from "@/lib/schemas/payment";
import { assertCan } from "../access/policy";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Actor } from "../session";
import { toBatchSummary } from "./batch-dto";
import { countyOf } from "./county";
import { readBatch } from "./queries";
import { rosterCsv, rosterXlsx, type SheetInput } from "./roster-sheet";

export type ExportFile = { fileName: string; contentType: string; body: Buffer };

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * A batch's roster as a file (发放花名册), for the bank or the archive. ID numbers are the stored masks,
 * never decrypted. Each export is a bulk export of children's data: one `print` audit row.
 */
export async function exportPaymentBatch(actor: Actor, input: { batchId: string; format: ExportFormat; locale: Locale }): Promise<ExportFile> {
  await assertCan(actor, "read", "payment");
  countyOf(actor);
  const row = await db().$transaction(async (tx) => readBatch(tx, actor, input.batchId, "print", { format: input.format, kind: "paymentRoster" }));
  // Thrown after the transaction so that the DENIED audit row is kept.
  if (!row) throw new NotFoundError();
  const summary = toBatchSummary(row);
  const sheet: SheetInput = {
    ...summary,
    rows: row.payments.map((p) => ({
      areaName: shortAreaName(p.entitlement.child.areaName),
      childName: p.entitlement.child.name,
      idNumberMasked: p.entitlement.child.idNumberMasked,
      amountFen: p.amountFen,
      status: p.status,
      reason: p.exceptionReason,
    })),
  };
  const t = createTranslator(messagesFor(input.locale), messagesFor("zh-CN"));
  const title = t("payment.export.fileName", { benefit: t(`benefit.${summary.benefit}`), month: summary.month });
  const body = input.format === "csv" ? rosterCsv(sheet, t) : await rosterXlsx(sheet, t, title);
  return { fileName: `${title}.${input.format}`, contentType: CONTENT_TYPES[input.format], body };
}
