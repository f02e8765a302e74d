export type SchoolStageName =
  | "NOT_YET"
  | "PRESCHOOL"
  | "PRIMARY"
  | "JUNIOR_SECONDARY"
  | "SENIOR_SECONDARY"
  | "VOCATIONAL"
  | "OUT_OF_SCHOOL"
  | "FINISHED";

/** The stage a child of this age is usually in (compulsory education: 6–15). A default, never a rule. */
export function expectedSchoolStage(age: number): SchoolStageName {
  if (age < 3) return "NOT_YET";
  if (age < 6) return "PRESCHOOL";
  if (age < 12) return "PRIMARY";
  if (age < 15) return "JUNIOR_SECONDARY";
  return "SENIOR_SECONDARY";
}
