import { GuideIndex } from "@/components/guide/guide-index";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { GUIDE_SLUGS } from "@/lib/server/guide/pages";

export default async function GuidePage() {
  await requireActor();
  const { t, locale } = await getTranslator();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("guide.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("guide.intro")}</p>
        {locale !== "zh-CN" && <p className="mt-1 text-sm text-slate-600">{t("guide.chineseOnly")}</p>}
      </div>
      <GuideIndex
        t={t}
        groups={[
          { kind: "categories", codes: GUIDE_SLUGS.categories, labelPrefix: "categories" },
          { kind: "benefits", codes: GUIDE_SLUGS.benefits, labelPrefix: "benefit" },
        ]}
      />
    </div>
  );
}
