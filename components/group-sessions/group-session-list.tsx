import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";
import type { GroupSessionListItem } from "@/lib/server/group-sessions/queries";

export function GroupSessionList({ sessions, showArea, t }: { sessions: GroupSessionListItem[]; showArea: boolean; t: Translate }) {
  if (sessions.length === 0) return <p className="rounded-xl bg-white p-4 text-sm text-slate-600">{t("groupSession.empty")}</p>;
  return (
    <ul className="space-y-2" data-testid="group-session-list">
      {sessions.map((s) => (
        <li key={s.id}>
          <Link href={`/group-sessions/${s.id}`} className="block min-h-11 rounded-xl border border-slate-200 bg-white p-3 shadow-sm hover:border-brand-600">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{s.title}</span>
              <Badge>{t(`groupTopic.${s.topic}`)}</Badge>
            </div>
            <div className="mt-1 text-sm text-slate-600">
              {s.heldOn} · {showArea ? `${s.areaName} · ` : ""}
              {s.place}
            </div>
            <div className="mt-1 text-sm text-slate-600">{t("groupSession.attendance", { children: s.childrenCount, caregivers: s.caregiversCount })}</div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
