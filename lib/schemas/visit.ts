import { z } from "zod";
import { RISK_LEVELS } from "@/lib/domain/categories";

const isoDate = z.iso.date({ error: "visit.errors.date" });

export const recordVisitSchema = z.strictObject({
  childId: z.uuid({ error: "errors.notFound" }),
  visitedOn: isoDate,
  riskLevel: z.enum(RISK_LEVELS, { error: "visit.errors.riskLevel" }),
  notes: z.string().trim().max(2000, { error: "visit.errors.notesTooLong" }).optional().default(""),
  nextVisitOn: z.union([isoDate, z.literal("")]).optional(),
});

export type RecordVisitInput = z.infer<typeof recordVisitSchema>;

export const closeChildFileSchema = z.strictObject({
  childId: z.uuid({ error: "errors.notFound" }),
  version: z.coerce.number().int().positive(),
  reason: z.enum(["MOVED_AWAY", "TURNED_18", "DIED", "OTHER"], { error: "child.errors.closeReason" }),
});

export type CloseChildFileInput = z.infer<typeof closeChildFileSchema>;
