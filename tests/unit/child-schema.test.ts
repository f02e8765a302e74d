import { describe, expect, it } from "vitest";
import { z } from "zod";
import { todayInChina } from "@/lib/domain/dates";
import { makeIdNumber } from "@/lib/domain/id-number";
import { closeFileSchema, createChildSchema, updateChildSchema } from "@/lib/schemas/child";
import { householdSchema } from "@/lib/schemas/household";

const TODAY = todayInChina();
const YEAR = Number(TODAY.slice(0, 4));
const DOB = `${YEAR - 8}-04-12`;
const ID = makeIdNumber("411523", DOB, 101, "FEMALE");

const VALID_CHILD = {
  householdId: "7d6c0a36-6f61-4c5b-9c1e-2f6a3f3d2b10",
  requestId: "0b6f1c7e-2a4d-4e8f-9c3b-5d7a1e2f3c4d",
  name: "王小花",
  sex: "FEMALE",
  dateOfBirth: DOB,
  idNumber: ID,
  hukouStatus: "RURAL",
  schoolStage: "PRIMARY",
  schoolName: "沙窝小学",
  livingArrangement: "GRANDPARENTS",
  consentBasis: "STATUTORY_DUTY",
};

function errorsOf(input: object): Record<string, string[] | undefined> {
  const parsed = createChildSchema.safeParse({ ...VALID_CHILD, ...input });
  return parsed.success ? {} : z.flattenError(parsed.error as z.ZodError).fieldErrors;
}

describe("the child registration schema", () => {
  it("accepts a complete child and normalises a lower-case x", () => {
    const withX = Array.from({ length: 500 }, (_, n) => makeIdNumber("110101", DOB, n * 2, "FEMALE")).find((v) => v.endsWith("X"));
    if (!withX) throw new Error("no ID number ending in X among 500 sequences");
    const parsed = createChildSchema.parse({ ...VALID_CHILD, idNumber: withX.toLowerCase() });
    expect(parsed.idNumber).toBe(withX);
    expect(parsed.ethnicity).toBe("汉族");
  });

  it("counts code points: 50 with 𠮷 and · are accepted, 51 refused, 200 refused", () => {
    expect(errorsOf({ name: `阿卜杜·${"𠮷".repeat(46)}` })).toEqual({});
    expect(errorsOf({ name: "𠮷".repeat(51) }).name).toEqual(["registration.errors.nameTooLong"]);
    expect(errorsOf({ name: "王".repeat(200) }).name).toEqual(["registration.errors.nameTooLong"]);
  });

  it("refuses NUL, control characters, markup and an empty name", () => {
    expect(errorsOf({ name: "王\u0000花" }).name).toEqual(["registration.errors.nameInvalid"]);
    expect(errorsOf({ name: "<b>王</b>" }).name).toEqual(["registration.errors.nameInvalid"]);
    expect(errorsOf({ name: "   " }).name).toEqual(["registration.errors.nameRequired"]);
  });

  it("gives each ID-number problem its own message", () => {
    const wrongCheck = ID.slice(0, 17) + (ID[17] === "0" ? "1" : "0");
    expect(errorsOf({ idNumber: "12345" }).idNumber).toEqual(["registration.errors.id.format"]);
    expect(errorsOf({ idNumber: wrongCheck }).idNumber).toEqual(["registration.errors.id.checksum"]);
    expect(errorsOf({ idNumber: makeIdNumber("411523", `${YEAR - 9}-04-12`, 101, "FEMALE") }).idNumber).toEqual(["registration.errors.id.birthDateMismatch"]);
    expect(errorsOf({ idNumber: makeIdNumber("411523", DOB, 101, "MALE") }).idNumber).toEqual(["registration.errors.id.sexMismatch"]);
    expect(errorsOf({ idNumber: "41152320150231101X" }).idNumber).toEqual(["registration.errors.id.birthDate"]);
  });

  it("requires an ID number or a reason for having none", () => {
    expect(errorsOf({ idNumber: "" }).idNumber).toEqual(["registration.errors.idRequired"]);
    expect(errorsOf({ idNumber: "", noId: "on" }).noIdReason).toEqual(["registration.errors.noIdReasonRequired"]);
    expect(errorsOf({ idNumber: "", noId: "on", noIdReason: "未办理出生登记" })).toEqual({});
  });

  it("refuses a future date of birth and an adult", () => {
    expect(errorsOf({ dateOfBirth: `${YEAR + 1}-01-01`, idNumber: "", noId: true, noIdReason: "无" }).dateOfBirth).toEqual(["registration.errors.futureBirthDate"]);
    expect(errorsOf({ dateOfBirth: `${YEAR - 19}-01-01`, idNumber: "", noId: true, noIdReason: "无" }).dateOfBirth).toEqual(["registration.errors.adult"]);
  });

  it("requires who consented and when under guardian consent, and why a child is out of school", () => {
    const e = errorsOf({ consentBasis: "GUARDIAN_CONSENT", schoolStage: "OUT_OF_SCHOOL" });
    expect(e.consentGivenBy).toEqual(["registration.errors.consentGivenByRequired"]);
    expect(e.consentOn).toEqual(["registration.errors.consentOnRequired"]);
    expect(e.outOfSchoolReason).toEqual(["registration.errors.outOfSchoolReasonRequired"]);
  });

  it("refuses unknown keys such as an area code", () => {
    expect(createChildSchema.safeParse({ ...VALID_CHILD, areaCode: "330106001001" }).success).toBe(false);
  });

  it("requires the form's request id", () => {
    expect(errorsOf({ requestId: undefined }).requestId).toBeDefined();
    expect(errorsOf({ requestId: "not-a-uuid" }).requestId).toEqual(["errors.validation"]);
  });

  it("leaves the specially protected category to the data layer (it knows the permission), and refuses a source claimed by the client", () => {
    expect(errorsOf({ categories: [{ category: "HIV_AFFECTED", startDate: TODAY }] })).toEqual({});
    expect(errorsOf({ categories: [{ category: "POOR_FAMILY", startDate: TODAY }] })).toEqual({});
    expect(createChildSchema.safeParse({ ...VALID_CHILD, categories: [{ category: "POOR_FAMILY", startDate: TODAY, source: "RULE" }] }).success).toBe(false);
  });

  it("refuses control characters in every free-text answer", () => {
    for (const field of ["ethnicity", "hukouPlace", "schoolName", "healthNote", "consentGivenBy"]) {
      expect(errorsOf({ [field]: "汉\u0000族" })[field], field).toBeDefined();
    }
    expect(errorsOf({ idNumber: "", noId: "on", noIdReason: "未\u0007办" }).noIdReason).toBeDefined();
    expect(errorsOf({ schoolStage: "OUT_OF_SCHOOL", outOfSchoolReason: "辍\u001b学" }).outOfSchoolReason).toBeDefined();
  });

  it("refuses dates before 1900 and category dates before birth or after today", () => {
    const noId = { idNumber: "", noId: "on", noIdReason: "无" };
    expect(errorsOf({ ...noId, dateOfBirth: "0001-01-01" }).dateOfBirth).toEqual(["registration.errors.date"]);
    expect(errorsOf({ consentBasis: "GUARDIAN_CONSENT", consentGivenBy: "李", consentOn: "1899-12-31" }).consentOn).toEqual(["registration.errors.date"]);
    expect(errorsOf({ categories: [{ category: "POOR_FAMILY", startDate: "1899-12-31" }] }).categories).toBeDefined();
    expect(errorsOf({ categories: [{ category: "POOR_FAMILY", startDate: `${YEAR - 9}-01-01` }] }).categories).toEqual(["registration.errors.categoryBeforeBirth"]);
    const { householdId: _h, requestId: _r, ...fields } = VALID_CHILD;
    const edit = (endDate: string) => updateChildSchema.safeParse({ ...fields, childId: VALID_CHILD.householdId, version: 1, endCategories: [{ categoryId: VALID_CHILD.householdId, endDate }] });
    expect(edit(TODAY).success).toBe(true);
    expect(edit(`${YEAR + 1}-01-01`).success).toBe(false);
    expect(edit("1899-12-31").success).toBe(false);
    expect(edit(`${YEAR - 9}-01-01`).success).toBe(false);
  });

  it("refuses a version outside the column's range on edit", () => {
    const { householdId: _h, requestId: _r, ...fields } = VALID_CHILD;
    expect(updateChildSchema.safeParse({ ...fields, childId: VALID_CHILD.householdId, version: 2_147_483_648 }).success).toBe(false);
  });
});

describe("the household and close-file schemas", () => {
  const household = { address: "3组12号", memberCount: "4", fatherStatus: "WORKING_AWAY", motherStatus: "AT_HOME", requestId: VALID_CHILD.requestId };

  it("accepts a household and refuses a bad phone, a future signing date and an area code", () => {
    expect(householdSchema.safeParse(household).success).toBe(true);
    expect(householdSchema.safeParse({ ...household, fatherPhone: "2381234567" }).success).toBe(false);
    const future = householdSchema.safeParse({ ...household, guardianName: "李奶奶", guardianRelationship: "祖母", confirmationSigned: "on", confirmationSignedOn: `${YEAR + 1}-01-01` });
    expect(future.success).toBe(false);
    const unsigned = householdSchema.safeParse({ ...household, confirmationSigned: "on" });
    expect(unsigned.success ? {} : z.flattenError(unsigned.error).fieldErrors.confirmationSignedOn).toEqual(["household.errors.signedOnRequired"]);
    expect(householdSchema.safeParse({ ...household, areaCode: "330106001001" }).success).toBe(false);
    expect(householdSchema.safeParse({ ...household, requestId: undefined }).success).toBe(false);
  });

  it("refuses control characters in guardian and whereabouts fields, and dates before 1900", () => {
    for (const field of ["guardianName", "guardianRelationship", "guardianHealth", "fatherWhereabouts", "motherWhereabouts"]) {
      expect(householdSchema.safeParse({ ...household, guardianName: "李", guardianRelationship: "祖母", [field]: "a\u0000b" }).success, field).toBe(false);
    }
    expect(householdSchema.safeParse({ ...household, fatherAwaySince: "1899-12-31" }).success).toBe(false);
  });

  it("requires a note when a file is closed for another reason", () => {
    const base = { childId: VALID_CHILD.householdId, version: 1 };
    expect(closeFileSchema.safeParse({ ...base, reason: "OTHER" }).success).toBe(false);
    expect(closeFileSchema.safeParse({ ...base, reason: "OTHER", note: "送往福利院" }).success).toBe(true);
    expect(closeFileSchema.safeParse({ ...base, reason: "MOVED_AWAY" }).success).toBe(true);
  });
});
