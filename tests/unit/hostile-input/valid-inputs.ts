import { todayInChina } from "@/lib/domain/dates";
import { makeIdNumber } from "@/lib/domain/id-number";

// One valid input per schema whose fields depend on each other: a hostile value then replaces a single
// field, so what the property sees is what the whole schema (refinements included) lets through. Schemas
// not listed here are probed field by field.

const YEAR = Number(todayInChina().slice(0, 4));
const DOB = `${YEAR - 8}-04-12`;
const UUID = "7d6c0a36-6f61-4c5b-9c1e-2f6a3f3d2b10";
const REQUEST = "0b6f1c7e-2a4d-4e8f-9c3b-5d7a1e2f3c4d";

const child = {
  name: "王小花",
  sex: "FEMALE",
  dateOfBirth: DOB,
  idNumber: makeIdNumber("411523", DOB, 101, "FEMALE"),
  hukouStatus: "RURAL",
  hukouPlace: "沙窝村",
  schoolStage: "PRIMARY",
  schoolName: "沙窝小学",
  healthNote: "良好",
  livingArrangement: "GRANDPARENTS",
  consentBasis: "GUARDIAN_CONSENT",
  consentGivenBy: "王奶奶",
  consentOn: `${YEAR - 1}-03-01`,
};

const household = {
  address: "沙窝村三组12号",
  memberCount: "3",
  fatherStatus: "WORKING_AWAY",
  fatherWhereabouts: "广东东莞",
  motherStatus: "WORKING_AWAY",
  motherWhereabouts: "浙江义乌",
  guardianName: "王奶奶",
  guardianRelationship: "祖母",
  guardianHealth: "一般",
};

const visit = {
  visitedOn: todayInChina(),
  type: "HOME",
  careCheck: "FINE",
  safetyCheck: "FINE",
  healthCheck: "FINE",
  educationCheck: "FINE",
  wellbeingCheck: "FINE",
  care: "奶奶照顾得好",
  riskLevel: "GREEN",
  notes: "一切正常",
};

export const VALID_INPUTS: Record<string, Record<string, unknown>> = {
  loginSchema: { loginName: "director1", password: "correct horse" },
  createChildSchema: { ...child, householdId: UUID, requestId: REQUEST },
  updateChildSchema: { ...child, childId: UUID, version: "1" },
  duplicateCheckSchema: { name: "王小花", dateOfBirth: DOB, idNumber: child.idNumber },
  householdSchema: { ...household, requestId: REQUEST },
  updateHouseholdSchema: { ...household, householdId: UUID, version: "1" },
  recordVisitSchema: { ...visit, childId: UUID, requestId: REQUEST },
  updateVisitSchema: { ...visit, visitId: UUID, version: "1" },
  createReferralSchema: { childId: UUID, type: "HEALTH", agency: "乡卫生院", reason: "发烧三天" },
  createDirectorSchema: { areaCode: "411523100201", loginName: "wang.li", displayName: "王丽", phone: "13800000000" },
};
