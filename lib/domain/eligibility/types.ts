import type { ChildCategoryName } from "../categories";
import type { BenefitTypeName, LivingArrangementName, ParentStatusName } from "../enums";
import type { SchoolStageName } from "../school-stage";

/** What the eligibility rules read about one child on one day (loaded in bulk by lib/server/eligibility). */
export type EligibilityFacts = {
  dateOfBirth: string; // yyyy-MM-dd
  categories: ChildCategoryName[]; // active on the day (end_date null or > day)
  hukouStatus: "RURAL" | "URBAN" | "NONE";
  hasIdNumber: boolean;
  schoolStage: SchoolStageName;
  medicalInsurance: "INSURED" | "NOT_INSURED" | "UNKNOWN";
  disabilityType: string | null;
  disabilityGrade: number | null;
  hasDisabilityCertificate: boolean;
  livingArrangement: LivingArrangementName;
  household: {
    hasDibao: boolean;
    hasTekun: boolean;
    isLowIncome: boolean;
    fatherStatus: ParentStatusName;
    motherStatus: ParentStatusName;
    anyGuardianCanCare: boolean;
  };
};

/** Shown as t(`eligibility.reasons.${key}`, params). */
export type EligibilityReason = { key: string; params?: Record<string, string | number> };

/** reasons: why eligible (every condition), or why not (the failing conditions only). */
export type Verdict = { benefit: BenefitTypeName; eligible: boolean; reasons: EligibilityReason[] };
