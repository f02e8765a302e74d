import type { Translate } from "@/lib/i18n/translate";

export type TimelineStep = {
  id: string;
  /** The move in words ("已申请 → 乡镇已查验"), with anything the caller adds after it. */
  title: string;
  actorName: string | null;
  actorRole: string | null;
  occurredAt: string;
  note: string | null;
};

function beijingTime(iso: string) {
  return new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
}

/** A workflow's history, oldest first: each move with who (in which role), when, and its note. */
export function StatusTimeline({ steps, emptyText, testId, t }: { steps: TimelineStep[]; emptyText: string; testId: string; t: Translate }) {
  if (steps.length === 0) return <p className="text-sm text-slate-600">{emptyText}</p>;
  return (
    <ol className="relative space-y-4 border-l-2 border-slate-200 pl-4" data-testid={testId}>
      {steps.map((e) => (
        <li key={e.id} className="relative">
          <span className="absolute -left-[1.4rem] top-1.5 size-3 rounded-full bg-brand-600 ring-4 ring-white" aria-hidden />
          <div className="font-medium">{e.title}</div>
          <div className="text-sm text-slate-600">{[e.actorName, e.actorRole ? t(`roles.${e.actorRole}`) : null, beijingTime(e.occurredAt)].filter(Boolean).join(" · ")}</div>
          {e.note && <p className="mt-1 whitespace-pre-wrap break-words text-sm">{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}
