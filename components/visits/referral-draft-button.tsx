"use client";
import { useState } from "react";
import { createReferralDraftAction } from "@/app/(app)/visits/actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";

/** One tap turns a need found on a visit into a DRAFT referral; a second tap finds the same draft. */
export function ReferralDraftButton({ visitId, type, label, isDone }: { visitId: string; type: string; label: string; isDone: boolean }) {
  const { t } = useI18n();
  const [state, setState] = useState<"idle" | "pending" | "done" | "error">(isDone ? "done" : "idle");
  const [error, setError] = useState<string | null>(null);

  async function create() {
    setState("pending");
    const result = await createReferralDraftAction({ visitId, type }).catch(() => null);
    if (result?.ok) {
      setState("done");
      setError(null);
    } else {
      setState("error");
      setError(t(result?.error.message ?? "errors.internal"));
    }
  }

  if (state === "done") {
    return (
      <span className="inline-flex min-h-11 items-center gap-1 text-sm text-emerald-800" data-testid="referral-draft-done">
        {label} · ✓ {t("visit.draft.created")}
      </span>
    );
  }
  return (
    <span className="inline-flex flex-col">
      <Button type="button" variant="secondary" onClick={create} disabled={state === "pending"} className="text-sm">
        {label} · {state === "pending" ? t("visit.draft.creating") : t("visit.draft.create")}
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
