import "server-only";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { ZONE } from "@/lib/domain/dates";
import type { NotificationKindName } from "@/lib/domain/enums";
import { assertCan } from "../access/policy";
import { db } from "../db";
import type { Actor } from "../session";

export type NotificationItem = {
  id: string;
  kind: NotificationKindName;
  /** Only plain strings and numbers (the child's name at most), for the sentence's placeholders. */
  params: Record<string, string | number>;
  /** Where the notification leads, or null when its record has no page. */
  href: string | null;
  /** Beijing time, "yyyy-MM-dd HH:mm". */
  createdAt: string;
  isRead: boolean;
};

export const NOTIFICATION_PAGE_SIZE = 100;

function plainParams(value: unknown): Record<string, string | number> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string | number] => ["string", "number"].includes(typeof entry[1])));
}

function hrefFor(entity: string, entityId: string | null, params: Record<string, string | number>): string | null {
  if (entity === "referral" && entityId) return `/referrals/${entityId}`;
  if (entity === "mandatoryReport" && entityId) return `/reports/${entityId}`;
  if (entity === "child" && entityId) return `/children/${entityId}`;
  if (entity === "transfer" && entityId) return `/transfers/${entityId}`;
  if (entity === "entitlement" && entityId) return `/entitlements/${entityId}`;
  if (typeof params.childId === "string") return `/children/${params.childId}`;
  return null;
}

/** The actor's own notifications, newest first. Never anyone else's: the filter is her user id. */
export async function listNotifications(actor: Actor): Promise<NotificationItem[]> {
  await assertCan(actor, "list", "notification");
  const rows = await db().notification.findMany({
    where: { userId: actor.userId },
    select: { id: true, kind: true, entity: true, entityId: true, params: true, createdAt: true, readAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: NOTIFICATION_PAGE_SIZE,
  });
  return rows.map((row) => {
    const params = plainParams(row.params);
    return {
      id: row.id,
      kind: row.kind,
      params,
      href: hrefFor(row.entity, row.entityId, params),
      createdAt: format(new TZDate(row.createdAt, ZONE), "yyyy-MM-dd HH:mm"),
      isRead: row.readAt !== null,
    };
  });
}

/** For the bell in the header (polled every minute). */
export async function countUnread(actor: Actor): Promise<number> {
  await assertCan(actor, "read", "notification");
  return db().notification.count({ where: { userId: actor.userId, readAt: null } });
}
