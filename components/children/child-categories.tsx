import Link from "next/link";
import { Card } from "@/components/ui/card";
import { SPECIALLY_PROTECTED } from "@/lib/domain/categories";
import type { Translate } from "@/lib/i18n/translate";
import type { ChildFile } from "@/lib/server/children/file";

/** Categories with their dates, current first, each linked to its policy guide. */
export function ChildCategories({ file, t }: { file: ChildFile; t: Translate }) {
  const sorted = [...file.categories].sort((a, b) => Number(a.endDate !== null) - Number(b.endDate !== null));
  return (
    <Card title={t("child.categories")}>
      {sorted.length === 0 ? (
        <p className="text-sm text-slate-600">{t("child.noCategories")}</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {sorted.map((c) => (
            <li key={c.id} className={`flex flex-wrap items-center justify-between gap-2 ${c.endDate ? "text-slate-500" : ""}`}>
              <span>
                <span className="font-medium">{t(`categories.${c.category}`)}</span>
                {" · "}
                {c.endDate ? t("child.period", { start: c.startDate, end: c.endDate }) : t("child.since", { date: c.startDate })}
                {c.source === "RULE" && ` · ${t("child.fromRule")}`}
              </span>
              {/* HIV status never appears in a URL, not even a guide's. */}
              {!SPECIALLY_PROTECTED.includes(c.category) && (
                <Link href={`/guide/categories/${c.category}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                  {t("child.policyGuide")}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
