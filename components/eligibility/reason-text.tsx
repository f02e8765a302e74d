import type { EligibilityReason } from "@/lib/domain/eligibility/types";
import type { Translate } from "@/lib/i18n/translate";

/** A rule's explanation in plain words ("孤儿，9岁"), one phrase per reason. */
export function reasonText(reasons: EligibilityReason[], t: Translate): string {
  return reasons.map((reason) => t(`eligibility.reasons.${reason.key}`, reason.params)).join(t("eligibility.reasonSeparator"));
}
