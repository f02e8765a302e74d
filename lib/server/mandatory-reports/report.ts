import "server-only";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { shortAreaName } from "@/lib/domain/area-code";
import { ZONE } from "@/lib/domain/dates";
import { isUuid } from "@/lib/domain/ids";
import type { RoleName } from "@/lib/domain/roles";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Actor } from "../session";
import { isEscalated } from "./escalation";
import { actorNames } from "../users/actor-names";

type Kind = "VISIT_SAFETY" | "CHILD_ALONE" | "DIRECT";
type Status = "OPEN" | "ACKNOWLEDGED" | "CLOSED";

export type ReportStep = {
  step: "created" | "policeInformed" | "acknowledged" | "escalated" | "closed";
  /** Beijing time, "yyyy-MM-dd HH:mm". */
  at: string;
  byName: string | null;
  byRole: RoleName | null;
  note: string | null;
};

export type MandatoryReportDetail = {
  id: string;
  version: number;
  kind: Kind;
  status: Status;
  description: string;
  childId: string;
  childName: string;
  areaName: string;
  visitId: string | null;
  createdAt: string;
  police: { informedBy: string; informedAt: string; reference: string | null } | null;
  isEscalated: boolean;
  /** Who did what when, oldest first (from the audit trail and the escalation marker). */
  history: ReportStep[];
};

const when = (value: Date) => format(new TZDate(value, ZONE), "yyyy-MM-dd HH:mm");

function stepOf(action: string, details: unknown): ReportStep["step"] | null {
  const d = (details ?? {}) as { status?: string; police?: unknown };
  if (action === "create") return "created";
  if (action === "close" || d.status === "CLOSED") return "closed";
  if (d.status === "ACKNOWLEDGED") return "acknowledged";
  if (d.police) return "policeInformed";
  return null;
}

/** One report with its whole story, for the report page. Out of scope ⇒ not found (audited). */
export async function getMandatoryReport(actor: Actor, reportId: string, now: Date = new Date()): Promise<MandatoryReportDetail> {
  await assertCan(actor, "read", "mandatoryReport");
  const row = isUuid(reportId)
    ? await db().mandatoryReport.findFirst({
        where: { id: reportId, ...scopeWhere(actor) },
        select: {
          id: true, version: true, kind: true, status: true, description: true, visitId: true, createdAt: true,
          policeInformedAt: true, policeInformedBy: true, policeReference: true,
          child: { select: { id: true, name: true, areaName: true } },
        },
      })
    : null;
  if (!row) {
    await db().$transaction((tx) => writeAudit(tx, actor, { action: "read", entity: "mandatoryReport", entityId: reportId, outcome: "DENIED" }));
    throw new NotFoundError();
  }
  const [events, escalation] = await Promise.all([
    db().auditEvent.findMany({
      where: { entity: "mandatoryReport", entityId: row.id, outcome: "SUCCESS", action: { in: ["create", "update", "close"] } },
      select: { action: true, occurredAt: true, actorId: true, actorRole: true, details: true },
      orderBy: { id: "asc" },
    }),
    db().auditEvent.findFirst({ where: { entity: "mandatoryReport", entityId: row.id, action: "escalate" }, select: { occurredAt: true } }),
  ]);
  const nameOf = await actorNames(db(), events);
  const history: (ReportStep & { time: number })[] = [];
  for (const event of events) {
    const step = stepOf(event.action, event.details);
    if (!step) continue;
    const note = step === "closed" ? String((event.details as { note?: unknown } | null)?.note ?? "") || null : null;
    history.push({ step, at: when(event.occurredAt), byName: nameOf(event.actorId), byRole: event.actorRole, note, time: event.occurredAt.getTime() });
  }
  if (escalation) history.push({ step: "escalated", at: when(escalation.occurredAt), byName: null, byRole: null, note: null, time: escalation.occurredAt.getTime() });
  history.sort((a, b) => a.time - b.time);
  return {
    id: row.id,
    version: row.version,
    kind: row.kind,
    status: row.status,
    description: row.description,
    childId: row.child.id,
    childName: row.child.name,
    areaName: shortAreaName(row.child.areaName),
    visitId: row.visitId,
    createdAt: when(row.createdAt),
    police:
      row.policeInformedAt && row.policeInformedBy
        ? { informedBy: row.policeInformedBy, informedAt: when(row.policeInformedAt), reference: row.policeReference }
        : null,
    isEscalated: isEscalated(row, now),
    history: history.map(({ time: _time, ...step }) => step),
  };
}

export type ReportListItem = {
  id: string;
  kind: Kind;
  status: Status;
  childName: string;
  areaName: string;
  createdAt: string;
  isEscalated: boolean;
  isPoliceInformed: boolean;
};

export const REPORT_LIST_SIZE = 100;

/** Every report in scope (or those of one status), newest first, for the /reports list. */
export async function listMandatoryReports(actor: Actor, filter: { status?: Status } = {}, now: Date = new Date()): Promise<ReportListItem[]> {
  await assertCan(actor, "list", "mandatoryReport");
  const rows = await db().mandatoryReport.findMany({
    where: { ...scopeWhere(actor), ...(filter.status ? { status: filter.status } : {}) },
    select: { id: true, kind: true, status: true, createdAt: true, policeInformedAt: true, child: { select: { name: true, areaName: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: REPORT_LIST_SIZE,
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    childName: r.child.name,
    areaName: shortAreaName(r.child.areaName),
    createdAt: when(r.createdAt),
    isEscalated: isEscalated(r, now),
    isPoliceInformed: r.policeInformedAt !== null,
  }));
}
