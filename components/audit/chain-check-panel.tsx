"use client";
import { useRouter } from "next/navigation";
import { verifyChainAction } from "@/app/(app)/audit/actions";
import { FormMessage } from "@/components/households/form-controls";
import { useActionForm } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ChainCheck } from "@/lib/server/audit-events/chain";
import { verifyChainSchema } from "@/lib/schemas/audit";

const TIME = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "medium" });

/** The auditor's "verify chain" panel: the last recorded check and a button to run a new one. */
export function ChainCheckPanel({ last }: { last: ChainCheck | null }) {
  const { t } = useI18n();
  const router = useRouter();
  const { message, pending, submit } = useActionForm(verifyChainSchema, verifyChainAction);

  return (
    <Card title={t("audit.chain.title")}>
      <div className="space-y-3 text-sm" data-testid="chain-check">
        <p className="text-slate-600">{t("audit.chain.note")}</p>
        {!last && <p>{t("audit.chain.never")}</p>}
        {last && (
          <div className="space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={last.ok ? "green" : "red"}>{t(last.ok ? "audit.chain.intact" : "audit.chain.broken")}</Badge>
              <span className="tabular-nums text-slate-500">{TIME.format(new Date(last.checkedAt))}</span>
            </div>
            <p>{t("audit.chain.checked", { count: last.seals })}</p>
            {last.ok && last.headHash && (
              <p className="break-all font-mono text-xs" data-testid="chain-head">
                {t("audit.chain.head", { seq: last.headSeq ?? "" })} {last.headHash}
              </p>
            )}
            {!last.ok && (
              <p className="text-red-700" data-testid="chain-break">
                {t("audit.chain.firstBreak", { seq: last.breakSeq ?? "—", event: last.breakEventId ?? "—" })} {t(`audit.chain.kinds.${last.breakKind ?? "edited"}`)}
              </p>
            )}
          </div>
        )}
        {message && <FormMessage tone="error">{t(message)}</FormMessage>}
        <Button type="button" variant="secondary" disabled={pending} className="w-full sm:w-auto" onClick={async () => (await submit({})) && router.refresh()}>
          {pending ? t("audit.chain.running") : t("audit.chain.run")}
        </Button>
      </div>
    </Card>
  );
}
