import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import { ageOn, isoDate, todayInChina } from "@/lib/domain/dates";
import type { ParentStatusName } from "@/lib/domain/enums";
import type { RoleName } from "@/lib/domain/roles";
import { decryptField, decryptOptional } from "../field-crypto";

/** 138****5678. Only the village director, who must be able to call, sees phones in full. */
export function phoneFor(role: RoleName, phone: string | null): string | null {
  if (!phone) return null;
  return role === "VILLAGE_DIRECTOR" ? phone : maskPhone(phone);
}

export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

export const guardianSelect = {
  id: true,
  name: true,
  relationship: true,
  birthYear: true,
  health: true,
  canCare: true,
  phone: true,
  isEntrusted: true,
  confirmationSignedOn: true,
} as const;

type GuardianRow = {
  id: string;
  name: string;
  relationship: string;
  birthYear: number | null;
  health: string | null;
  canCare: boolean;
  phone: string | null;
  isEntrusted: boolean;
  confirmationSignedOn: Date | null;
};

export type GuardianDto = ReturnType<typeof toGuardianDto>;

export function toGuardianDto(row: GuardianRow, role: RoleName) {
  const thisYear = Number(todayInChina().slice(0, 4));
  return {
    id: row.id,
    name: row.name,
    relationship: row.relationship,
    age: row.birthYear ? thisYear - row.birthYear : null,
    health: row.health,
    canCare: row.canCare,
    // Stored encrypted (field-crypto); decrypted only here, where a page shows it.
    phone: phoneFor(role, decryptOptional(row.phone)),
    isEntrusted: row.isEntrusted,
    confirmationSignedOn: row.confirmationSignedOn ? isoDate(row.confirmationSignedOn) : null,
  };
}

export const parentsSelect = {
  fatherStatus: true,
  fatherWhereabouts: true,
  fatherAwaySince: true,
  fatherPhone: true,
  motherStatus: true,
  motherWhereabouts: true,
  motherAwaySince: true,
  motherPhone: true,
} as const;

type ParentsRow = {
  fatherStatus: ParentStatusName;
  fatherWhereabouts: string | null;
  fatherAwaySince: Date | null;
  fatherPhone: string | null;
  motherStatus: ParentStatusName;
  motherWhereabouts: string | null;
  motherAwaySince: Date | null;
  motherPhone: string | null;
};

export type ParentDto = { status: ParentStatusName; whereabouts: string | null; awaySince: string | null; phone: string | null };

export function toParentsDto(row: ParentsRow, role: RoleName): { father: ParentDto; mother: ParentDto } {
  const parent = (status: ParentStatusName, whereabouts: string | null, since: Date | null, phone: string | null): ParentDto => ({
    status,
    whereabouts,
    awaySince: since ? isoDate(since) : null,
    phone: phoneFor(role, decryptOptional(phone)),
  });
  return {
    father: parent(row.fatherStatus, row.fatherWhereabouts, row.fatherAwaySince, row.fatherPhone),
    mother: parent(row.motherStatus, row.motherWhereabouts, row.motherAwaySince, row.motherPhone),
  };
}

export const householdSelect = {
  id: true,
  areaCode: true,
  areaName: true,
  address: true,
  memberCount: true,
  incomeSource: true,
  hasDibao: true,
  hasTekun: true,
  isLowIncome: true,
  version: true,
  ...parentsSelect,
  guardians: { select: guardianSelect, orderBy: { createdAt: "asc" } },
  children: {
    select: { id: true, name: true, sex: true, dateOfBirth: true, status: true },
    orderBy: { dateOfBirth: "asc" },
  },
} as const;

type HouseholdRow = ParentsRow & {
  id: string;
  areaCode: string;
  areaName: string;
  address: string;
  memberCount: number;
  incomeSource: string | null;
  hasDibao: boolean;
  hasTekun: boolean;
  isLowIncome: boolean;
  version: number;
  guardians: GuardianRow[];
  children: { id: string; name: string; sex: "MALE" | "FEMALE"; dateOfBirth: Date; status: "ACTIVE" | "CLOSED" }[];
};

export type HouseholdDto = ReturnType<typeof toHouseholdDto>;

export function toHouseholdDto(row: HouseholdRow, role: RoleName) {
  const today = todayInChina();
  return {
    id: row.id,
    version: row.version,
    areaCode: row.areaCode,
    areaName: shortAreaName(row.areaName),
    address: decryptField(row.address),
    memberCount: row.memberCount,
    incomeSource: row.incomeSource,
    hasDibao: row.hasDibao,
    hasTekun: row.hasTekun,
    isLowIncome: row.isLowIncome,
    ...toParentsDto(row, role),
    guardians: row.guardians.map((g) => toGuardianDto(g, role)),
    children: row.children.map((c) => ({ id: c.id, name: c.name, sex: c.sex, age: ageOn(isoDate(c.dateOfBirth), today), status: c.status })),
  };
}

/** What the category rules need to know about a household (CategoryFacts["household"]). */
export function toHouseholdFacts(h: { father: ParentDto; mother: ParentDto; hasDibao: boolean; hasTekun: boolean; isLowIncome: boolean; guardians: GuardianDto[] }) {
  return {
    fatherStatus: h.father.status,
    motherStatus: h.mother.status,
    hasDibao: h.hasDibao,
    hasTekun: h.hasTekun,
    isLowIncome: h.isLowIncome,
    entrustedGuardianCannotCare: h.guardians.some((g) => g.isEntrusted && !g.canCare),
  };
}
