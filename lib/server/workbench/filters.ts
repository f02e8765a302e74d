import "server-only";
import { dateValue } from "@/lib/domain/dates";
import { AGE_THRESHOLDS, addDays, DUE_SOON_DAYS, SCHOOL_NAME_STAGES, turningWindow } from "@/lib/domain/work-lists";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WorkFilter } from "@/lib/schemas/child-search";

// The database side of each work list (lib/domain/work-lists.ts holds the rules). The workbench and
// the children list's "see all" filter share these, so a section's count and its full list agree.

const blank = <K extends string>(field: K) => ({ OR: [{ [field]: null }, { [field]: "" }] }) as Prisma.ChildWhereInput;

/** Mirrors missingKeyData(): a child matches exactly when the checklist finds something missing. */
function missingDataWhere(): Prisma.ChildWhereInput {
  const away: Prisma.HouseholdWhereInput = {
    OR: [{ fatherStatus: "WORKING_AWAY" }, { motherStatus: "WORKING_AWAY" }],
    fatherStatus: { not: "AT_HOME" },
    motherStatus: { not: "AT_HOME" },
  };
  return {
    OR: [
      { household: { guardians: { none: { AND: [{ phone: { not: null } }, { phone: { not: "" } }] } } } },
      { household: { OR: [{ fatherStatus: "UNKNOWN" }, { motherStatus: "UNKNOWN" }] } },
      { household: { ...away, guardians: { none: { isEntrusted: true, confirmationSignedOn: { not: null } } } } },
      { AND: [{ schoolStage: { in: [...SCHOOL_NAME_STAGES] } }, blank("schoolName")] },
      { AND: [{ schoolStage: "OUT_OF_SCHOOL" }, blank("outOfSchoolReason")] },
      { AND: [{ idNumberHash: null }, blank("noIdReason")] },
      { AND: [{ consentBasis: "GUARDIAN_CONSENT" }, blank("consentGivenBy")] },
    ],
  };
}

function turningWhere(today: string): Prisma.ChildWhereInput {
  return {
    OR: AGE_THRESHOLDS.map((age) => {
      const window = turningWindow(age, today);
      return { dateOfBirth: { gt: dateValue(window.bornAfter), lte: dateValue(window.bornOnOrBefore) } };
    }),
  };
}

/** The children of one work list (ACTIVE and scope are added by the caller). */
export function workListWhere(list: WorkFilter, today: string): Prisma.ChildWhereInput {
  switch (list) {
    case "overdue":
      return { nextVisitOn: { lt: dateValue(today) } };
    case "due-week":
      return { nextVisitOn: { gte: dateValue(today), lte: dateValue(addDays(today, DUE_SOON_DAYS - 1)) } };
    case "no-id":
      return { idNumberHash: null };
    case "turning":
      return turningWhere(today);
    case "missing-data":
      return missingDataWhere();
    case "returned-referral":
      return { referrals: { some: { status: "RETURNED" } } };
  }
}
