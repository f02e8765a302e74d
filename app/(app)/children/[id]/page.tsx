import Link from "next/link";
import { notFound } from "next/navigation";
import { CloseFileForm } from "@/components/children/close-file-form";
import { ReopenFileForm } from "@/components/children/reopen-file-form";
import { ChildActivity } from "@/components/children/child-activity";
import { ChildCategories } from "@/components/children/child-categories";
import { ChildHeader } from "@/components/children/child-header";
import { ChildProfile } from "@/components/children/child-profile";
import { FileViewers } from "@/components/children/file-viewers";
import { HouseholdSummary } from "@/components/households/household-summary";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { isUuid } from "@/lib/domain/ids";
import { getTranslator } from "@/lib/i18n/server";
import { can } from "@/lib/server/access/policy";
import { getChildFile } from "@/lib/server/children/file";
import { findOpenTransferForChild } from "@/lib/server/transfers/queries";
import { VisitSection } from "./visit-section";

const linkClass = "inline-flex min-h-11 items-center justify-center rounded-lg px-4 font-medium ring-1 ring-inset ring-slate-300 bg-white";

export default async function ChildPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(["read", "child"]);
  if (!isUuid(id)) notFound();
  const [{ t }, file, openTransfer] = await Promise.all([getTranslator(), getChildFile(actor, id), findOpenTransferForChild(actor, id)]);
  if (!file) notFound();
  const isActive = file.status === "ACTIVE";
  return (
    <div className="space-y-4">
      <ChildHeader file={file} t={t} />
      {openTransfer && (
        <Link href={`/transfers/${openTransfer.id}`} className="block min-h-11 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="transfer-pending">
          {t("transfer.pendingBanner", { to: openTransfer.toAreaName })} <span className="font-medium underline">{t("transfer.viewTransfer")}</span>
        </Link>
      )}
      <ChildProfile file={file} t={t} />
      <HouseholdSummary household={file.household} t={t} />
      <ChildCategories file={file} t={t} />
      <VisitSection actor={actor} child={file} t={t} />
      <ChildActivity file={file} t={t} />
      <FileViewers viewers={file.viewers} childId={file.id} t={t} />
      <div className="flex flex-col gap-2 sm:flex-row">
        <Link href={`/children/${file.id}/print`} className={linkClass}>
          {t("child.print")}
        </Link>
        {isActive && can(actor.role, "update", "child") && (
          <Link href={`/children/${file.id}/edit`} className={linkClass}>
            {t("child.edit")}
          </Link>
        )}
        {isActive && !openTransfer && can(actor.role, "create", "transfer") && (
          <Link href={`/transfers/new?child=${file.id}`} className={linkClass}>
            {t("transfer.start")}
          </Link>
        )}
      </div>
      {isActive && can(actor.role, "close", "child") && (
        <Card title={t("child.closeFile")}>
          <CloseFileForm childId={file.id} version={file.version} />
        </Card>
      )}
      {!isActive && can(actor.role, "update", "child") && (
        <Card title={t("child.reopenFile")}>
          <ReopenFileForm childId={file.id} version={file.version} />
        </Card>
      )}
    </div>
  );
}
