import { BenefitFacts } from "@/components/benefits/benefit-facts";
import { RateForm } from "@/components/benefits/rate-form";
import { RateHistory } from "@/components/benefits/rate-history";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { addMonths } from "@/lib/domain/months";
import { RATE_MONTHS_AHEAD, RATE_MONTHS_BACK } from "@/lib/schemas/benefit-rate";
import { getTranslator } from "@/lib/i18n/server";
import { localName } from "@/lib/server/benefits/catalogue";
import { listBenefitRates } from "@/lib/server/benefits/rates";

export default async function BenefitRatesPage() {
  // Everyone who works with benefits may read the catalogue; only county and province officers set amounts.
  const actor = await requireActor(["list", "benefit"]);
  const [{ t, locale }, view] = await Promise.all([getTranslator(), listBenefitRates(actor)]);
  const ownLevel = view.ownArea === null ? null : view.ownArea.length === 6 ? "COUNTY" : "PROVINCE";
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("payment.rates.title")}</h1>
        <p className="text-sm text-slate-600">{t("payment.rates.intro")}</p>
      </div>
      {!ownLevel && <p className="rounded-lg bg-slate-100 p-3 text-sm text-slate-700">{t("payment.rates.readOnly")}</p>}
      {view.catalogue.map((benefit) => {
        const rates = view.rates.find((r) => r.benefit === benefit.type);
        return (
          <Card key={benefit.type} title={localName(benefit, locale)}>
            <div className="space-y-4" data-testid={`benefit-${benefit.type}`}>
              <BenefitFacts
                agency={locale === "en" ? benefit.decidingAgencyEn : benefit.decidingAgencyZh}
                checkDays={benefit.checkDays}
                confirmDays={benefit.confirmDays}
                documents={benefit.documents.map((d) => ({ code: d.code, name: localName(d, locale) }))}
                t={t}
              />
              {rates ? <RateHistory rates={rates} month={view.month} t={t} /> : <p className="text-sm text-slate-600">{t("payment.rates.nonCash")}</p>}
              {rates && ownLevel && (
                <RateForm benefit={benefit.type} level={ownLevel} month={view.month} earliest={addMonths(view.month, -RATE_MONTHS_BACK)} latest={addMonths(view.month, RATE_MONTHS_AHEAD)} />
              )}
            </div>
          </Card>
        );
      })}
    </div>
  );
}
