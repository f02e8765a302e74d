import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { Translate } from "@/lib/i18n/translate";
import type { GroupSessionDetail } from "@/lib/server/group-sessions/queries";

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-3 border-b border-slate-100 py-2 text-sm last:border-0">
      <dt className="shrink-0 text-slate-500">{label}</dt>
      <dd className="text-right">{value}</dd>
    </div>
  );
}

export function GroupSessionDetailView({ session, t }: { session: GroupSessionDetail; t: Translate }) {
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold">{session.title}</h1>
        <Badge>{t(`groupTopic.${session.topic}`)}</Badge>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("groupSession.details")}>
          <dl>
            <Row label={t("groupSession.heldOn")} value={session.heldOn} />
            <Row label={t("groupSession.village")} value={session.areaName} />
            <Row label={t("groupSession.place")} value={session.place} />
            <Row label={t("groupSession.facilitator")} value={session.facilitator} />
            <Row label={t("groupSession.childrenCount")} value={session.childrenCount} />
            <Row label={t("groupSession.caregiversCount")} value={session.caregiversCount} />
          </dl>
          {session.notes && <p className="mt-3 whitespace-pre-wrap rounded-lg bg-slate-50 p-3 text-sm">{session.notes}</p>}
        </Card>
        <Card title={t("groupSession.registeredAttendees", { count: session.attendees.length })}>
          {session.attendees.length === 0 ? (
            <p className="text-sm text-slate-600">{t("groupSession.noAttendees")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="attendee-list">
              {session.attendees.map((c) => (
                <li key={c.id}>
                  <Link href={`/children/${c.id}`} className="flex min-h-11 items-center justify-between gap-2 text-sm hover:text-brand-700">
                    <span className="font-medium">{c.name}</span>
                    <span className="text-slate-500">
                      {t(`sex.${c.sex}`)} · {t("groupSession.age", { age: c.age })}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
