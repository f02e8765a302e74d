import "server-only";
import ExcelJS from "exceljs";
import { currentMonth } from "@/lib/domain/months";
import type { Locale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";
import { createTranslator, type Translate } from "@/lib/i18n/translate";
import { TABLE_COLUMNS, type IndicatorExportQuery } from "@/lib/schemas/indicators";
import { assertCan } from "../access/policy";
import { writeAudit } from "../audit";
import { db } from "../db";
import { neutralizeFormula } from "../payments/roster-sheet";
import type { Actor } from "../session";
import { resolveDashboardArea } from "./area";
import { readSubAreaTable, type SubAreaRow } from "./queries";
import type { Figure } from "./stats";

export type IndicatorFile = { fileName: string; contentType: string; body: Buffer; rows: number };

const PERCENT_COLUMNS = new Set(["visitCoverage", "directorCoverage"]);

function cellText(column: string, value: Figure, t: Translate): string {
  if (value === "suppressed") return t("indicators.suppressed");
  if (value === null) return "";
  return PERCENT_COLUMNS.has(column) ? `${value}%` : String(value);
}

/** The sub-area table as shown (suppressed cells stay suppressed): the header, then one row per area. */
export function indicatorCells(rows: SubAreaRow[], t: Translate): string[][] {
  const header = [t("indicators.table.code"), t("indicators.table.area"), ...TABLE_COLUMNS.map((c) => t(`indicators.columns.${c}`))];
  return [header, ...rows.map((row) => [row.code, row.name, ...TABLE_COLUMNS.map((c) => cellText(c, row.figures[c], t))])];
}

function csvField(text: string): string {
  const safe = neutralizeFormula(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The dashboard's sub-area table as a file: aggregates only, for roles that read aggregates. Each export is
 * one `print` audit row with the filter and the row count.
 */
export async function exportIndicatorTable(actor: Actor, input: IndicatorExportQuery & { locale: Locale }): Promise<IndicatorFile> {
  await assertCan(actor, "read", "aggregate");
  const area = await resolveDashboardArea(actor, input.area, "print");
  const month = input.month ?? currentMonth();
  const rows = await readSubAreaTable(actor, area, month, input.sort, input.dir);
  const t = createTranslator(messagesFor(input.locale), messagesFor("zh-CN"));
  const cells = indicatorCells(rows, t);
  const title = t("indicators.export.fileName", { area: area.name ?? t("indicators.nation"), month });
  let body: Buffer;
  if (input.format === "csv") {
    // UTF-8 with a byte-order mark so that Excel in China opens it as UTF-8; CRLF as Excel writes.
    body = Buffer.from(`\uFEFF${cells.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`, "utf8");
  } else {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(t("indicators.export.sheet"));
    // XLSX string cells are never evaluated as formulas: no apostrophe needed (CSV needs it).
    for (const [i, row] of cells.entries()) sheet.addRow(row).font = { bold: i === 0 };
    body = Buffer.from(await workbook.xlsx.writeBuffer());
  }
  await db().$transaction((tx) =>
    writeAudit(tx, actor, {
      action: "print",
      entity: "aggregate",
      areaCode: area.code || actor.areaCode,
      details: { area: area.code, month, sort: input.sort, dir: input.dir, format: input.format, rows: rows.length },
    }),
  );
  const contentType = input.format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return { fileName: `${title}.${input.format}`, contentType, body, rows: rows.length };
}
