import type { Translate } from "@/lib/i18n/translate";

/** Applied although the rule said "not eligible": the checker and the county read why before anything else. */
export function FlagBox({ justification, t }: { justification: string | null; t: Translate }) {
  return (
    <div role="note" className="rounded-xl border border-red-300 bg-red-50 p-4 text-red-900" data-testid="flag-box">
      <p className="font-semibold">{t("entitlement.flagTitle")}</p>
      <p className="text-sm">{t("entitlement.flagHint")}</p>
      <p className="mt-2 whitespace-pre-wrap break-words text-sm">
        {t("entitlement.justificationText", { text: justification || t("entitlement.noJustification") })}
      </p>
    </div>
  );
}
