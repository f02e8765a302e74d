"use client";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { inputClass } from "@/components/ui/field";
import type { AttendeeCandidate } from "@/lib/server/group-sessions/queries";

/**
 * A searchable checkbox list of the village's registered children. Filtering only hides rows, so a
 * child ticked before a search is still posted with the form.
 */
export function AttendeePicker({ candidates, picked, onToggle }: { candidates: AttendeeCandidate[]; picked: Set<string>; onToggle: (id: string) => void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  const q = query.trim().toLowerCase();
  const matches = (c: AttendeeCandidate) => q === "" || c.name.includes(q) || c.pinyin.toLowerCase().includes(q) || c.initials.toLowerCase().startsWith(q);
  if (candidates.length === 0) return <p className="text-sm text-slate-600">{t("groupSession.noCandidates")}</p>;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">{t("groupSession.attendees")}</legend>
      <p className="text-xs text-slate-500">{t("groupSession.attendeesHint", { count: picked.size })}</p>
      <input
        type="search"
        className={inputClass}
        placeholder={t("groupSession.searchChildren")}
        aria-label={t("groupSession.searchChildren")}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul className="max-h-72 overflow-y-auto rounded-lg border border-slate-200" data-testid="attendee-picker">
        {candidates.map((c) => (
          <li key={c.id} hidden={!matches(c)} className="border-b border-slate-100 last:border-0">
            <label className="flex min-h-11 cursor-pointer items-center gap-3 px-3 text-sm">
              <input type="checkbox" name="childIds" value={c.id} checked={picked.has(c.id)} onChange={() => onToggle(c.id)} className="h-5 w-5 shrink-0 accent-brand-600" />
              <span className="flex-1">{c.name}</span>
              <span className="text-slate-500">{t("groupSession.age", { age: c.age })}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
