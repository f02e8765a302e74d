import type { Translate } from "@/lib/i18n/translate";

const link = "inline-flex min-h-11 w-full items-center justify-center rounded-lg bg-white px-4 font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 sm:w-auto";

/** Plain links to the export route: the browser downloads the file (Content-Disposition: attachment). */
export function ExportLinks({ batchId, t }: { batchId: string; t: Translate }) {
  const href = (format: "csv" | "xlsx") => `/api/v1/payments/${batchId}/export?format=${format}`;
  return (
    <div className="space-y-2">
      <div className="flex flex-col gap-2 sm:flex-row">
        <a href={href("xlsx")} className={link} data-testid="export-xlsx">
          {t("payment.batch.xlsx")}
        </a>
        <a href={href("csv")} className={link} data-testid="export-csv">
          {t("payment.batch.csv")}
        </a>
      </div>
      <p className="text-xs text-slate-500">{t("payment.batch.downloadHint")}</p>
    </div>
  );
}
