import Link from "next/link";
import { Field, inputClass } from "@/components/ui/field";
import type { Translate } from "@/lib/i18n/translate";
import { RISK_FILTERS, SCHOOL_FILTERS, SEARCHABLE_CATEGORIES, STATUS_FILTERS, type ChildSearch } from "@/lib/schemas/child-search";
import { AutoSubmitSelect } from "./child-search-autosubmit";

/** The children list's search box and filters: a GET form, so the search lives in the URL. */
export function ChildSearchForm({ search, t }: { search: ChildSearch; t: Translate }) {
  const all = { value: "", label: t("childSearch.all") };
  const filters = [
    { name: "category", value: search.category ?? "", options: [all, ...SEARCHABLE_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))] },
    { name: "risk", value: search.risk ?? "", options: [all, ...RISK_FILTERS.map((r) => ({ value: r, label: r === "NONE" ? t("childSearch.riskNone") : t(`risk.${r}`) }))] },
    { name: "school", value: search.school ?? "", options: [all, ...SCHOOL_FILTERS.map((s) => ({ value: s, label: t(`childSearch.schoolFilter.${s}`) }))] },
    { name: "status", value: search.status, options: STATUS_FILTERS.map((s) => ({ value: s, label: t(`childSearch.statusFilter.${s}`) })) },
  ];
  return (
    <form action="/children" method="get" role="search" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <Field label={t("childSearch.searchLabel")} hint={t("childSearch.searchHint")} htmlFor="child-search-q">
        <div className="flex gap-2">
          <input id="child-search-q" name="q" type="search" defaultValue={search.q ?? ""} maxLength={50} autoComplete="off" className={inputClass} />
          <button type="submit" className="min-h-11 shrink-0 rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700">
            {t("childSearch.search")}
          </button>
        </div>
      </Field>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {filters.map((filter) => (
          <Field key={filter.name} label={t(`childSearch.${filter.name}`)} htmlFor={`child-search-${filter.name}`}>
            <AutoSubmitSelect id={`child-search-${filter.name}`} name={filter.name} value={filter.value} options={filter.options} />
          </Field>
        ))}
      </div>
      {search.work && <input type="hidden" name="work" value={search.work} />}
      <Link href="/children" className="inline-flex min-h-11 items-center text-sm text-brand-700">
        {t("childSearch.reset")}
      </Link>
    </form>
  );
}
