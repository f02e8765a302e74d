import type { Translate } from "@/lib/i18n/translate";

type Props = { agency: string; checkDays: number; confirmDays: number; documents: { code: string; name: string }[]; t: Translate };

/** Who decides a benefit, its statutory deadlines and its documents, as the catalogue holds them. */
export function BenefitFacts({ agency, checkDays, confirmDays, documents, t }: Props) {
  return (
    <div className="space-y-2 text-sm">
      <p>{t("payment.rates.agency", { agency })}</p>
      <p className="text-slate-600">{t("payment.rates.deadlines", { check: checkDays, confirm: confirmDays })}</p>
      <details>
        <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t("payment.rates.documents")}</summary>
        {documents.length === 0 ? (
          <p className="text-slate-600">{t("payment.rates.noDocuments")}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {documents.map((d) => (
              <li key={d.code}>{d.name}</li>
            ))}
          </ul>
        )}
      </details>
    </div>
  );
}
