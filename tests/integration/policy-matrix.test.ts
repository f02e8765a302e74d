import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "@/lib/domain/dates";
import { ROLE_SCOPE_LENGTH, ROLES, type RoleName } from "@/lib/domain/roles";
import { assertCan, can, POLICY, type Entity, type Operation } from "@/lib/server/access/policy";
import { getOwnArea } from "@/lib/server/areas/queries";
import { listAuditEvents } from "@/lib/server/audit-events/queries";
import { getChildFile } from "@/lib/server/children/file";
import { closeChildFile } from "@/lib/server/children/mutations";
import { recordVisit, updateVisit } from "@/lib/server/visits/mutations";
import { getVisit, listChildVisits } from "@/lib/server/visits/queries";
import { acknowledgeMandatoryReport } from "@/lib/server/mandatory-reports/mutations";
import { listOpenMandatoryReports } from "@/lib/server/mandatory-reports/queries";
import { createReferralDraftFromNeed } from "@/lib/server/referrals/drafts";
import { getVisitPolicy } from "@/lib/server/visit-policies/queries";
import { updateVisitPolicy } from "@/lib/server/visit-policies/mutations";
import { createChildSchema } from "@/lib/schemas/child";
import { DEFAULT_CHILD_SEARCH } from "@/lib/schemas/child-search";
import { householdSchema } from "@/lib/schemas/household";
import { findLikelyDuplicates } from "@/lib/server/children/duplicates";
import { createChild } from "@/lib/server/children/registration";
import { searchChildren } from "@/lib/server/children/search";
import { createGroupSession } from "@/lib/server/group-sessions/mutations";
import { getGroupSession, listGroupSessions } from "@/lib/server/group-sessions/queries";
import { createHousehold, updateHousehold } from "@/lib/server/households/mutations";
import { getHousehold } from "@/lib/server/households/queries";
import { getTodaysWork } from "@/lib/server/workbench/queries";
import { announceOverdueVisits } from "@/lib/server/notifications/overdue-visits";
import { visitInput } from "../factories/visits";
import { countChildren, listChildren } from "@/lib/server/children/queries";
import { getAreaOverview } from "@/lib/server/dashboard/queries";
import { parseDashboardQuery } from "@/lib/schemas/indicators";
import { exportIndicatorTable } from "@/lib/server/indicators/export";
import { getIndicatorDashboard } from "@/lib/server/indicators/queries";
import { db, disconnectDb } from "@/lib/server/db";
import { ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { countOverdueReferrals, listApprovalQueue, listReferrals } from "@/lib/server/referrals/queries";
import { getReferral } from "@/lib/server/referrals/detail";
import { createReferral, updateReferral } from "@/lib/server/referrals/mutations";
import { transitionReferral } from "@/lib/server/referrals/transition";
import { getReferralDeadlines } from "@/lib/server/referral-deadlines/queries";
import { updateReferralDeadline } from "@/lib/server/referral-deadlines/mutations";
import type { Actor } from "@/lib/server/session";
import { listUsers } from "@/lib/server/users/queries";
import { createMandatoryReport, getReportSubject } from "@/lib/server/mandatory-reports/create";
import { closeMandatoryReport, recordPoliceInformed } from "@/lib/server/mandatory-reports/follow-up";
import { getMandatoryReport, listMandatoryReports } from "@/lib/server/mandatory-reports/report";
import { markRead } from "@/lib/server/notifications/mutations";
import { countUnread, listNotifications } from "@/lib/server/notifications/queries";
import { searchVillages } from "@/lib/server/areas/search";
import { acceptTransfer } from "@/lib/server/transfers/accept";
import { cancelTransfer, rejectTransfer, requestTransfer } from "@/lib/server/transfers/mutations";
import { getTransfer, listTransfers } from "@/lib/server/transfers/queries";
import { createDirector, deactivateDirector, resetDirectorPassword } from "@/lib/server/users/director-mutations";
import { listVillageDirectors } from "@/lib/server/users/directors";
import { currentMonth } from "@/lib/domain/months";
import { createApplicationSchema, transitionEntitlementSchema } from "@/lib/schemas/entitlement";
import { listBenefits } from "@/lib/server/benefits/catalogue";
import { listBenefitRates } from "@/lib/server/benefits/rates";
import { setBenefitRate } from "@/lib/server/benefits/set-rate";
import { getChildEligibility } from "@/lib/server/eligibility/child";
import { countBenefitGaps, listBenefitGaps, listReviewTasks } from "@/lib/server/eligibility/gaps";
import { readDocument } from "@/lib/server/entitlement-documents/download";
import { addDocument, removeDocument } from "@/lib/server/entitlement-documents/mutations";
import { getDocumentChecklist } from "@/lib/server/entitlement-documents/queries";
import { getApplyChild, getApplyForm } from "@/lib/server/entitlements/apply-form";
import { createApplication } from "@/lib/server/entitlements/create";
import { getEntitlement } from "@/lib/server/entitlements/detail";
import { listEntitlements } from "@/lib/server/entitlements/queries";
import { transitionEntitlement } from "@/lib/server/entitlements/transition";
import { countEntitlementWork, getBenefitOverview } from "@/lib/server/entitlements/work";
import { exportPaymentBatch } from "@/lib/server/payments/export";
import { getPaymentBatch, listPaymentBatches } from "@/lib/server/payments/queries";
import { recordPayments } from "@/lib/server/payments/record";
import { listPaymentRoster } from "@/lib/server/payments/roster";
import { makeVillage } from "../factories/areas";
import { makeChild } from "../factories/children";
import { actorFor } from "../support/actors";
import { onTestDatabaseClose, setupTestDatabase } from "../support/test-database";

setupTestDatabase();
onTestDatabaseClose(disconnectDb);

const ENTITIES = Object.keys(POLICY) as Entity[];
const OPERATIONS = [...new Set(ENTITIES.flatMap((entity) => Object.keys(POLICY[entity])))] as Operation[];
const CASE_ENTITIES: Entity[] = ["child", "household", "guardian", "visit", "referral", "entitlement"];

const VILLAGE = "411523101201";

/** Each role sits at its most local allowed level above (or at) the same village, so every scope covers it. */
function areaFor(role: RoleName): string {
  const length = Math.max(...ROLE_SCOPE_LENGTH[role]);
  return length === 0 ? "" : VILLAGE.slice(0, length).padEnd(12, "0");
}

let existingChildId: string;
const missingId = () => crypto.randomUUID();

type Probe = { name: string; run: (actor: Actor) => Promise<unknown> };

const HOUSEHOLD = { address: "1组1号", memberCount: "3", fatherStatus: "AT_HOME", motherStatus: "AT_HOME" };
const household = () => householdSchema.parse({ ...HOUSEHOLD, requestId: missingId() });
const child = () =>
  createChildSchema.parse({
    householdId: missingId(),
    requestId: missingId(),
    name: "矩阵",
    sex: "FEMALE",
    dateOfBirth: "2018-01-01",
    noId: "on",
    noIdReason: "未办理出生登记",
    hukouStatus: "NONE",
    schoolStage: "PRIMARY",
    schoolName: "小学",
    livingArrangement: "GRANDPARENTS",
    consentBasis: "STATUTORY_DUTY",
  });
const groupSession = { title: "防溺水", topic: "INJURY_PREVENTION", heldOn: todayInChina(), place: "村委会", facilitator: "王", childrenCount: 1, caregiversCount: 0, notes: "", childIds: [] } as const;

// The data-layer function behind each entity × operation that has one. Add a row here when a new
// function lands; the cases below are generated from POLICY and this map.
const PROBES: Partial<Record<`${Entity}.${Operation}`, Probe[]>> = {
  "child.list": [
    { name: "listChildren", run: (actor) => listChildren(actor) },
    { name: "countChildren", run: (actor) => countChildren(actor) },
    { name: "getTodaysWork", run: (actor) => getTodaysWork(actor) },
    { name: "announceOverdueVisits", run: (actor) => announceOverdueVisits(actor) },
    { name: "searchChildren", run: (actor) => searchChildren(actor, DEFAULT_CHILD_SEARCH) },
  ],
  "child.create": [
    { name: "createChild", run: (actor) => createChild(actor, child()) },
    { name: "findLikelyDuplicates", run: (actor) => findLikelyDuplicates(actor, { name: "矩阵", dateOfBirth: "2018-01-01" }) },
  ],
  "household.create": [{ name: "createHousehold", run: (actor) => createHousehold(actor, household()) }],
  "household.read": [{ name: "getHousehold", run: (actor) => getHousehold(actor, missingId()) }],
  "household.update": [{ name: "updateHousehold", run: (actor) => updateHousehold(actor, { ...household(), householdId: missingId(), version: 1 }) }],
  "groupSession.list": [{ name: "listGroupSessions", run: (actor) => listGroupSessions(actor) }],
  "groupSession.read": [{ name: "getGroupSession", run: (actor) => getGroupSession(actor, missingId()) }],
  "groupSession.create": [{ name: "createGroupSession", run: (actor) => createGroupSession(actor, { ...groupSession, childIds: [], requestId: missingId() }) }],
  "visitPolicy.update": [{ name: "updateVisitPolicy", run: (actor) => updateVisitPolicy(actor, { version: 0, RED: 7, YELLOW: 14, BLUE: 30, GREEN: 90 }) }],
  "child.read": [
    { name: "getChildEligibility", run: (actor) => getChildEligibility(actor, missingId()) },
    { name: "getChildFile (existing child)", run: (actor) => getChildFile(actor, existingChildId) },
    { name: "getChildFile (missing id)", run: (actor) => getChildFile(actor, missingId()) },
  ],
  "child.close": [
    { name: "closeChildFile", run: (actor) => closeChildFile(actor, { childId: missingId(), version: 1, reason: "OTHER" }) },
  ],
  "visit.create": [
    {
      name: "recordVisit",
      run: (actor) => recordVisit(actor, visitInput({ childId: missingId(), visitedOn: todayInChina(), riskLevel: "GREEN" })),
    },
  ],
  "referral.list": [
    { name: "listReferrals", run: (actor) => listReferrals(actor) },
    { name: "listApprovalQueue", run: (actor) => listApprovalQueue(actor) },
    { name: "countOverdueReferrals", run: (actor) => countOverdueReferrals(actor) },
  ],
  "referral.read": [{ name: "getReferral", run: (actor) => getReferral(actor, missingId()) }],
  "referral.create": [
    { name: "createReferralDraftFromNeed", run: (actor) => createReferralDraftFromNeed(actor, { visitId: missingId(), type: "SCHOOL" }) },
    { name: "createReferral", run: (actor) => createReferral(actor, { childId: missingId(), type: "SCHOOL", agency: "学校", reason: "辍学" }) },
    { name: "updateReferral", run: (actor) => updateReferral(actor, { referralId: missingId(), version: 1, type: "SCHOOL", agency: "学校", reason: "辍学" }) },
  ],
  "referral.update": [
    {
      name: "transitionReferral",
      run: (actor) => transitionReferral(actor, { referralId: missingId(), version: 1, to: "APPROVED", note: "", referredOn: "", agency: "", outcome: "", idNumber: "" }),
    },
  ],
  "referral.close": [
    {
      name: "transitionReferral (close)",
      run: (actor) => transitionReferral(actor, { referralId: missingId(), version: 1, to: "CLOSED_UNRESOLVED", note: "撤回", referredOn: "", agency: "", outcome: "", idNumber: "" }),
    },
  ],
  "referralDeadline.read": [{ name: "getReferralDeadlines", run: (actor) => getReferralDeadlines(actor) }],
  "referralDeadline.update": [{ name: "updateReferralDeadline", run: (actor) => updateReferralDeadline(actor, { status: "SUBMITTED", workingDays: 5, version: 0 }) }],
  "visit.list": [{ name: "listChildVisits", run: (actor) => listChildVisits(actor, existingChildId) }],
  "visit.read": [{ name: "getVisit", run: (actor) => getVisit(actor, missingId()) }],
  "visit.update": [
    {
      name: "updateVisit",
      run: (actor) => {
        const { childId: _unused, ...fields } = visitInput({ childId: missingId(), visitedOn: todayInChina(), riskLevel: "GREEN" });
        return updateVisit(actor, { ...fields, visitId: missingId(), version: 1 });
      },
    },
  ],
  "mandatoryReport.list": [
    { name: "listOpenMandatoryReports", run: (actor) => listOpenMandatoryReports(actor) },
    { name: "listMandatoryReports", run: (actor) => listMandatoryReports(actor) },
  ],
  "mandatoryReport.read": [{ name: "getMandatoryReport", run: (actor) => getMandatoryReport(actor, missingId()) }],
  "mandatoryReport.create": [
    { name: "createMandatoryReport", run: (actor) => createMandatoryReport(actor, { childId: missingId(), description: "矩阵", policeInformedBy: "", policeInformedAt: "", policeReference: "" }) },
    { name: "getReportSubject", run: (actor) => getReportSubject(actor, missingId()) },
  ],
  "mandatoryReport.update": [
    { name: "acknowledgeMandatoryReport", run: (actor) => acknowledgeMandatoryReport(actor, { reportId: missingId(), version: 1 }) },
    { name: "recordPoliceInformed", run: (actor) => recordPoliceInformed(actor, { reportId: missingId(), version: 1, policeInformedBy: "王", policeInformedAt: "2025-01-01T08:00", policeReference: "" }) },
  ],
  "mandatoryReport.close": [{ name: "closeMandatoryReport", run: (actor) => closeMandatoryReport(actor, { reportId: missingId(), version: 1, note: "矩阵" }) }],
  "notification.list": [{ name: "listNotifications", run: (actor) => listNotifications(actor) }],
  "notification.read": [{ name: "countUnread", run: (actor) => countUnread(actor) }],
  "notification.update": [{ name: "markRead", run: (actor) => markRead(actor, "all") }],
  "visitPolicy.read": [{ name: "getVisitPolicy", run: (actor) => getVisitPolicy(actor, VILLAGE) }],
  "aggregate.read": [
    { name: "getAreaOverview", run: (actor) => getAreaOverview(actor) },
    { name: "getIndicatorDashboard", run: (actor) => getIndicatorDashboard(actor, parseDashboardQuery({})) },
    { name: "exportIndicatorTable", run: (actor) => exportIndicatorTable(actor, { ...parseDashboardQuery({}), format: "csv", locale: "zh-CN" }) },
  ],
  "area.read": [{ name: "getOwnArea", run: (actor) => getOwnArea(actor) }],
  "user.list": [
    { name: "listUsers", run: (actor) => listUsers(actor) },
    { name: "listVillageDirectors", run: (actor) => listVillageDirectors(actor) },
  ],
  "user.create": [{ name: "createDirector", run: (actor) => createDirector(actor, { areaCode: VILLAGE, loginName: `m-${missingId().slice(0, 8)}`, displayName: "矩阵", phone: "" }) }],
  "user.update": [{ name: "resetDirectorPassword", run: (actor) => resetDirectorPassword(actor, { userId: missingId(), version: 1 }) }],
  "user.close": [{ name: "deactivateDirector", run: (actor) => deactivateDirector(actor, { userId: missingId(), version: 1 }) }],
  "area.list": [{ name: "searchVillages", run: (actor) => searchVillages(actor, "测试") }],
  "transfer.list": [{ name: "listTransfers", run: (actor) => listTransfers(actor) }],
  "transfer.read": [{ name: "getTransfer", run: (actor) => getTransfer(actor, missingId()) }],
  "transfer.create": [{ name: "requestTransfer", run: (actor) => requestTransfer(actor, { childId: missingId(), toAreaCode: VILLAGE, reason: "迁居" }) }],
  "transfer.update": [
    { name: "acceptTransfer", run: (actor) => acceptTransfer(actor, { transferId: missingId(), version: 1 }) },
    { name: "rejectTransfer", run: (actor) => rejectTransfer(actor, { transferId: missingId(), version: 1, note: "不符" }) },
  ],
  "transfer.close": [{ name: "cancelTransfer", run: (actor) => cancelTransfer(actor, { transferId: missingId(), version: 1 }) }],
  "auditEvent.list": [{ name: "listAuditEvents", run: (actor) => listAuditEvents(actor) }],
  "entitlement.list": [
    { name: "listEntitlements", run: (actor) => listEntitlements(actor) },
    { name: "listBenefitGaps", run: (actor) => listBenefitGaps(actor, {}) },
    { name: "countBenefitGaps", run: (actor) => countBenefitGaps(actor) },
    { name: "listReviewTasks", run: (actor) => listReviewTasks(actor) },
    { name: "countEntitlementWork", run: (actor) => countEntitlementWork(actor) },
    { name: "getBenefitOverview", run: (actor) => getBenefitOverview(actor) },
  ],
  "entitlement.read": [{ name: "getEntitlement", run: (actor) => getEntitlement(actor, missingId()) }],
  "entitlement.create": [
    { name: "createApplication", run: (actor) => createApplication(actor, createApplicationSchema.parse({ childId: missingId(), benefit: "ORPHAN_ALLOWANCE", requestId: missingId() })) },
    { name: "getApplyForm", run: (actor) => getApplyForm(actor, missingId(), "ORPHAN_ALLOWANCE") },
    { name: "getApplyChild", run: (actor) => getApplyChild(actor, missingId()) },
  ],
  "entitlement.update": [{ name: "transitionEntitlement", run: (actor) => transitionEntitlement(actor, transitionEntitlementSchema.parse({ entitlementId: missingId(), version: 1, to: "CHECKED" })) }],
  "entitlementDocument.list": [{ name: "getDocumentChecklist", run: (actor) => getDocumentChecklist(actor, missingId()) }],
  "entitlementDocument.read": [{ name: "readDocument", run: (actor) => readDocument(actor, { entitlementId: missingId(), documentId: missingId() }) }],
  "entitlementDocument.create": [
    {
      name: "addDocument",
      run: (actor) => addDocument(actor, { entitlementId: missingId(), documentCode: "APPLICATION_FORM", fileName: "矩阵.png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) }),
    },
  ],
  "entitlementDocument.close": [{ name: "removeDocument", run: (actor) => removeDocument(actor, { entitlementId: missingId(), documentId: missingId() }) }],
  "benefit.list": [
    { name: "listBenefits", run: (actor) => listBenefits(actor) },
    { name: "listBenefitRates", run: (actor) => listBenefitRates(actor) },
  ],
  "benefit.update": [{ name: "setBenefitRate", run: (actor) => setBenefitRate(actor, { benefit: "ORPHAN_ALLOWANCE", month: currentMonth(), amountYuan: "1439.90" }) }],
  "payment.list": [
    { name: "listPaymentBatches", run: (actor) => listPaymentBatches(actor) },
    { name: "listPaymentRoster", run: (actor) => listPaymentRoster(actor, { benefit: "ORPHAN_ALLOWANCE", month: currentMonth() }) },
  ],
  "payment.read": [
    { name: "getPaymentBatch", run: (actor) => getPaymentBatch(actor, missingId()) },
    { name: "exportPaymentBatch", run: (actor) => exportPaymentBatch(actor, { batchId: missingId(), format: "csv", locale: "zh-CN" }) },
  ],
  "payment.create": [
    {
      name: "recordPayments",
      run: (actor) => recordPayments(actor, { benefit: "ORPHAN_ALLOWANCE", month: currentMonth(), requestId: missingId(), exceptions: [{ entitlementId: missingId(), reason: "矩阵" }], expected: { entitlementIds: [], totalFen: 0 } }),
    },
  ],
};

const actors = new Map<RoleName, Actor>();

// Allowed calls that change nothing and show no one's personal information: the duplicate check while typing
// (it answers with the matches' masked hints only), aggregates (counts, suppressed below 5 above the county),
// the actor's own unread count and settings. Lists of records are not audited call by call (operation "list").
const UNAUDITED_PROBES = new Set(["findLikelyDuplicates", "getAreaOverview", "countUnread", "getVisitPolicy", "getReferralDeadlines", "getBenefitOverview", "getOwnArea"]);

async function lastAuditId(): Promise<bigint> {
  const last = await db().auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? BigInt(0);
}

async function auditOutcomesSince(after: bigint, actor: Actor): Promise<string[]> {
  const rows = await db().auditEvent.findMany({ where: { id: { gt: after }, actorId: actor.userId }, select: { outcome: true } });
  return [...new Set(rows.map((row) => row.outcome))];
}

beforeAll(async () => {
  const village = await makeVillage(VILLAGE);
  existingChildId = (await makeChild({ village })).id;
  for (const role of ROLES) actors.set(role, await actorFor(role, areaFor(role)));
});

describe("the policy table", () => {
  it("names only known roles", () => {
    const named = ENTITIES.flatMap((entity) => OPERATIONS.flatMap((operation) => POLICY[entity][operation]));
    expect(named.filter((role) => !(ROLES as readonly string[]).includes(role))).toEqual([]);
  });

  for (const role of ROLES) {
    for (const entity of ENTITIES) {
      const allowed = OPERATIONS.filter((operation) => POLICY[entity][operation].includes(role));
      it(`can() and assertCan() give a ${role} exactly [${allowed.join(", ")}] on ${entity}`, async () => {
        expect(OPERATIONS.filter((operation) => can(role, operation, entity))).toEqual(allowed);
        for (const operation of OPERATIONS) {
          if (allowed.includes(operation)) await expect(assertCan(actors.get(role)!, operation, entity)).resolves.toBeUndefined();
          else await expect(assertCan(actors.get(role)!, operation, entity)).rejects.toBeInstanceOf(ForbiddenError);
        }
      });
    }
  }

  it("keeps case data away from provinces, the ministry, administrators and auditors", () => {
    for (const role of ["PROVINCE_OFFICER", "MINISTRY_OFFICER", "SYSTEM_ADMIN", "AUDITOR"] as const) {
      for (const entity of CASE_ENTITIES) expect(OPERATIONS.filter((operation) => can(role, operation, entity))).toEqual([]);
    }
  });

  it("gives the audit trail to auditors only, and accounts to administrators and to township supervisors for their directors", () => {
    for (const operation of OPERATIONS) {
      expect(POLICY.auditEvent[operation].filter((role) => role !== "AUDITOR")).toEqual([]);
      expect(POLICY.user[operation].filter((role) => role !== "SYSTEM_ADMIN" && role !== "TOWNSHIP_SUPERVISOR")).toEqual([]);
    }
    // Reading any single account (who else works here) stays with administrators.
    expect(POLICY.user.read).toEqual(["SYSTEM_ADMIN"]);
  });
});

describe("the data layer enforces the policy table", () => {
  for (const entity of ENTITIES) {
    for (const operation of OPERATIONS) {
      for (const probe of PROBES[`${entity}.${operation}`] ?? []) {
        for (const role of ROLES) {
          if (POLICY[entity][operation].includes(role)) {
            const audited = operation !== "list" && !UNAUDITED_PROBES.has(probe.name);
            it(`a ${role} may ${operation} ${entity} through ${probe.name}${audited ? ", audited" : ""}`, async () => {
              const actor = actors.get(role)!;
              const before = await lastAuditId();
              const outcome = await probe.run(actor).then(
                () => "allowed",
                (error: unknown) => (error instanceof NotFoundError ? "allowed (not found)" : error),
              );
              expect(outcome).toMatch(/^allowed/);
              if (audited) expect(await auditOutcomesSince(before, actor)).not.toEqual([]);
            });
          } else {
            it(`a ${role} is refused ${operation} ${entity} through ${probe.name}, with a DENIED audit row`, async () => {
              const actor = actors.get(role)!;
              const before = await lastAuditId();
              await expect(probe.run(actor)).rejects.toBeInstanceOf(ForbiddenError);
              expect(await auditOutcomesSince(before, actor)).toEqual(["DENIED"]);
            });
          }
        }
      }
    }
  }

  it("has a probe only for entities and operations that are in the table", () => {
    const unknown = Object.keys(PROBES).filter((key) => {
      const [entity, operation] = key.split(".") as [Entity, Operation];
      return !POLICY[entity] || !POLICY[entity][operation];
    });
    expect(unknown).toEqual([]);
  });
});
