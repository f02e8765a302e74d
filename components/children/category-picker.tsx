"use client";
import { Fieldset } from "@/components/households/form-controls";
import { useI18n } from "@/components/i18n/i18n-provider";
import { inputClass } from "@/components/ui/field";
import { CHILD_CATEGORIES, OPEN_CATEGORIES, type ChildCategoryName } from "@/lib/domain/categories";
import type { CategorySuggestion } from "@/lib/domain/category-rules";
import { EARLIEST_DATE } from "@/lib/schemas/fields";

/** 受艾滋病影响 is offered only to a user with the HIV-status permission; everyone else never sees the box. */
export function pickableCategories(canRecordHiv: boolean): readonly ChildCategoryName[] {
  return canRecordHiv ? CHILD_CATEGORIES : OPEN_CATEGORIES;
}

export type CategoryChoice = { checked?: boolean; startDate: string };
export type CategoryChoices = Partial<Record<ChildCategoryName, CategoryChoice>>;
export type ActiveCategory = { id: string; category: ChildCategoryName; startDate: string };
export type Ending = Record<string, string | undefined>;

/** Whether a category is ticked: the director's own choice wins, else a rule's suggestion pre-ticks it. */
export function isTicked(c: ChildCategoryName, choices: CategoryChoices, suggestions: CategorySuggestion[]): boolean {
  return choices[c]?.checked ?? suggestions.some((s) => s.category === c);
}

type Props = {
  suggestions: CategorySuggestion[];
  choices: CategoryChoices;
  onChoice: (c: ChildCategoryName, choice: CategoryChoice) => void;
  today: string;
  /** The child's date of birth once typed: no category starts or ends before it. */
  dateOfBirth?: string;
  error?: string;
  active?: ActiveCategory[];
  ending?: Ending;
  onEnding?: (id: string, endDate: string | undefined) => void;
  canRecordHiv?: boolean;
};

export function CategoryPicker({ suggestions, choices, onChoice, today, dateOfBirth, error, active = [], ending = {}, onEnding, canRecordHiv = false }: Props) {
  const { t } = useI18n();
  const minStart = dateOfBirth && dateOfBirth >= EARLIEST_DATE ? dateOfBirth : EARLIEST_DATE;
  const open = pickableCategories(canRecordHiv).filter((c) => !active.some((a) => a.category === c));
  return (
    <Fieldset legend={t("registration.categories")}>
      {active.length > 0 && (
        <ul className="space-y-2" aria-label={t("registration.activeCategories")}>
          {active.map((a) => (
            <li key={a.id} className="rounded-lg bg-slate-50 p-3 text-sm">
              <label className="flex min-h-11 items-center gap-3">
                <input type="checkbox" className="size-5 shrink-0" checked={ending[a.id] !== undefined} onChange={(e) => onEnding?.(a.id, e.target.checked ? today : undefined)} />
                {t("registration.endCategory", { category: t(`categories.${a.category}`), date: a.startDate })}
              </label>
              {ending[a.id] !== undefined && (
                <input type="date" aria-label={t("registration.endDate")} className={inputClass} value={ending[a.id]} min={a.startDate} max={today} onChange={(e) => onEnding?.(a.id, e.target.value)} />
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-slate-600">{t("registration.categoriesHint")}</p>
      <ul className="space-y-2">
        {open.map((c) => {
          const suggestion = suggestions.find((s) => s.category === c);
          const ticked = isTicked(c, choices, suggestions);
          const startDate = choices[c]?.startDate ?? today;
          return (
            <li key={c} className={`rounded-lg p-2 ${suggestion ? "bg-brand-50 ring-1 ring-brand-100" : ""}`}>
              <label className="flex min-h-11 items-center gap-3 text-base">
                <input type="checkbox" className="size-5 shrink-0" checked={ticked} onChange={(e) => onChoice(c, { checked: e.target.checked, startDate })} />
                <span>{t(`categories.${c}`)}</span>
              </label>
              {suggestion && <p className="pl-8 text-sm text-brand-800">{t("registration.suggested", { reason: t(suggestion.reason) })}</p>}
              {ticked && (
                <div className="pl-8">
                  <label className="block text-xs text-slate-500" htmlFor={`start-${c}`}>
                    {t("registration.startDate")}
                  </label>
                  <input id={`start-${c}`} type="date" className={inputClass} value={startDate} min={minStart} max={today} onChange={(e) => onChoice(c, { checked: true, startDate: e.target.value })} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
    </Fieldset>
  );
}
