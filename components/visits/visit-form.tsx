"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { newRequestId } from "@/lib/domain/request-id";
import { z } from "zod";
import { recordVisitAction, updateVisitAction } from "@/app/(app)/visits/actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field, inputClass, TextInput } from "@/components/ui/field";
import { RISK_LEVELS, type RiskLevelName } from "@/lib/domain/categories";
import { CHECK_STATUSES, MET_WITH, REFERRAL_TYPES, VISIT_DOMAINS, VISIT_TYPES, type CheckStatusName, type VisitDomain } from "@/lib/domain/enums";
import type { VisitIntervals } from "@/lib/domain/visit-policy";
import { recordVisitSchema, updateVisitSchema } from "@/lib/schemas/visit";
import { ChoiceGroup, type ChoiceTone } from "./choice-group";
import { UrgentReportBox } from "./urgent-report-box";
import { emptyVisitValues, policyDate, toVisitInput, type VisitValues } from "./visit-values";

type Errors = Record<string, string[] | undefined>;
type Target = { mode: "create"; childId: string } | { mode: "edit"; childId: string; visitId: string; version: number };

const CHECK_TONE: Record<CheckStatusName, ChoiceTone> = { FINE: "green", CONCERN: "yellow", URGENT: "red" };
const RISK_TONE: Record<RiskLevelName, ChoiceTone> = { RED: "red", YELLOW: "yellow", BLUE: "blue", GREEN: "green" };

function toggle(list: string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** The visit form: built to be filled on a phone in under a minute, mostly with taps. */
export function VisitForm({ target, today, dateOfBirth, intervals, initial }: { target: Target; today: string; dateOfBirth: string; intervals: VisitIntervals; initial?: VisitValues }) {
  const { t } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState<VisitValues>(initial ?? emptyVisitValues(today));
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ tone: "ok" | "alert" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  // One id per submission: a retry after a lost response saves nothing twice. A new one after each save.
  const [requestId, setRequestId] = useState(() => newRequestId());
  const latest = policyDate(values, intervals);
  const isUrgent = values.checks.safety === "URGENT";

  // Changing the date or tier moves the next visit to the policy date; the director may then pick earlier.
  function update(patch: Partial<VisitValues>) {
    setValues((old) => {
      const next = { ...old, ...patch };
      if ("riskLevel" in patch || "visitedOn" in patch) next.nextVisitOn = policyDate(next, intervals);
      return next;
    });
  }
  function setCheck(domain: VisitDomain, status: CheckStatusName) {
    update({ checks: { ...values.checks, [domain]: status }, ...(domain === "safety" && status === "URGENT" ? { riskLevel: "RED" } : {}) });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = toVisitInput(values);
    const parsed =
      target.mode === "create"
        ? recordVisitSchema.safeParse({ childId: target.childId, requestId, ...fields })
        : updateVisitSchema.safeParse({ visitId: target.visitId, version: target.version, ...fields });
    if (!parsed.success) {
      setErrors(z.flattenError(parsed.error as z.ZodError).fieldErrors as Errors);
      setMessage({ tone: "error", text: t("errors.validation") });
      return;
    }
    setPending(true);
    setMessage(null);
    const result = await (target.mode === "create" ? recordVisitAction(parsed.data) : updateVisitAction(parsed.data)).catch(() => null);
    setPending(false);
    if (!result?.ok) {
      setErrors(result?.error.fieldErrors ?? {});
      setMessage({ tone: "error", text: t(result?.error.message ?? "errors.internal") });
      return;
    }
    setErrors({});
    if (target.mode === "edit") {
      router.push(`/children/${target.childId}`);
      router.refresh();
      return;
    }
    const raised = !!result.data.mandatoryReportId;
    setMessage(raised ? { tone: "alert", text: `${t("visit.savedWithReport")} ${t("visit.urgent.police")}` } : { tone: "ok", text: t("visit.saved") });
    setValues(emptyVisitValues(today));
    setRequestId(newRequestId());
    router.refresh();
  }

  const err = (name: string) => (errors[name]?.[0] ? t(errors[name][0]) : undefined);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="visit-form">
      {/* The server render and the browser each make an id; the browser's (in state) is the one sent. */}
      {target.mode === "create" && <input type="hidden" name="requestId" value={requestId} suppressHydrationWarning />}
      <Field label={t("visit.visitedOn")} htmlFor="visitedOn" error={err("visitedOn")}>
        <TextInput id="visitedOn" name="visitedOn" type="date" value={values.visitedOn} min={dateOfBirth} max={today} onChange={(e) => update({ visitedOn: e.target.value })} aria-invalid={!!err("visitedOn")} />
      </Field>
      <ChoiceGroup name="type" legend={t("visit.type")} choices={VISIT_TYPES.map((v) => ({ value: v, label: t(`visitType.${v}`) }))} selected={[values.type]} onToggle={(v) => update({ type: v })} error={err("type")} />
      <ChoiceGroup name="metWith" legend={t("visit.metWith")} multiple choices={MET_WITH.map((v) => ({ value: v, label: t(`metWith.${v}`) }))} selected={values.metWith} onToggle={(v) => update({ metWith: toggle(values.metWith, v) })} error={err("metWith")} />

      <div className="space-y-3">
        <div>
          <h3 className="text-sm font-semibold text-slate-800">{t("visit.checks")}</h3>
          <p className="text-xs text-slate-500">{t("visit.checksHint")}</p>
        </div>
        {VISIT_DOMAINS.map((domain) => (
          <div key={domain} className="space-y-2 rounded-lg border border-slate-200 p-2">
            <ChoiceGroup
              name={`${domain}Check`}
              legend={t(`visitDomain.${domain}`)}
              columns="grid-cols-3"
              choices={CHECK_STATUSES.map((s) => ({ value: s, label: t(`check.${s}`), tone: CHECK_TONE[s] }))}
              selected={[values.checks[domain]]}
              onToggle={(s) => setCheck(domain, s as CheckStatusName)}
              error={err(`${domain}Check`)}
            />
            <input
              name={domain}
              aria-label={t("visit.checkNote", { domain: t(`visitDomain.${domain}`) })}
              placeholder={t("visit.checkNote", { domain: t(`visitDomain.${domain}`) })}
              value={values.notesByDomain[domain]}
              maxLength={200}
              onChange={(e) => update({ notesByDomain: { ...values.notesByDomain, [domain]: e.target.value } })}
              className={inputClass}
            />
            {err(domain) && <p className="text-sm text-red-700">{err(domain)}</p>}
          </div>
        ))}
      </div>

      {isUrgent && <UrgentReportBox value={values.urgentDescription} onChange={(v) => update({ urgentDescription: v })} error={err("urgentDescription")} />}

      <div className="space-y-1">
        <ChoiceGroup
          name="riskLevel"
          legend={t("visit.riskLevel")}
          choices={RISK_LEVELS.map((r) => ({ value: r, label: t(`risk.${r}`), tone: RISK_TONE[r] }))}
          selected={[values.riskLevel]}
          onToggle={(r) => update({ riskLevel: r as RiskLevelName })}
          error={err("riskLevel")}
        />
        {values.riskLevel && (
          <p className="text-sm text-slate-700" data-testid="risk-meaning">
            {t(`visit.riskMeaning.${values.riskLevel}`, { days: intervals[values.riskLevel] })}
          </p>
        )}
      </div>

      <ChoiceGroup name="needs" legend={t("visit.needs")} multiple choices={REFERRAL_TYPES.map((v) => ({ value: v, label: t(`referralType.${v}`) }))} selected={values.needs} onToggle={(v) => update({ needs: toggle(values.needs, v) })} error={err("needs")} />
      <p className="-mt-3 text-xs text-slate-500">{t("visit.needsHint")}</p>

      <Field label={t("visit.notes")} htmlFor="notes" hint={t("visit.notesHint")} error={err("notes")}>
        <textarea id="notes" name="notes" rows={3} value={values.notes} onChange={(e) => update({ notes: e.target.value })} className={`${inputClass} py-2`} aria-invalid={!!err("notes")} />
      </Field>
      <Field label={t("visit.nextVisitOn")} htmlFor="nextVisitOn" hint={latest ? t("visit.nextVisitHint", { date: latest }) : undefined} error={err("nextVisitOn")}>
        <TextInput id="nextVisitOn" name="nextVisitOn" type="date" value={values.nextVisitOn} min={values.visitedOn} max={latest || undefined} onChange={(e) => update({ nextVisitOn: e.target.value })} aria-invalid={!!err("nextVisitOn")} />
      </Field>

      {message && (
        <p
          role="status"
          className={`rounded-lg p-3 text-sm ${message.tone === "ok" ? "bg-emerald-50 text-emerald-800" : message.tone === "alert" ? "border-2 border-red-600 bg-red-50 font-medium text-red-900" : "bg-red-50 text-red-800"}`}
        >
          {message.text}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("visit.saving") : target.mode === "create" ? t("visit.submit") : t("visit.saveEdit")}
      </Button>
    </form>
  );
}
