import "server-only";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { shortAreaName } from "@/lib/domain/area-code";
import { ZONE } from "@/lib/domain/dates";
import { isUuid } from "@/lib/domain/ids";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { db } from "../db";
import type { Actor } from "../session";
import { isEscalated, unsafeEscalateOverdueReports } from "./escalation";

export type UrgentReport = {
  id: string;
  version: number;
  childId: string;
  childName: string;
  areaName: string;
  kind: "VISIT_SAFETY" | "CHILD_ALONE" | "DIRECT";
  status: "OPEN" | "ACKNOWLEDGED";
  description: string;
  /** Beijing time, "yyyy-MM-dd HH:mm". */
  createdAt: string;
  hoursOpen: number;
  /** OPEN for more than 24 hours: escalated to the county (已上报县级). */
  isEscalated: boolean;
};

const reportSelect = {
  id: true,
  version: true,
  kind: true,
  status: true,
  description: true,
  createdAt: true,
  child: { select: { id: true, name: true, areaName: true } },
} as const;

type ReportRow = {
  id: string;
  version: number;
  kind: UrgentReport["kind"];
  status: string;
  description: string;
  createdAt: Date;
  child: { id: string; name: string; areaName: string };
};

function toUrgentReport(row: ReportRow, now: Date): UrgentReport {
  const hoursOpen = Math.floor((now.getTime() - row.createdAt.getTime()) / 3_600_000);
  return {
    id: row.id,
    version: row.version,
    childId: row.child.id,
    childName: row.child.name,
    areaName: shortAreaName(row.child.areaName),
    kind: row.kind,
    status: row.status as UrgentReport["status"],
    description: row.description,
    createdAt: format(new TZDate(row.createdAt, ZONE), "yyyy-MM-dd HH:mm"),
    hoursOpen,
    isEscalated: isEscalated(row, now),
  };
}

const NOT_CLOSED = { status: { in: ["OPEN" as const, "ACKNOWLEDGED" as const] } };

/** How many acknowledged reports the urgent list shows below the open ones; the count stays the true total. */
export const ACKNOWLEDGED_SHOWN = 20;

export type UrgentReportList = {
  /** Every OPEN report, oldest first (the most overdue on top), then the newest acknowledged ones. */
  reports: UrgentReport[];
  openCount: number;
  acknowledgedCount: number;
};

/**
 * The township's and county's urgent list of 强制报告 not yet closed. An OPEN report never drops off
 * the list however many there are; acknowledged ones are already taken up, so only the latest are shown.
 * Reading it also announces newly escalated reports to their county (unsafeEscalateOverdueReports).
 */
export async function listOpenMandatoryReports(actor: Actor, now: Date = new Date()): Promise<UrgentReportList> {
  await assertCan(actor, "list", "mandatoryReport");
  const scope = scopeWhere(actor);
  if (actor.role !== "VILLAGE_DIRECTOR") await unsafeEscalateOverdueReports(now);
  const [open, acknowledged, acknowledgedCount] = await Promise.all([
    db().mandatoryReport.findMany({
      where: { ...scope, status: "OPEN" },
      select: reportSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db().mandatoryReport.findMany({
      where: { ...scope, status: "ACKNOWLEDGED" },
      select: reportSelect,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: ACKNOWLEDGED_SHOWN,
    }),
    db().mandatoryReport.count({ where: { ...scope, status: "ACKNOWLEDGED" } }),
  ]);
  return {
    reports: [...open, ...acknowledged].map((row) => toUrgentReport(row, now)),
    openCount: open.length,
    acknowledgedCount,
  };
}

/** One child's reports not yet closed, for the top of her file. */
export async function listChildOpenMandatoryReports(actor: Actor, childId: string, now: Date = new Date()): Promise<UrgentReport[]> {
  await assertCan(actor, "list", "mandatoryReport");
  if (!isUuid(childId)) return [];
  const rows = await db().mandatoryReport.findMany({
    where: { childId, ...scopeWhere(actor), ...NOT_CLOSED },
    select: reportSelect,
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => toUrgentReport(row, now));
}
