import Link from "next/link";
import { notFound } from "next/navigation";
import { ChildActivity } from "@/components/children/child-activity";
import { ChildProfile } from "@/components/children/child-profile";
import { RiskBadge } from "@/components/children/risk-badge";
import { Badge } from "@/components/ui/badge";
import { requireActor } from "@/lib/auth/require-actor";
import { isUuid } from "@/lib/domain/ids";
import { getTranslator } from "@/lib/i18n/server";
import { getChildFile } from "@/lib/server/children/file";
import { VisitSection } from "./visit-section";

export default async function ChildPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(["read", "child"]);
  if (!isUuid(id)) notFound();
  const [{ t }, file] = await Promise.all([getTranslator(), getChildFile(actor, id)]);
  if (!file) notFound();
  return (
    <div className="space-y-4">
      <div>
        <Link href="/" className="text-sm text-brand-700">
          ← {t("child.back")}
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <h1 className="text-xl font-semibold">{file.name}</h1>
          <RiskBadge level={file.riskLevel} t={t} />
        </div>
        <div className="mt-2 flex flex-wrap gap-1">
          {file.categories
            .filter((c) => !c.endDate)
            .map((c) => (
              <Badge key={c.category}>
                {t(`categories.${c.category}`)} · {t("child.since", { date: c.startDate })}
              </Badge>
            ))}
        </div>
        {file.status === "CLOSED" && (
          <p className="mt-2 rounded-lg bg-slate-100 p-2 text-sm">{t("child.closed", { reason: t(`child.closeReason.${file.closedReason ?? "OTHER"}`) })}</p>
        )}
      </div>
      <ChildProfile file={file} t={t} />
      <VisitSection actor={actor} child={file} t={t} />
      <ChildActivity file={file} t={t} />
    </div>
  );
}
