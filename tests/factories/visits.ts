import type { RecordVisitInput } from "@/lib/schemas/visit";

/** A complete visit form for tests: everything fine, nothing needed, unless the test says otherwise. */
export function visitInput(
  fields: Pick<RecordVisitInput, "childId" | "visitedOn" | "riskLevel"> & Partial<RecordVisitInput>,
): RecordVisitInput {
  return {
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
