import Link from "next/link";
import { notFound } from "next/navigation";
import { GuideMarkdown } from "@/components/guide/guide-markdown";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { getGuidePage } from "@/lib/server/guide/pages";

export default async function GuideTopicPage({ params }: { params: Promise<{ kind: string; code: string }> }) {
  const { kind, code } = await params;
  const actor = await requireActor();
  const [{ t, locale }, page] = await Promise.all([getTranslator(), getGuidePage(actor, kind, code)]);
  if (!page) notFound();
  return (
    <div className="space-y-4">
      <div>
        <Link href="/guide" className="inline-flex min-h-11 items-center text-sm text-brand-700">
          ← {t("guide.back")}
        </Link>
        <p className="text-sm text-slate-500">{t(`guide.${page.kind}`)}</p>
        <h1 className="text-xl font-semibold">{page.title}</h1>
        {locale !== "zh-CN" && <p className="mt-1 text-sm text-slate-600">{t("guide.chineseOnly")}</p>}
      </div>
      <Card>
        <GuideMarkdown markdown={page.body} />
      </Card>
      <p className="text-xs text-slate-500">{t("guide.disclaimer")}</p>
    </div>
  );
}
