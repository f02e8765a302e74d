import { notFound } from "next/navigation";
import { NewReferralForm } from "@/components/referrals/new-referral-form";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { isUuid } from "@/lib/domain/ids";
import { getTranslator } from "@/lib/i18n/server";
import { getChildFile } from "@/lib/server/children/file";

export default async function NewReferralPage({ searchParams }: { searchParams: Promise<{ child?: string }> }) {
  const { child } = await searchParams;
  const actor = await requireActor(["create", "referral"]);
  if (!isUuid(child)) notFound();
  const [{ t }, file] = await Promise.all([getTranslator(), getChildFile(actor, child)]);
  if (!file || file.status !== "ACTIVE") notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("referral.newTitle", { name: file.name })}</h1>
      <Card>
        <NewReferralForm childId={file.id} />
      </Card>
    </div>
  );
}
