import type { BadgeTone } from "@/components/ui/badge";
import type { EntitlementStatusName } from "@/lib/domain/enums";

/** Green when the child has (or is granted) the benefit, red when refused, gray when over, blue while in the workflow. */
export function statusTone(status: EntitlementStatusName): BadgeTone {
  if (status === "RECEIVING" || status === "CONFIRMED") return "green";
  if (status === "DENIED" || status === "RETURNED") return "red";
  if (status === "ENDED" || status === "WITHDRAWN" || status === "SUSPENDED") return "gray";
  return "blue";
}
