import Link from "next/link";
import { notFound } from "next/navigation";
import { GroupSessionDetailView } from "@/components/group-sessions/group-session-detail";
import { requireActor } from "@/lib/auth/require-actor";
import { isUuid } from "@/lib/domain/ids";
import { getTranslator } from "@/lib/i18n/server";
import { NotFoundError } from "@/lib/server/errors";
import { getGroupSession } from "@/lib/server/group-sessions/queries";

export default async function GroupSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(["read", "groupSession"]);
  if (!isUuid(id)) notFound();
  const { t } = await getTranslator();
  const session = await getGroupSession(actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (!session) notFound();
  return (
    <div className="space-y-4">
      <Link href="/group-sessions" className="inline-flex min-h-11 items-center text-sm text-brand-700">
        ← {t("groupSession.back")}
      </Link>
      <GroupSessionDetailView session={session} t={t} />
    </div>
  );
}
