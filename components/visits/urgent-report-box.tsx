"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { inputClass } from "@/components/ui/field";

/** Shown while safety is URGENT; it has no close button: the only way out is to change the safety check. */
export function UrgentReportBox({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="space-y-2 rounded-xl border-2 border-red-600 bg-red-50 p-3 text-red-900" data-testid="urgent-report-box">
      <p className="text-base font-semibold">⚠ {t("visit.urgent.title")}</p>
      <p className="text-sm">{t("visit.urgent.body")}</p>
      <p className="text-sm font-semibold">{t("visit.urgent.police")}</p>
      <label htmlFor="urgentDescription" className="block text-sm font-medium">
        {t("visit.urgent.describe")}
      </label>
      <textarea
        id="urgentDescription"
        name="urgentDescription"
        rows={3}
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={`${inputClass} py-2`}
        aria-invalid={!!error}
        aria-describedby="urgentDescription-hint"
      />
      <p id="urgentDescription-hint" className="text-xs">
        {t("visit.urgent.describeHint")}
      </p>
      {error && <p className="text-sm font-medium text-red-700">{error}</p>}
    </div>
  );
}
