import crypto from "node:crypto";
import type { RecordVisitInput } from "@/lib/schemas/visit";

/**
 * A complete visit form for tests: everything fine, nothing needed, unless the test says otherwise.
 * Each call is a new submission (its own request id).
 */
export function visitInput(
  fields: Pick<RecordVisitInput, "childId" | "visitedOn" | "riskLevel"> & Partial<RecordVisitInput>,
): RecordVisitInput {
  return {
    requestId: crypto.randomUUID(),
    type: "HOME",
    metWith: ["CHILD", "GUARDIAN"],
    careCheck: "FINE",
    safetyCheck: "FINE",
    healthCheck: "FINE",
    educationCheck: "FINE",
    wellbeingCheck: "FINE",
    care: "",
    safety: "",
    health: "",
    education: "",
    wellbeing: "",
    needs: [],
    notes: "",
    nextVisitOn: "",
    urgentDescription: "",
    ...fields,
  };
}
