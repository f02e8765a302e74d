import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import { ageOn, dateValue, isoDate, todayInChina } from "@/lib/domain/dates";
import type { GROUP_TOPICS } from "@/lib/domain/enums";
import { isUuid } from "@/lib/domain/ids";
import { assertCan } from "../access/policy";
import { scopeWhere } from "../access/scope";
import { writeAudit } from "../audit";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Actor } from "../session";

export type GroupTopicName = (typeof GROUP_TOPICS)[number];

export type GroupSessionListItem = {
  id: string;
  title: string;
  topic: GroupTopicName;
  heldOn: string;
  place: string;
  areaName: string;
  childrenCount: number;
  caregiversCount: number;
};

export type GroupSessionYear = {
  year: number;
  totals: { sessions: number; children: number; caregivers: number };
  sessions: GroupSessionListItem[];
};

const listSelect = {
  id: true,
  title: true,
  topic: true,
  heldOn: true,
  place: true,
  areaName: true,
  childrenCount: true,
  caregiversCount: true,
} as const;

/** Sessions held in the actor's jurisdiction, newest first, with this year's totals (Beijing calendar year). */
export async function listGroupSessions(actor: Actor, take = 100): Promise<GroupSessionYear> {
  await assertCan(actor, "list", "groupSession");
  const year = Number(todayInChina().slice(0, 4));
  const thisYear = { ...scopeWhere(actor), heldOn: { gte: dateValue(`${year}-01-01`), lte: dateValue(`${year}-12-31`) } };
  const [rows, totals] = await Promise.all([
    db().groupSession.findMany({
      where: scopeWhere(actor),
      select: listSelect,
      orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
      take: Math.min(take, 500),
    }),
    db().groupSession.aggregate({ where: thisYear, _count: { _all: true }, _sum: { childrenCount: true, caregiversCount: true } }),
  ]);
  return {
    year,
    totals: {
      sessions: totals._count._all,
      children: totals._sum.childrenCount ?? 0,
      caregivers: totals._sum.caregiversCount ?? 0,
    },
    sessions: rows.map((row) => ({ ...row, heldOn: isoDate(row.heldOn), areaName: shortAreaName(row.areaName) })),
  };
}

export type GroupSessionDetail = GroupSessionListItem & {
  facilitator: string;
  notes: string | null;
  attendees: { id: string; name: string; sex: "MALE" | "FEMALE"; age: number }[];
};

/** One session with the registered children who came. Audited like a child's file: it names children. */
export async function getGroupSession(actor: Actor, sessionId: string): Promise<GroupSessionDetail> {
  await assertCan(actor, "read", "groupSession");
  if (!isUuid(sessionId)) throw new NotFoundError();
  const found = await db().$transaction(async (tx) => {
    const row = await tx.groupSession.findFirst({
      where: { id: sessionId, ...scopeWhere(actor) },
      select: {
        ...listSelect,
        areaCode: true,
        facilitator: true,
        notes: true,
        attendees: { select: { child: { select: { id: true, name: true, sex: true, dateOfBirth: true, namePinyin: true } } } },
      },
    });
    await writeAudit(tx, actor, {
      action: "read",
      entity: "groupSession",
      entityId: sessionId,
      areaCode: row?.areaCode,
      outcome: row ? "SUCCESS" : "DENIED",
    });
    return row;
  });
  if (!found) throw new NotFoundError();
  const today = todayInChina();
  const { areaCode: _areaCode, attendees, ...session } = found;
  return {
    ...session,
    heldOn: isoDate(session.heldOn),
    areaName: shortAreaName(session.areaName),
    attendees: attendees
      .map(({ child }) => child)
      .sort((a, b) => a.namePinyin.localeCompare(b.namePinyin))
      .map((c) => ({ id: c.id, name: c.name, sex: c.sex, age: ageOn(isoDate(c.dateOfBirth), today) })),
  };
}

export type AttendeeCandidate = { id: string; name: string; pinyin: string; initials: string; age: number };

/** ACTIVE children the director may mark as attending: her own village's, by pinyin for the search box. */
export async function listAttendeeCandidates(actor: Actor): Promise<AttendeeCandidate[]> {
  await assertCan(actor, "create", "groupSession");
  const rows = await db().child.findMany({
    where: { ...scopeWhere(actor), status: "ACTIVE" },
    select: { id: true, name: true, namePinyin: true, nameInitials: true, dateOfBirth: true },
    orderBy: [{ namePinyin: "asc" }, { name: "asc" }],
    take: 2000,
  });
  const today = todayInChina();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    pinyin: r.namePinyin,
    initials: r.nameInitials,
    age: ageOn(isoDate(r.dateOfBirth), today),
  }));
}
