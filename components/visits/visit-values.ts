import type { RiskLevelName } from "@/lib/domain/categories";
import { VISIT_DOMAINS, type CheckStatusName, type VisitDomain } from "@/lib/domain/enums";
import { nextVisitDate, type VisitIntervals } from "@/lib/domain/visit-policy";
import type { VisitDetail } from "@/lib/server/visits/queries";

/** What the visit form holds, as strings and lists, exactly as the schema reads them. */
export type VisitValues = {
  visitedOn: string;
  type: string;
  metWith: string[];
  checks: Record<VisitDomain, CheckStatusName | "">;
  notesByDomain: Record<VisitDomain, string>;
  riskLevel: RiskLevelName | "";
  needs: string[];
  notes: string;
  nextVisitOn: string;
  urgentDescription: string;
};

export function emptyVisitValues(today: string): VisitValues {
  const each = <T,>(value: T) => Object.fromEntries(VISIT_DOMAINS.map((d) => [d, value])) as Record<VisitDomain, T>;
  return {
    visitedOn: today,
    type: "HOME",
    metWith: [],
    checks: each<CheckStatusName | "">(""),
    notesByDomain: each(""),
    riskLevel: "",
    needs: [],
    notes: "",
    nextVisitOn: "",
    urgentDescription: "",
  };
}

/** The latest next-visit date the county allows for the chosen tier, or "" before a tier is chosen. */
export function policyDate(values: Pick<VisitValues, "visitedOn" | "riskLevel">, intervals: VisitIntervals): string {
  return values.riskLevel && /^\d{4}-\d{2}-\d{2}$/.test(values.visitedOn) ? nextVisitDate(values.visitedOn, values.riskLevel, intervals) : "";
}

/** The flat object the schema and the action take. */
export function toVisitInput(values: VisitValues) {
  return {
    visitedOn: values.visitedOn,
    type: values.type,
    metWith: values.metWith,
    careCheck: values.checks.care,
    safetyCheck: values.checks.safety,
    healthCheck: values.checks.health,
    educationCheck: values.checks.education,
    wellbeingCheck: values.checks.wellbeing,
    care: values.notesByDomain.care,
    safety: values.notesByDomain.safety,
    health: values.notesByDomain.health,
    education: values.notesByDomain.education,
    wellbeing: values.notesByDomain.wellbeing,
    riskLevel: values.riskLevel,
    needs: values.needs,
    notes: values.notes,
    nextVisitOn: values.nextVisitOn,
    urgentDescription: values.checks.safety === "URGENT" ? values.urgentDescription : "",
  };
}

/** The form's values for editing a saved visit. */
export function valuesFromVisit(visit: VisitDetail, urgentDescription: string): VisitValues {
  const base = emptyVisitValues(visit.visitedOn);
  for (const check of visit.checks) {
    base.checks[check.domain] = check.status ?? "";
    base.notesByDomain[check.domain] = check.note ?? "";
  }
  return {
    ...base,
    type: visit.type,
    metWith: visit.metWith,
    riskLevel: visit.riskLevel,
    needs: visit.needs,
    notes: visit.notes ?? "",
    nextVisitOn: visit.nextVisitOn ?? "",
    urgentDescription,
  };
}
