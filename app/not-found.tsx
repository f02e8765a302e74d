import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getTranslator();
  return (
    <main className="mx-auto max-w-md p-6 text-center">
      <h1 className="text-xl font-semibold">{t("errors.pageNotFound")}</h1>
      <p className="mt-2 text-slate-600">{t("errors.notFound")}</p>
      <Link href="/" className="mt-4 inline-block text-brand-700 underline">
        {t("errors.backHome")}
      </Link>
    </main>
  );
}
