import { z } from "zod";
import { todayInChina } from "@/lib/domain/dates";
import { GROUP_TOPICS } from "@/lib/domain/enums";
import { hasControlChars, requestId } from "./fields";

// Form fields arrive as strings (FormData); the same schema runs in the browser and in the action.

export const MAX_ATTENDANCE = 1000;

// A browser posts a textarea's line breaks as CRLF; they count as one and are not control characters.
function text(min: number, max: number) {
  return z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v),
    z
      .string({ error: "groupSession.errors.required" })
      .trim()
      .min(min, { error: "groupSession.errors.required" })
      .max(max, { error: "groupSession.errors.tooLong" })
      .refine((s) => !hasControlChars(s), { error: "groupSession.errors.controlChars" }),
  );
}

/** 0–1000 people; an empty field is missing, not zero. */
const headCount = z.preprocess(
  (v) => (v === "" || v === undefined ? undefined : v),
  z.coerce
    .number({ error: "groupSession.errors.count" })
    .int({ error: "groupSession.errors.count" })
    .min(0, { error: "groupSession.errors.count" })
    .max(MAX_ATTENDANCE, { error: "groupSession.errors.count" }),
);

// A form posts one checked box as a string and several as repeated keys; both become a list.
const childIds = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.uuid({ error: "errors.notFound" })).max(MAX_ATTENDANCE, { error: "groupSession.errors.count" }),
);

/** The same day one year earlier, as an ISO date (29 Feb falls back to 28 Feb). */
export function oneYearBefore(day: string): string {
  const previous = `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
  return previous.endsWith("-02-29") ? previous.replace(/29$/, "28") : previous;
}

type SessionRules = { heldOn: string; childrenCount: number; childIds: string[] };

/** The rules that hold wherever a session is saved from: the form, the action and the data layer. */
export function groupSessionProblems(value: SessionRules, today: string): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (value.heldOn > today) problems.heldOn = ["groupSession.errors.futureDate"];
  else if (value.heldOn < oneYearBefore(today)) problems.heldOn = ["groupSession.errors.tooOld"];
  if (value.childrenCount < new Set(value.childIds).size) problems.childrenCount = ["groupSession.errors.fewerThanPicked"];
  return problems;
}

export const createGroupSessionSchema = z
  .strictObject({
    requestId,
    title: text(1, 100),
    topic: z.enum(GROUP_TOPICS, { error: "groupSession.errors.topic" }),
    heldOn: z.iso.date({ error: "groupSession.errors.date" }),
    place: text(1, 100),
    facilitator: text(1, 50),
    childrenCount: headCount,
    caregiversCount: headCount,
    notes: text(0, 2000).optional().default(""),
    childIds,
  })
  .superRefine((value, ctx) => {
    for (const [path, [message]] of Object.entries(groupSessionProblems(value, todayInChina()))) {
      ctx.addIssue({ code: "custom", path: [path], message });
    }
  });

export type CreateGroupSessionInput = z.infer<typeof createGroupSessionSchema>;
