"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { acknowledgeReportAction } from "@/app/(app)/reports/actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";

export function AcknowledgeButton({ reportId, version }: { reportId: string; version: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function acknowledge() {
    setPending(true);
    const result = await acknowledgeReportAction({ reportId, version }).catch(() => null);
    setPending(false);
    if (result?.ok) {
      setError(null);
      router.refresh();
    } else {
      setError(t(result?.error.message ?? "errors.internal"));
    }
  }

  return (
    <div className="space-y-1">
      <Button type="button" onClick={acknowledge} disabled={pending} className="w-full bg-red-700 hover:bg-red-800 sm:w-auto">
        {pending ? t("mandatoryReport.acknowledging") : t("mandatoryReport.acknowledge")}
      </Button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
