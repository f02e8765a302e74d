"use client";
import Link from "next/link";
import { FormMessage } from "@/components/households/form-controls";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { DuplicateReport } from "@/lib/server/children/duplicates";

/** Same ID ⇒ refused with a link to the file on record; likely duplicates ⇒ she must confirm it is another child. */
export function DuplicateWarning({ report, confirmed, onConfirm }: { report: DuplicateReport; confirmed: boolean; onConfirm: (v: boolean) => void }) {
  const { t } = useI18n();
  if (report.idMatch) {
    return (
      <FormMessage tone="error">
        <p>{t("registration.idExists", { name: report.idMatch.name })}</p>
        {report.idMatch.closed && <p className="mt-1 font-medium">{t("registration.closedFileReopen")}</p>}
        <Link href={`/children/${report.idMatch.id}`} className="mt-2 inline-flex min-h-11 items-center font-medium underline">
          {t("registration.openExisting")}
        </Link>
      </FormMessage>
    );
  }
  if (report.candidates.length === 0) return null;
  return (
    <div className="space-y-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="duplicate-warning">
      <p className="font-medium" role="alert">
        {t("registration.likelyDuplicate")}
      </p>
      <ul className="space-y-1">
        {report.candidates.map((c) => (
          <li key={c.id}>
            <Link href={`/children/${c.id}`} target="_blank" className="inline-flex min-h-11 items-center underline">
              {t("registration.candidate", { name: c.name, age: c.age, dateOfBirth: c.dateOfBirth, village: c.areaName })}
              {c.closed && t("registration.closedFile")}
            </Link>
          </li>
        ))}
      </ul>
      <label className="flex min-h-11 items-center gap-3 text-base">
        <input type="checkbox" name="confirmDuplicate" className="size-5 shrink-0" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} />
        {t("registration.confirmDifferent")}
      </label>
    </div>
  );
}
