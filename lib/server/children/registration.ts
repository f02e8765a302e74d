import "server-only";
import { mustReportLivingAlone } from "@/lib/domain/category-rules";
import { dateValue, isoDate, todayInChina } from "@/lib/domain/dates";
import { maskIdNumber, validateIdNumber } from "@/lib/domain/id-number";
import { nameKeys } from "@/lib/domain/pinyin";
import type { CreateChildInput, UpdateChildInput } from "@/lib/schemas/child";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db, type Tx } from "../db";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { blindIndex, decryptField, encryptField } from "../field-crypto";
import { insertMandatoryReport } from "../mandatory-reports/mutations";
import type { Actor } from "../session";
import { DuplicateIdError, findDuplicatesIn, LikelyDuplicateError, lockIdNumber } from "./duplicates";
import { assertMayRecord, isProtected } from "./protected-categories";
import { assertCategoriesFit, assertEndDatesFit, householdFactsSelect, insertCategories, ruleCategories } from "./registration-categories";
import { isUniqueViolation } from "../unique-violation";

type ChildFields = Omit<CreateChildInput, "householdId" | "confirmDuplicate" | "categories" | "requestId">;

function childData(input: ChildFields) {
  const text = (s: string) => s || null;
  const inSchool = !["NOT_YET", "OUT_OF_SCHOOL", "FINISHED"].includes(input.schoolStage);
  return {
    name: input.name,
    ...nameKeys(input.name),
    sex: input.sex,
    dateOfBirth: dateValue(input.dateOfBirth),
    ethnicity: input.ethnicity,
    noIdReason: input.noId ? input.noIdReason : null,
    hukouStatus: input.hukouStatus,
    hukouPlace: text(input.hukouPlace),
    schoolStage: input.schoolStage,
    schoolName: inSchool ? text(input.schoolName) : null,
    outOfSchoolReason: input.schoolStage === "OUT_OF_SCHOOL" ? text(input.outOfSchoolReason) : null,
    isBoarding: inSchool && input.isBoarding,
    healthStatus: input.healthStatus,
    healthNote: text(input.healthNote),
    disabilityType: input.disabilityType || null,
    disabilityGrade: input.disabilityGrade === "" ? null : input.disabilityGrade,
    hasDisabilityCertificate: input.hasDisabilityCertificate,
    medicalInsurance: input.medicalInsurance,
    livingArrangement: input.livingArrangement,
    consentBasis: input.consentBasis,
    consentGivenBy: input.consentBasis === "GUARDIAN_CONSENT" ? text(input.consentGivenBy) : null,
    consentOn: input.consentBasis === "GUARDIAN_CONSENT" && input.consentOn ? dateValue(input.consentOn) : null,
  };
}

/** Encrypted at rest, found by keyed hash, shown masked (architecture.md "Sensitive fields"). */
function idNumberData(idNumber: string) {
  return idNumber
    ? { idNumberEncrypted: encryptField(idNumber), idNumberHash: blindIndex(idNumber), idNumberMasked: maskIdNumber(idNumber) }
    : { idNumberEncrypted: null, idNumberHash: null, idNumberMasked: null };
}

async function reportIfAlone(tx: Tx, actor: Actor, child: { id: string; areaCode: string }, input: ChildFields): Promise<string | null> {
  if (!mustReportLivingAlone(input.livingArrangement, input.dateOfBirth, todayInChina())) return null;
  const report = await insertMandatoryReport(tx, actor, {
    childId: child.id,
    areaCode: child.areaCode,
    kind: "CHILD_ALONE",
    description: `登记时发现：${input.name}未满16周岁独居。`,
  });
  return report.id;
}


export type CreatedChild = { childId: string; childAloneReportId: string | null };

/** What an earlier attempt with the same request id saved (a retry after a lost response), or null. */
async function findCreated(client: Pick<Tx, "child" | "mandatoryReport">, actor: Actor, requestId: string): Promise<CreatedChild | null> {
  const child = await client.child.findFirst({ where: { clientRequestId: requestId, ...scopeWhere(actor) }, select: { id: true } });
  if (!child) return null;
  const report = await client.mandatoryReport.findFirst({ where: { childId: child.id, kind: "CHILD_ALONE" }, select: { id: true }, orderBy: { createdAt: "asc" } });
  return { childId: child.id, childAloneReportId: report?.id ?? null };
}

/**
 * Registers a child in a household of the actor's jurisdiction (area taken from the household, never
 * from input). Same ID number on file ⇒ refused; likely duplicates ⇒ refused unless confirmed. A retry
 * with the same request id returns the first attempt's child: no second file, audit row or report.
 */
export async function createChild(actor: Actor, input: CreateChildInput): Promise<CreatedChild> {
  await assertCan(actor, "create", "child");
  assertCategoriesFit(input.categories, input.dateOfBirth);
  await assertMayRecord(actor, input.categories, { action: "create" });
  try {
    return await insertChild(actor, input);
  } catch (error) {
    // A twin of this request committed first: the unique index (or, for an ID number, the lock and the
    // duplicate check behind it) refused this one. The twin's child is the answer to both.
    if (!isUniqueViolation(error) && !(error instanceof DuplicateIdError) && !(error instanceof LikelyDuplicateError)) throw error;
    const created = await findCreated(db(), actor, input.requestId);
    if (!created) throw error;
    return created;
  }
}

async function insertChild(actor: Actor, input: CreateChildInput): Promise<CreatedChild> {
  const result = await db().$transaction(async (tx) => {
    const earlier = await findCreated(tx, actor, input.requestId);
    if (earlier) return earlier;
    const household = await tx.household.findFirst({
      where: { id: input.householdId, ...scopeWhere(actor) },
      select: { id: true, areaCode: true, areaName: true, ...householdFactsSelect },
    });
    if (!household) {
      // Committed on purpose: the attempt is audited even though nothing is created.
      await writeAudit(tx, actor, { action: "create", entity: "child", outcome: "DENIED", details: { householdId: input.householdId } });
      return null;
    }
    await lockIdNumber(tx, input.idNumber);
    const duplicates = await findDuplicatesIn(tx, actor, { name: input.name, dateOfBirth: input.dateOfBirth, idNumber: input.idNumber });
    if (duplicates.idMatch) throw new DuplicateIdError(duplicates.idMatch.id);
    if (duplicates.candidates.length > 0 && !input.confirmDuplicate) throw new LikelyDuplicateError(duplicates.candidates);
    const child = await tx.child.create({
      data: {
        ...childData(input),
        ...idNumberData(input.idNumber),
        householdId: household.id,
        areaCode: household.areaCode,
        areaName: household.areaName,
        // A first visit is due as soon as the child is on file.
        nextVisitOn: dateValue(todayInChina()),
        clientRequestId: input.requestId,
        createdById: actor.userId,
      },
      select: { id: true, areaCode: true },
    });
    await insertCategories(tx, actor, child, input.categories, ruleCategories(input, household));
    const childAloneReportId = await reportIfAlone(tx, actor, child, input);
    await writeAudit(tx, actor, {
      action: "create",
      entity: "child",
      entityId: child.id,
      areaCode: child.areaCode,
      details: { householdId: household.id, confirmedNotDuplicate: duplicates.candidates.length > 0 },
    });
    return { childId: child.id, childAloneReportId };
  });
  if (!result) throw new NotFoundError();
  return result;
}

/**
 * A blank ID on edit keeps the stored number, which must still agree with a corrected date of birth
 * or sex: an ID number encodes both, so a mismatch means one of the two is wrong.
 */
function assertStoredIdFits(stored: { idNumberEncrypted: string | null; dateOfBirth: Date; sex: string }, input: UpdateChildInput) {
  if (input.idNumber || input.noId || !stored.idNumberEncrypted) return;
  if (isoDate(stored.dateOfBirth) === input.dateOfBirth && stored.sex === input.sex) return;
  const checked = validateIdNumber(decryptField(stored.idNumberEncrypted), { today: todayInChina(), dateOfBirth: input.dateOfBirth, sex: input.sex });
  if (!checked.ok) throw new ValidationError({ idNumber: ["registration.errors.storedIdMismatch"] });
}

/**
 * Edits a child's file on its version (stale ⇒ ConflictError, never a silent overwrite). A blank ID
 * keeps the stored one; a new ID is re-checked against the files in scope. Categories are added or
 * ended, never deleted.
 */
export async function updateChild(actor: Actor, input: UpdateChildInput): Promise<{ childId: string; childAloneReportId: string | null }> {
  await assertCan(actor, "update", "child");
  assertCategoriesFit(input.categories, input.dateOfBirth);
  await assertMayRecord(actor, input.categories, { action: "update", childId: input.childId });
  const result = await db().$transaction(async (tx) => {
    const child = await tx.child.findFirst({
      where: { id: input.childId, ...scopeWhere(actor) },
      select: {
        id: true,
        areaCode: true,
        sex: true,
        dateOfBirth: true,
        idNumberHash: true,
        idNumberEncrypted: true,
        livingArrangement: true,
        categories: { where: { endDate: null }, select: { id: true, category: true, startDate: true } },
        household: { select: householdFactsSelect },
      },
    });
    if (!child) {
      await writeAudit(tx, actor, { action: "update", entity: "child", entityId: input.childId, outcome: "DENIED" });
      return null;
    }
    if (input.idNumber) {
      await lockIdNumber(tx, input.idNumber);
      const duplicates = await findDuplicatesIn(tx, actor, { name: input.name, dateOfBirth: input.dateOfBirth, idNumber: input.idNumber, excludeChildId: child.id });
      if (duplicates.idMatch) throw new DuplicateIdError(duplicates.idMatch.id);
    } else if (!input.noId && !child.idNumberHash) {
      throw new ValidationError({ idNumber: ["registration.errors.idRequired"] });
    }
    assertStoredIdFits(child, input);
    // Without the HIV-status permission a protected category is as unknown as any other id: never ended here.
    const endable = child.categories.filter((c) => actor.hivAccess || !isProtected(c.category));
    const ending = input.endCategories.flatMap((e) => {
      const category = endable.find((c) => c.id === e.categoryId);
      return category ? [{ ...e, startDate: category.startDate }] : [];
    });
    assertEndDatesFit(ending, input.dateOfBirth);
    const idFields = input.idNumber || input.noId ? idNumberData(input.idNumber) : {};
    const updated = await tx.child.updateMany({
      where: { id: child.id, ...scopeWhere(actor), status: "ACTIVE", version: input.version },
      data: { ...childData(input), ...idFields, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError("registration.errors.changedMeanwhile");
    for (const e of ending) {
      await tx.childCategory.updateMany({ where: { id: e.categoryId, childId: child.id, endDate: null }, data: { endDate: dateValue(e.endDate) } });
    }
    const stillActive = child.categories.filter((c) => !ending.some((e) => e.categoryId === c.id)).map((c) => c.category);
    const added = input.categories.filter((c) => !stillActive.includes(c.category));
    await insertCategories(tx, actor, child, added, ruleCategories(input, child.household));
    const childAloneReportId = child.livingArrangement === "ALONE" ? null : await reportIfAlone(tx, actor, child, input);
    const idChanged = Boolean(input.idNumber) && blindIndex(input.idNumber) !== child.idNumberHash;
    const idRemoved = input.noId && child.idNumberHash !== null;
    await writeAudit(tx, actor, { action: "update", entity: "child", entityId: child.id, areaCode: child.areaCode, details: { idChanged, idRemoved } });
    return { childId: child.id, childAloneReportId };
  });
  if (!result) throw new NotFoundError();
  return result;
}
