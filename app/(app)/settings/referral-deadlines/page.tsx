import { DeadlineForm } from "@/components/referrals/deadline-form";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { getReferralDeadlines } from "@/lib/server/referral-deadlines/queries";

export default async function ReferralDeadlinesPage() {
  const actor = await requireActor(["update", "referralDeadline"]);
  const [{ t }, deadlines] = await Promise.all([getTranslator(), getReferralDeadlines(actor)]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("referral.deadlines.title")}</h1>
        <p className="text-sm text-slate-600">{t("referral.deadlines.intro")}</p>
      </div>
      {deadlines.rows.map((row) => (
        <Card key={`${row.status}:${row.version}`}>
          <DeadlineForm row={row} />
        </Card>
      ))}
    </div>
  );
}
