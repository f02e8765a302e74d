import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import type { RoleName } from "@/lib/domain/roles";
import type { UserListQuery } from "@/lib/schemas/admin-user";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "../audit";
import { db, type Tx } from "../db";
import { NotFoundError } from "../errors";
import { decryptOptional } from "../field-crypto";
import type { Actor } from "../session";
import { isUuid } from "@/lib/domain/ids";
import { assertUserAdmin, canManageAccount, managedUserWhere } from "./admin-scope";

export const USER_PAGE_SIZE = 50;

export type ManagedUserDto = {
  id: string;
  loginName: string;
  displayName: string;
  phone: string | null;
  role: RoleName;
  areaCode: string;
  areaName: string | null;
  isActive: boolean;
  isLocked: boolean;
  hasSecondFactor: boolean;
  hivAccess: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  version: number;
  /** Whether she may change it (canManageAccount): not her own, nor a peer or wider administrator's or auditor's. */
  manageable: boolean;
};

// Never the password hash (omitted by the client), the TOTP secret or recovery codes.
const managedUserSelect = {
  id: true,
  loginName: true,
  displayName: true,
  phone: true,
  role: true,
  areaCode: true,
  isActive: true,
  lockedUntil: true,
  totpEnabledAt: true,
  hivAccess: true,
  mustChangePassword: true,
  version: true,
  sessions: { select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
} as const;

type ManagedUserRow = Prisma.UserGetPayload<{ select: typeof managedUserSelect }>;

async function areaNames(client: Pick<Tx, "adminArea">, codes: string[]): Promise<Map<string, string>> {
  const areas = await client.adminArea.findMany({ where: { code: { in: [...new Set(codes)] } }, select: { code: true, name: true } });
  return new Map(areas.map((a) => [a.code, shortAreaName(a.name)]));
}

function toManagedUser(actor: Actor, row: ManagedUserRow, names: Map<string, string>, now: Date): ManagedUserDto {
  return {
    id: row.id,
    loginName: row.loginName,
    displayName: row.displayName,
    // Encrypted at rest; the administrator sees it in full to reach the person.
    phone: decryptOptional(row.phone),
    role: row.role,
    areaCode: row.areaCode,
    areaName: names.get(row.areaCode) ?? null,
    isActive: row.isActive,
    isLocked: row.lockedUntil !== null && row.lockedUntil > now,
    hasSecondFactor: row.totpEnabledAt !== null,
    hivAccess: row.hivAccess,
    mustChangePassword: row.mustChangePassword,
    lastLoginAt: row.sessions[0]?.createdAt.toISOString() ?? null,
    version: row.version,
    manageable: canManageAccount(actor, row),
  };
}

function listWhere(actor: Actor, query: UserListQuery): Prisma.UserWhereInput {
  const q = query.q;
  return {
    ...managedUserWhere(actor),
    ...(query.role ? { role: query.role } : {}),
    ...(query.active ? { isActive: query.active === "yes" } : {}),
    ...(q ? { OR: [{ loginName: { contains: q, mode: "insensitive" as const } }, { displayName: { contains: q, mode: "insensitive" as const } }] } : {}),
  };
}

/** One page (50) of the jurisdiction's accounts, filtered by name, role and whether active. */
export async function listManagedUsers(actor: Actor, query: UserListQuery = {}) {
  await assertUserAdmin(actor, "list");
  const where = listWhere(actor, query);
  const page = query.page ?? 1;
  const [rows, total] = await Promise.all([
    db().user.findMany({ where, select: managedUserSelect, orderBy: [{ areaCode: "asc" }, { loginName: "asc" }], skip: (page - 1) * USER_PAGE_SIZE, take: USER_PAGE_SIZE }),
    db().user.count({ where }),
  ]);
  const names = await areaNames(db(), rows.map((r) => r.areaCode));
  const now = new Date();
  return { users: rows.map((r) => toManagedUser(actor, r, names, now)), total, page, pageCount: Math.max(1, Math.ceil(total / USER_PAGE_SIZE)) };
}

/** One account of the jurisdiction; any other id is not found (and the attempt audited). Reads are audited. */
export async function getManagedUser(actor: Actor, userId: string): Promise<ManagedUserDto> {
  await assertUserAdmin(actor, "read", isUuid(userId) ? userId : undefined);
  if (!isUuid(userId)) throw new NotFoundError();
  const user = await db().$transaction(async (tx) => {
    const row = await tx.user.findFirst({ where: { id: userId, ...managedUserWhere(actor) }, select: managedUserSelect });
    if (!row) {
      await writeAudit(tx, actor, { action: "read", entity: "user", entityId: userId, outcome: "DENIED" });
      return null;
    }
    await writeAudit(tx, actor, { action: "read", entity: "user", entityId: row.id, areaCode: row.areaCode });
    return toManagedUser(actor, row, await areaNames(tx, [row.areaCode]), new Date());
  });
  if (!user) throw new NotFoundError();
  return user;
}
