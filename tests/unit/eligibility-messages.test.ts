import { describe, expect, it } from "vitest";
import { evaluateAll } from "@/lib/domain/eligibility/rules";
import type { EligibilityFacts, EligibilityReason } from "@/lib/domain/eligibility/types";
import { BENEFIT_TYPES, PARENT_STATUSES } from "@/lib/domain/enums";
import { messagesFor } from "@/lib/i18n/messages";
import { createTranslator } from "@/lib/i18n/translate";

// Reason keys are built by the rules (`category.ORPHAN`, `ageReached`…), so the messages test cannot
// see them in the source: this sweep evaluates every rule over many children and checks each key.
let state = 2010;
const random = () => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
};
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function randomFacts(): EligibilityFacts {
  const categories = ["ORPHAN", "DE_FACTO_UNSUPPORTED", "POOR_FAMILY", "DISABILITY", "UNREGISTERED", "LEFT_BEHIND", "HIV_AFFECTED"] as const;
  return {
    dateOfBirth: `${pick([2008, 2010, 2015, 2019, 2020, 2024])}-0${pick([1, 6, 9])}-15`,
    categories: categories.filter(() => random() < 0.3),
    hukouStatus: pick(["RURAL", "URBAN", "NONE"]),
    hasIdNumber: random() < 0.8,
    schoolStage: pick(["NOT_YET", "PRESCHOOL", "PRIMARY", "SENIOR_SECONDARY", "OUT_OF_SCHOOL", "FINISHED"]),
    medicalInsurance: pick(["INSURED", "NOT_INSURED", "UNKNOWN"]),
    disabilityType: pick([null, "PHYSICAL"]),
    disabilityGrade: pick([null, 1, 2, 3, 4]),
    hasDisabilityCertificate: random() < 0.5,
    livingArrangement: pick(["GRANDPARENTS", "BOTH_PARENTS", "ALONE"]),
    household: {
      hasDibao: random() < 0.4,
      hasTekun: random() < 0.3,
      isLowIncome: random() < 0.4,
      fatherStatus: pick(PARENT_STATUSES),
      motherStatus: pick(PARENT_STATUSES),
      anyGuardianCanCare: random() < 0.5,
    },
  };
}

function allReasons(): Map<string, EligibilityReason> {
  const found = new Map<string, EligibilityReason>();
  for (let i = 0; i < 5000; i++) {
    for (const verdict of evaluateAll(randomFacts(), "2026-03-15")) for (const reason of verdict.reasons) found.set(reason.key, reason);
  }
  return found;
}

describe("eligibility messages", () => {
  const reasons = allReasons();

  it.each(["zh-CN", "en"] as const)("every reason a rule gives has a %s message that uses its values", (locale) => {
    const t = createTranslator(messagesFor(locale));
    const missing = [...reasons.values()].filter((r) => {
      const text = t(`eligibility.reasons.${r.key}`, r.params);
      return text.startsWith("eligibility.") || /\{\w+\}/.test(text);
    });
    expect(missing.map((r) => r.key)).toEqual([]);
    expect(reasons.size).toBeGreaterThan(30);
  });

  it("never names the specially protected category", () => {
    expect([...reasons.keys()].filter((key) => key.includes("HIV"))).toEqual([]);
  });

  it.each(["zh-CN", "en"] as const)("describes every benefit's rule in %s", (locale) => {
    const t = createTranslator(messagesFor(locale));
    expect(BENEFIT_TYPES.filter((b) => t(`eligibility.benefitRule.${b}`).startsWith("eligibility."))).toEqual([]);
  });
});
