"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { newRequestId } from "@/lib/domain/request-id";
import { z } from "zod";
import { updateChildAction } from "@/app/(app)/children/[id]/actions";
import { checkDuplicatesAction, createChildAction } from "@/app/(app)/households/actions";
import { FormMessage, type FieldErrors, type FormValues } from "@/components/households/form-controls";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { mustReportLivingAlone, suggestCategories, type CategoryFacts } from "@/lib/domain/category-rules";
import { createChildSchema, updateChildSchema } from "@/lib/schemas/child";
import type { DuplicateReport } from "@/lib/server/children/duplicates";
import { CategoryPicker, isTicked, pickableCategories, type ActiveCategory, type CategoryChoices, type Ending } from "./category-picker";
import { ChildIdentityFields } from "./child-identity-fields";
import { ChildSituationFields } from "./child-situation-fields";
import { DuplicateWarning } from "./duplicate-warning";

export const EMPTY_CHILD: FormValues = {
  name: "",
  sex: "",
  dateOfBirth: "",
  ethnicity: "汉族",
  idNumber: "",
  noId: false,
  noIdReason: "",
  hukouStatus: "",
  hukouPlace: "",
  schoolStage: "",
  schoolName: "",
  outOfSchoolReason: "",
  isBoarding: false,
  healthStatus: "HEALTHY",
  healthNote: "",
  disabilityType: "",
  disabilityGrade: "",
  hasDisabilityCertificate: false,
  medicalInsurance: "UNKNOWN",
  livingArrangement: "",
  consentBasis: "",
  consentGivenBy: "",
  consentOn: "",
};

export type HouseholdFacts = CategoryFacts["household"];
type Edit = { childId: string; version: number; maskedId: string | null; active: ActiveCategory[] };

function factsOf(values: FormValues, household: HouseholdFacts, hasStoredId: boolean): CategoryFacts | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(values.dateOfBirth))) return null;
  return {
    dateOfBirth: String(values.dateOfBirth),
    // Unregistered only once she ticks "no ID": a number not typed yet is not a missing one.
    hasIdNumber: values.noId !== true || hasStoredId,
    // Unanswered questions count as the answer that suggests nothing, until she answers them.
    hukouStatus: (values.hukouStatus || "URBAN") as CategoryFacts["hukouStatus"],
    healthStatus: values.healthStatus as CategoryFacts["healthStatus"],
    disabilityType: String(values.disabilityType) || null,
    hasDisabilityCertificate: values.hasDisabilityCertificate === true,
    livingArrangement: (values.livingArrangement || "GRANDPARENTS") as CategoryFacts["livingArrangement"],
    household,
  };
}

/** Registers (householdId) or edits (edit) a child: live category suggestions, duplicate check, then save. */
export function ChildForm({
  today,
  household,
  householdId,
  initial,
  edit,
  canRecordHiv = false,
}: {
  today: string;
  household: HouseholdFacts;
  householdId?: string;
  initial?: FormValues;
  edit?: Edit;
  /** The HIV-status permission: only then is 受艾滋病影响 offered. */
  canRecordHiv?: boolean;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState<FormValues>(initial ?? EMPTY_CHILD);
  const [choices, setChoices] = useState<CategoryChoices>({});
  const [ending, setEnding] = useState<Ending>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateReport | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [pending, setPending] = useState(false);
  // One id per opened form: a retry after a lost response is recognised and saves nothing twice.
  const [requestId] = useState(() => newRequestId());
  const onChange = (name: string, value: string | boolean) => {
    setValues((v) => ({ ...v, [name]: value }));
    if (["name", "dateOfBirth", "idNumber"].includes(name)) {
      setDuplicates(null);
      setConfirmed(false);
    }
  };
  const facts = factsOf(values, household, Boolean(edit?.maskedId));
  const suggestions = facts ? suggestCategories(facts, today).filter((s) => !edit?.active.some((a) => a.category === s.category)) : [];
  const aloneAlert = facts ? mustReportLivingAlone(facts.livingArrangement, facts.dateOfBirth, today) && values.livingArrangement === "ALONE" : false;

  function buildInput() {
    // Whether a rule suggested a category is decided again by the server from the saved answers.
    const categories = pickableCategories(canRecordHiv).filter((c) => !edit?.active.some((a) => a.category === c) && isTicked(c, choices, suggestions)).map((c) => ({
      category: c,
      startDate: choices[c]?.startDate ?? today,
    }));
    if (edit) {
      const endCategories = Object.entries(ending).flatMap(([categoryId, endDate]) => (endDate ? [{ categoryId, endDate }] : []));
      return { ...values, categories, childId: edit.childId, version: edit.version, endCategories };
    }
    return { ...values, categories, householdId, requestId, confirmDuplicate: confirmed };
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = buildInput();
    const parsed = (edit ? updateChildSchema : createChildSchema).safeParse(input);
    if (!parsed.success) {
      setErrors(z.flattenError(parsed.error as z.ZodError).fieldErrors as FieldErrors);
      setMessage("errors.validation");
      return;
    }
    setErrors({});
    setMessage(null);
    setPending(true);
    try {
      const { name, dateOfBirth, idNumber } = parsed.data;
      if (!edit || idNumber) {
        const check = await checkDuplicatesAction({ name, dateOfBirth, idNumber, ...(edit ? { excludeChildId: edit.childId } : {}) });
        const report = check.ok ? (edit ? { idMatch: check.data.idMatch, candidates: [] } : check.data) : null;
        setDuplicates(report);
        if (report?.idMatch || (report && report.candidates.length > 0 && !confirmed)) return;
      }
      const result = edit ? await updateChildAction(input) : await createChildAction(input);
      // Success redirects from the action (the result is then empty).
      if (!result || result.ok) return;
      if (result.error.code === "CONFLICT" && edit && !result.error.fieldErrors) {
        router.replace("?conflict=1");
        router.refresh();
        return;
      }
      setErrors(result.error.fieldErrors ?? {});
      setMessage(result.error.message);
    } catch {
      setMessage("errors.internal");
    } finally {
      setPending(false);
    }
  }

  const categoryError = errors.categories?.[0];
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="child-form">
      <ChildIdentityFields values={values} errors={errors} onChange={onChange} today={today} maskedId={edit?.maskedId} />
      <ChildSituationFields values={values} errors={errors} onChange={onChange} today={today} />
      {aloneAlert && <FormMessage tone="warn">{t("registration.aloneWarning")}</FormMessage>}
      <CategoryPicker
        suggestions={suggestions}
        choices={choices}
        onChoice={(c, choice) => setChoices((prev) => ({ ...prev, [c]: choice }))}
        today={today}
        dateOfBirth={facts?.dateOfBirth}
        error={categoryError ? t(categoryError) : undefined}
        active={edit?.active}
        ending={ending}
        onEnding={(id, date) => setEnding((prev) => ({ ...prev, [id]: date }))}
        canRecordHiv={canRecordHiv}
      />
      {duplicates && <DuplicateWarning report={duplicates} confirmed={confirmed} onConfirm={setConfirmed} />}
      {message && <FormMessage tone="error">{t(message)}</FormMessage>}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("registration.saving") : t(edit ? "registration.saveChanges" : "registration.save")}
      </Button>
    </form>
  );
}
