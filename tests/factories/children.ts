import { fakerZH_CN as faker } from "@faker-js/faker";
import type { ChildCategoryName, RiskLevelName } from "@/lib/domain/categories";
import { ageOn, dateValue, todayInChina } from "@/lib/domain/dates";
import { shortAreaName } from "@/lib/domain/area-code";
import { expectedSchoolStage } from "@/lib/domain/school-stage";
import { makeIdNumber, maskIdNumber } from "@/lib/domain/id-number";
import { nameKeys } from "@/lib/domain/pinyin";
import type { ParentStatusName } from "@/lib/domain/enums";
import { db, type Tx } from "@/lib/server/db";
import { blindIndex, encryptField, encryptOptional } from "@/lib/server/field-crypto";

export type MakeChildInput = {
  village: { code: string; name: string };
  name?: string;
  sex?: "MALE" | "FEMALE";
  dateOfBirth?: string;
  hasIdNumber?: boolean;
  categories?: { category: ChildCategoryName; startDate?: string }[];
  livingArrangement?: "BOTH_PARENTS" | "ONE_PARENT" | "GRANDPARENTS" | "OTHER_RELATIVES" | "INSTITUTION" | "ALONE";
  schoolStage?: "NOT_YET" | "PRESCHOOL" | "PRIMARY" | "JUNIOR_SECONDARY" | "SENIOR_SECONDARY" | "VOCATIONAL" | "OUT_OF_SCHOOL" | "FINISHED";
  riskLevel?: RiskLevelName | null;
  nextVisitOn?: string | null;
  household?: {
    hasDibao?: boolean;
    hasTekun?: boolean;
    fatherStatus?: ParentStatusName;
    fatherWhereabouts?: string;
    motherStatus?: ParentStatusName;
    motherWhereabouts?: string;
  };
  guardian?: { name?: string; relationship?: string; isEntrusted?: boolean; canCare?: boolean; confirmationSignedOn?: string | null };
  createdById?: string | null;
};

const IN_SCHOOL: string[] = ["PRESCHOOL", "PRIMARY", "JUNIOR_SECONDARY", "SENIOR_SECONDARY", "VOCATIONAL"];
const SCHOOL_NAME: Record<string, string> = { PRESCHOOL: "幼儿园", PRIMARY: "小学", JUNIOR_SECONDARY: "初级中学", SENIOR_SECONDARY: "高级中学" };

function phoneNumber() {
  return `1${faker.helpers.arrayElement(["3", "5", "8", "9"])}${faker.string.numeric(9)}`;
}

/** A child with her household and one guardian, in one transaction (shared by tests and the demo seed). */
export function makeChild(input: MakeChildInput) {
  return db().$transaction((tx) => insertChild(tx, input));
}

export async function insertChild(tx: Tx, input: MakeChildInput) {
  const sex = input.sex ?? faker.helpers.arrayElement(["MALE", "FEMALE"] as const);
  const name = input.name ?? faker.person.lastName() + faker.person.firstName(sex === "MALE" ? "male" : "female");
  const dateOfBirth = input.dateOfBirth ?? faker.date.birthdate({ mode: "age", min: 1, max: 15 }).toISOString().slice(0, 10);
  const hasId = input.hasIdNumber ?? true;
  const idNumber = hasId ? makeIdNumber(input.village.code, dateOfBirth, faker.number.int({ min: 1, max: 998 }), sex) : null;
  const surname = name.slice(0, 1);
  const schoolStage = input.schoolStage ?? expectedSchoolStage(ageOn(dateOfBirth, todayInChina()));
  const household = await tx.household.create({
    data: {
      areaCode: input.village.code,
      areaName: input.village.name,
      // Addresses and phones are encrypted at rest, as the data layer writes them (field-crypto).
      address: encryptField(`${shortAreaName(input.village.name)}${faker.number.int({ min: 1, max: 12 })}组${faker.number.int({ min: 1, max: 80 })}号`),
      hasDibao: input.household?.hasDibao ?? false,
      hasTekun: input.household?.hasTekun ?? false,
      memberCount: faker.number.int({ min: 2, max: 6 }),
      incomeSource: input.household?.hasDibao ? "ASSISTANCE" : "FARMING",
      fatherStatus: input.household?.fatherStatus ?? "AT_HOME",
      fatherWhereabouts: input.household?.fatherWhereabouts ?? null,
      motherStatus: input.household?.motherStatus ?? "AT_HOME",
      motherWhereabouts: input.household?.motherWhereabouts ?? null,
      createdById: input.createdById ?? null,
    },
    select: { id: true },
  });
  const guardianName = input.guardian?.name ?? surname + faker.person.firstName();
  await tx.guardian.create({
    data: {
      householdId: household.id,
      areaCode: input.village.code,
      name: guardianName,
      relationship: input.guardian?.relationship ?? "祖母",
      birthYear: faker.number.int({ min: 1950, max: 1975 }),
      phone: encryptOptional(phoneNumber()),
      isEntrusted: input.guardian?.isEntrusted ?? false,
      canCare: input.guardian?.canCare ?? true,
      confirmationSignedOn: input.guardian?.confirmationSignedOn ? dateValue(input.guardian.confirmationSignedOn) : null,
    },
  });
  const child = await tx.child.create({
    data: {
      householdId: household.id,
      areaCode: input.village.code,
      areaName: input.village.name,
      name,
      ...nameKeys(name),
      sex,
      dateOfBirth: dateValue(dateOfBirth),
      idNumberEncrypted: idNumber ? encryptField(idNumber) : null,
      idNumberHash: idNumber ? blindIndex(idNumber) : null,
      idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
      noIdReason: idNumber ? null : "出生后未办理出生登记",
      hukouStatus: idNumber ? "RURAL" : "NONE",
      schoolStage,
      schoolName: IN_SCHOOL.includes(schoolStage) ? `${shortAreaName(input.village.name)}${SCHOOL_NAME[schoolStage] ?? "学校"}` : null,
      outOfSchoolReason: schoolStage === "OUT_OF_SCHOOL" ? "厌学辍学" : null,
      livingArrangement: input.livingArrangement ?? "GRANDPARENTS",
      riskLevel: input.riskLevel === undefined ? "GREEN" : input.riskLevel,
      nextVisitOn: input.nextVisitOn ? dateValue(input.nextVisitOn) : null,
      consentBasis: "GUARDIAN_CONSENT",
      consentGivenBy: guardianName,
      consentOn: dateValue("2025-01-01"),
      createdById: input.createdById ?? null,
    },
    select: { id: true, name: true, areaCode: true, householdId: true, version: true },
  });
  for (const c of input.categories ?? []) {
    await tx.childCategory.create({
      data: {
        childId: child.id,
        areaCode: input.village.code,
        category: c.category,
        startDate: dateValue(c.startDate ?? "2025-01-01"),
        source: "DIRECTOR",
      },
    });
  }
  return { ...child, idNumber };
}
