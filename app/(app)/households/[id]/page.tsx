import Link from "next/link";
import { HouseholdSummary } from "@/components/households/household-summary";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { can } from "@/lib/server/access/policy";
import { loadHousehold } from "./load";

export default async function HouseholdPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(["read", "household"]);
  const [{ t }, household] = await Promise.all([getTranslator(), loadHousehold(actor, id)]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("household.title", { village: household.areaName, address: household.address })}</h1>
        {can(actor.role, "update", "household") && (
          <Link href={`/households/${household.id}/edit`} className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">
            {t("household.edit")}
          </Link>
        )}
      </div>
      {can(actor.role, "create", "child") && (
        <Link
          href={`/households/${household.id}/children/new`}
          className="flex min-h-14 w-full items-center justify-center rounded-xl bg-brand-600 px-4 text-lg font-semibold text-white hover:bg-brand-700"
        >
          {t("household.registerChild")}
        </Link>
      )}
      <Card title={t("household.children")}>
        {household.children.length === 0 ? (
          <p className="text-sm text-slate-600">{t("household.noChildren")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {household.children.map((c) => (
              <li key={c.id}>
                <Link href={`/children/${c.id}`} className="flex min-h-11 items-center justify-between gap-2 py-2">
                  <span className="font-medium text-brand-700">{c.name}</span>
                  <span className="text-sm text-slate-500">
                    {t(`sex.${c.sex}`)} · {t("workbench.age", { age: c.age })}
                    {c.status === "CLOSED" && ` · ${t("child.status.CLOSED")}`}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <HouseholdSummary household={household} t={t} title={t("household.details")} />
    </div>
  );
}
