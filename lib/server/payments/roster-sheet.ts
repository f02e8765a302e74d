import "server-only";
import ExcelJS from "exceljs";
import { plainYuan } from "@/lib/domain/money";
import type { Translate } from "@/lib/i18n/translate";
import type { BenefitTypeName } from "@/lib/domain/enums";

export type SheetRow = { areaName: string; childName: string; idNumberMasked: string | null; amountFen: number; status: "PAID" | "NOT_PAID"; reason: string | null };
export type SheetInput = { benefit: BenefitTypeName; month: string; paidCount: number; exceptionCount: number; totalFen: number; rows: SheetRow[] };

type Cell = string | { fen: number };
const COLUMNS = ["index", "village", "child", "idNumber", "benefit", "month", "amount", "status", "note"] as const;

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a tab/carriage return that some programs strip
 * first) gets a leading apostrophe: a child's name or a reason typed as "=HYPERLINK(…)" stays text (OWASP
 * "CSV injection").
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The roster as rows of cells: the header, one row per child, then the total row (amounts only of PAID rows). */
export function rosterCells(input: SheetInput, t: Translate): Cell[][] {
  const benefit = t(`benefit.${input.benefit}`);
  const header = COLUMNS.map((c) => t(`payment.export.columns.${c}`));
  const body = input.rows.map((row, i): Cell[] => [
    String(i + 1),
    row.areaName,
    row.childName,
    row.idNumberMasked ?? "",
    benefit,
    input.month,
    row.status === "PAID" ? { fen: row.amountFen } : "",
    t(`payment.status.${row.status}`),
    row.reason ?? "",
  ]);
  const total: Cell[] = [t("payment.export.total"), "", t("payment.export.totalPeople", { paid: input.paidCount, exceptions: input.exceptionCount }), "", benefit, input.month, { fen: input.totalFen }, "", ""];
  return [header, ...body, total];
}

function csvField(cell: Cell): string {
  const text = typeof cell === "string" ? neutralizeFormula(cell) : plainYuan(cell.fen);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** UTF-8 with a byte-order mark: Excel in China opens it as UTF-8 instead of GBK; CRLF as Excel writes. */
export function rosterCsv(input: SheetInput, t: Translate): Buffer {
  const lines = rosterCells(input, t).map((row) => row.map(csvField).join(","));
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

export async function rosterXlsx(input: SheetInput, t: Translate, title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t("payment.export.sheet"));
  sheet.addRow([title]).font = { bold: true, size: 14 };
  for (const [i, cells] of rosterCells(input, t).entries()) {
    // Amounts are numbers in the sheet (fen / 100 only here, for the spreadsheet's own sums); text stays text:
    // a string cell is never evaluated as a formula in XLSX, so it needs no apostrophe (CSV does).
    const row = sheet.addRow(cells.map((cell) => (typeof cell === "string" ? cell : cell.fen / 100)));
    if (i === 0) row.font = { bold: true };
  }
  sheet.getRow(sheet.rowCount).font = { bold: true };
  sheet.getColumn(7).numFmt = "#,##0.00";
  [6, 10, 10, 22, 16, 10, 12, 8, 24].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
