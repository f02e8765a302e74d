"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Field, inputClass } from "@/components/ui/field";
import type { VillageOption } from "@/lib/server/areas/search";

const villageSearchKey = (q: string) => ["areas", "villages", q] as const;

async function fetchVillages(q: string): Promise<VillageOption[]> {
  const response = await fetch(`/api/v1/areas/villages?q=${encodeURIComponent(q)}`, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`village search ${response.status}`);
  return ((await response.json()) as { villages: VillageOption[] }).villages;
}

/** Search-as-you-type over every village of the country; the chosen one's full path is shown back. */
export function VillagePicker({ value, onChoose, error }: { value: VillageOption | null; onChoose: (v: VillageOption) => void; error?: string }) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const { data, isFetching } = useQuery({ queryKey: villageSearchKey(q), queryFn: () => fetchVillages(q), enabled: q.length > 0 });

  return (
    <div className="space-y-2">
      <Field label={t("transfer.searchLabel")} htmlFor="village-search" error={error} hint={t("transfer.searchHint")}>
        <input
          id="village-search"
          type="search"
          className={inputClass}
          value={text}
          placeholder={t("transfer.searchPlaceholder")}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={!!error}
          autoComplete="off"
        />
      </Field>
      {value && <p className="rounded-lg bg-emerald-50 p-3 text-sm break-words text-emerald-900" data-testid="village-chosen">{t("transfer.chosen", { path: value.path })}</p>}
      {q && !isFetching && data?.length === 0 && <p className="text-sm text-slate-500">{t("transfer.searchEmpty")}</p>}
      {data && data.length > 0 && (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="village-options">
          {data.map((option) => (
            <li key={option.code}>
              <button
                type="button"
                onClick={() => onChoose(option)}
                aria-pressed={value?.code === option.code}
                className={`block min-h-11 w-full px-3 py-2 text-left text-sm break-words ${value?.code === option.code ? "bg-brand-50 font-medium" : "bg-white hover:bg-slate-50"}`}
              >
                {option.path}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
