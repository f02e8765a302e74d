import { describe, expect, it } from "vitest";
import * as lists from "@/lib/domain/enums";
import * as prisma from "@/lib/generated/prisma/enums";

const PAIRS: [string, readonly string[], Record<string, string>][] = [
  ["ParentStatus", lists.PARENT_STATUSES, prisma.ParentStatus],
  ["HukouStatus", lists.HUKOU_STATUSES, prisma.HukouStatus],
  ["SchoolStage", lists.SCHOOL_STAGES, prisma.SchoolStage],
  ["LivingArrangement", lists.LIVING_ARRANGEMENTS, prisma.LivingArrangement],
  ["HealthStatus", lists.HEALTH_STATUSES, prisma.HealthStatus],
  ["DisabilityType", lists.DISABILITY_TYPES, prisma.DisabilityType],
  ["MedicalInsurance", lists.MEDICAL_INSURANCE, prisma.MedicalInsurance],
  ["Sex", lists.SEXES, prisma.Sex],
  ["VisitType", lists.VISIT_TYPES, prisma.VisitType],
  ["CheckStatus", lists.CHECK_STATUSES, prisma.CheckStatus],
  ["ReferralType", lists.REFERRAL_TYPES, prisma.ReferralType],
  ["MandatoryReportKind", lists.MANDATORY_REPORT_KINDS, prisma.MandatoryReportKind],
  ["MandatoryReportStatus", lists.MANDATORY_REPORT_STATUSES, prisma.MandatoryReportStatus],
  ["GroupTopic", lists.GROUP_TOPICS, prisma.GroupTopic],
  ["NotificationKind", lists.NOTIFICATION_KINDS, prisma.NotificationKind],
  ["TransferStatus", lists.TRANSFER_STATUSES, prisma.TransferStatus],
  ["BenefitType", lists.BENEFIT_TYPES, prisma.BenefitType],
  ["EntitlementStatus", lists.ENTITLEMENT_STATUSES, prisma.EntitlementStatus],
  ["PaymentStatus", lists.PAYMENT_STATUSES, prisma.PaymentStatus],
];

describe("enum value lists", () => {
  for (const [name, list, generated] of PAIRS) {
    it(`${name} lists exactly the database enum's values`, () => {
      expect([...list].sort()).toEqual(Object.values(generated).sort());
    });
  }
});
