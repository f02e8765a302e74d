import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKindName } from "@/lib/domain/enums";
import type { RoleName } from "@/lib/domain/roles";
import type { Tx } from "../db";

export type NotificationEvent = {
  kind: NotificationKindName;
  entity: string;
  entityId: string;
  /** The record's area: the notification goes to users whose jurisdiction covers it. */
  areaCode: string;
  roles: readonly RoleName[];
  params?: Prisma.InputJsonValue;
  /** Never notify the person who caused the event. */
  exceptUserId?: string;
};

/** A delivery channel beyond the in-app list (SMS, WeChat): none is configured here. */
export type NotificationChannel = (userIds: string[], event: NotificationEvent) => Promise<void>;
const channels: NotificationChannel[] = [];
export function addNotificationChannel(channel: NotificationChannel): void {
  channels.push(channel);
}

/** The area codes whose holders see a record at `areaCode`: the village itself, its township, county, prefecture, province. */
function coveringCodes(areaCode: string): string[] {
  return [12, 9, 6, 4, 2].map((length) => areaCode.slice(0, length).padEnd(12, "0"));
}

/**
 * Writes in-app notifications inside the caller's transaction (they commit with the change they
 * announce) and returns the recipients, so the caller can hand them to deliverNotifications after commit.
 */
export async function notify(tx: Tx, event: NotificationEvent, recipients?: string[]): Promise<string[]> {
  const userIds = recipients ?? (await recipientsOf(tx, event));
  if (userIds.length === 0) return [];
  await tx.notification.createMany({
    data: userIds.map((userId) => ({
      userId,
      kind: event.kind,
      entity: event.entity,
      entityId: event.entityId,
      areaCode: event.areaCode,
      params: event.params,
    })),
  });
  return userIds;
}

/**
 * Who an event goes to: active users of the roles whose jurisdiction covers its area. Loops that notify
 * many records of one area look this up once and pass it to notify().
 */
export async function recipientsOf(tx: Tx, event: Pick<NotificationEvent, "areaCode" | "roles" | "exceptUserId">): Promise<string[]> {
  const users = await tx.user.findMany({
    where: { isActive: true, role: { in: [...event.roles] }, areaCode: { in: coveringCodes(event.areaCode) }, ...(event.exceptUserId ? { id: { not: event.exceptUserId } } : {}) },
    select: { id: true },
  });
  return users.map((user) => user.id);
}

/** After commit: network channels never run inside a transaction. Failures are logged, not thrown. */
export async function deliverNotifications(userIds: string[], event: NotificationEvent): Promise<void> {
  for (const channel of channels) {
    await channel(userIds, event).catch((error: unknown) => console.warn("[notify] channel failed", error));
  }
}
