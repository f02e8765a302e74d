import { Badge } from "@/components/ui/badge";
import type { EligibilityReason } from "@/lib/domain/eligibility/types";
import type { Translate } from "@/lib/i18n/translate";

/** The rule's verdict in plain words: eligible or not, and each reason on its own line. */
export function VerdictReasons({ verdict, t }: { verdict: { eligible: boolean; reasons: EligibilityReason[] }; t: Translate }) {
  return (
    <div className="space-y-2" data-testid="verdict">
      <Badge tone={verdict.eligible ? "green" : "yellow"}>{t(verdict.eligible ? "entitlement.verdict.eligible" : "entitlement.verdict.notEligible")}</Badge>
      {verdict.reasons.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          {verdict.reasons.map((r, i) => (
            <li key={`${r.key}-${i}`}>{t(`eligibility.reasons.${r.key}`, r.params)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
