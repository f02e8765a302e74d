import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import { todayInChina } from "@/lib/domain/dates";
import type { TransferStatus } from "@/lib/generated/prisma/enums";

export type TransferStatusName = TransferStatus;

export type TransferDto = {
  id: string;
  childId: string;
  childName: string;
  fromAreaCode: string;
  fromAreaName: string;
  toAreaCode: string;
  toAreaName: string;
  status: TransferStatusName;
  reason: string;
  decisionNote: string | null;
  requestedOn: string;
  decidedOn: string | null;
  version: number;
};

export const transferSelect = {
  id: true,
  childId: true,
  fromAreaCode: true,
  fromAreaName: true,
  toAreaCode: true,
  toAreaName: true,
  status: true,
  reason: true,
  decisionNote: true,
  requestedAt: true,
  decidedAt: true,
  version: true,
  child: { select: { name: true } },
} as const;

type TransferRow = {
  id: string;
  childId: string;
  fromAreaCode: string;
  fromAreaName: string;
  toAreaCode: string;
  toAreaName: string;
  status: TransferStatusName;
  reason: string;
  decisionNote: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
  version: number;
  child: { name: string };
};

/** Instants become the day they fell on in Beijing. */
export function toTransferDto(row: TransferRow): TransferDto {
  return {
    id: row.id,
    childId: row.childId,
    childName: row.child.name,
    fromAreaCode: row.fromAreaCode,
    fromAreaName: shortAreaName(row.fromAreaName),
    toAreaCode: row.toAreaCode,
    toAreaName: shortAreaName(row.toAreaName),
    status: row.status,
    reason: row.reason,
    decisionNote: row.decisionNote,
    requestedOn: todayInChina(row.requestedAt),
    decidedOn: row.decidedAt ? todayInChina(row.decidedAt) : null,
    version: row.version,
  };
}
