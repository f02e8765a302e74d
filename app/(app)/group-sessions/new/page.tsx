import Link from "next/link";
import { GroupSessionForm } from "@/components/group-sessions/group-session-form";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { oneYearBefore } from "@/lib/schemas/group-session";
import { todayInChina } from "@/lib/domain/dates";
import { getTranslator } from "@/lib/i18n/server";
import { listAttendeeCandidates } from "@/lib/server/group-sessions/queries";

export default async function NewGroupSessionPage() {
  const actor = await requireActor(["create", "groupSession"]);
  const [{ t }, candidates] = await Promise.all([getTranslator(), listAttendeeCandidates(actor)]);
  const today = todayInChina();
  return (
    <div className="space-y-4">
      <div>
        <Link href="/group-sessions" className="inline-flex min-h-11 items-center text-sm text-brand-700">
          ← {t("groupSession.back")}
        </Link>
        <h1 className="text-xl font-semibold">{t("groupSession.new")}</h1>
      </div>
      <Card>
        <GroupSessionForm today={today} earliest={oneYearBefore(today)} facilitator={actor.displayName} candidates={candidates} />
      </Card>
    </div>
  );
}
