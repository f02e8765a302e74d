// Value lists of the database enums, for forms, schemas and labels (messages: enums.json). A unit test
// proves each list equals the generated Prisma enum, so the client bundle never imports Prisma.
export const PARENT_STATUSES = [
  "AT_HOME",
  "WORKING_AWAY",
  "DECEASED",
  "MISSING",
  "DEPRIVED_OF_LIBERTY",
  "SEVERELY_ILL_OR_DISABLED",
  "UNKNOWN",
] as const;
export type ParentStatusName = (typeof PARENT_STATUSES)[number];

export const HUKOU_STATUSES = ["RURAL", "URBAN", "NONE"] as const;
export const SCHOOL_STAGES = [
  "NOT_YET",
  "PRESCHOOL",
  "PRIMARY",
  "JUNIOR_SECONDARY",
  "SENIOR_SECONDARY",
  "VOCATIONAL",
  "OUT_OF_SCHOOL",
  "FINISHED",
] as const;
export const LIVING_ARRANGEMENTS = ["BOTH_PARENTS", "ONE_PARENT", "GRANDPARENTS", "OTHER_RELATIVES", "INSTITUTION", "ALONE"] as const;
export type LivingArrangementName = (typeof LIVING_ARRANGEMENTS)[number];
export const HEALTH_STATUSES = ["HEALTHY", "CHRONIC_ILLNESS", "SERIOUS_ILLNESS"] as const;
export const DISABILITY_TYPES = ["VISUAL", "HEARING", "SPEECH", "PHYSICAL", "INTELLECTUAL", "MENTAL", "MULTIPLE"] as const;
export const MEDICAL_INSURANCE = ["INSURED", "NOT_INSURED", "UNKNOWN"] as const;
export const SEXES = ["MALE", "FEMALE"] as const;

export const VISIT_TYPES = ["HOME", "PHONE", "SCHOOL", "OTHER"] as const;
export const CHECK_STATUSES = ["FINE", "CONCERN", "URGENT"] as const;
export type CheckStatusName = (typeof CHECK_STATUSES)[number];
/** The five domains a visit checks, in the order the form asks them. */
export const VISIT_DOMAINS = ["care", "safety", "health", "education", "wellbeing"] as const;
export type VisitDomain = (typeof VISIT_DOMAINS)[number];
export const MET_WITH = ["CHILD", "GUARDIAN", "PARENT", "TEACHER", "OTHER"] as const;

export const REFERRAL_TYPES = [
  "CIVIL_REGISTRATION",
  "SCHOOL",
  "HEALTH",
  "MEDICAL_INSURANCE",
  "SOCIAL_ASSISTANCE",
  "ORPHAN_RECOGNITION",
  "DISABILITY",
  "GUARDIANSHIP",
  "PSYCHOSOCIAL",
  "PROTECTION",
  "OTHER",
] as const;
export type ReferralTypeName = (typeof REFERRAL_TYPES)[number];

// In the catalogue's order (benefits.sort_order); the catalogue rows carry names, deadlines and documents.
export const BENEFIT_TYPES = [
  "ORPHAN_ALLOWANCE",
  "DE_FACTO_ALLOWANCE",
  "DIBAO",
  "TEKUN",
  "DISABILITY_LIVING_SUBSIDY",
  "DISABILITY_CARE_SUBSIDY",
  "CHILD_REHAB_AID",
  "MEDICAL_INSURANCE",
  "EDUCATION_AID",
  "HUKOU_REGISTRATION",
  "SCHOOL_RETURN",
] as const;
export type BenefitTypeName = (typeof BENEFIT_TYPES)[number];

export const ENTITLEMENT_STATUSES = ["APPLIED", "CHECKED", "RETURNED", "CONFIRMED", "DENIED", "RECEIVING", "SUSPENDED", "ENDED", "WITHDRAWN"] as const;
export type EntitlementStatusName = (typeof ENTITLEMENT_STATUSES)[number];

export const PAYMENT_STATUSES = ["PAID", "NOT_PAID"] as const;
export type PaymentStatusName = (typeof PAYMENT_STATUSES)[number];

export const MANDATORY_REPORT_KINDS = ["VISIT_SAFETY", "CHILD_ALONE", "DIRECT"] as const;
export const MANDATORY_REPORT_STATUSES = ["OPEN", "ACKNOWLEDGED", "CLOSED"] as const;
export const GROUP_TOPICS = ["INJURY_PREVENTION", "VIOLENCE_PREVENTION", "PARENTING", "PSYCHOSOCIAL", "OTHER"] as const;

// Stored as text (no enum in the database): the lists may grow locally without a migration.
export const INCOME_SOURCES = ["FARMING", "MIGRANT_WORK", "LOCAL_WAGES", "BUSINESS", "ASSISTANCE", "NONE", "OTHER"] as const;
// 同意或法定依据: PIPL art. 31 needs guardian consent unless a statutory duty applies (未成年人保护法).
export const CONSENT_BASES = ["GUARDIAN_CONSENT", "STATUTORY_DUTY"] as const;

export const NOTIFICATION_KINDS = [
  "REFERRAL_SUBMITTED",
  "REFERRAL_APPROVED",
  "REFERRAL_RETURNED",
  "REFERRAL_REJECTED",
  "URGENT_REPORT",
  "REPORT_ESCALATED",
  "TRANSFER_REQUESTED",
  "TRANSFER_ACCEPTED",
  "VISIT_OVERDUE",
  "ENTITLEMENT_APPLIED",
  "ENTITLEMENT_CHECKED",
  "ENTITLEMENT_RETURNED",
  "ENTITLEMENT_DECIDED",
] as const;
export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];

export const TRANSFER_STATUSES = ["REQUESTED", "ACCEPTED", "REJECTED", "CANCELLED"] as const;
