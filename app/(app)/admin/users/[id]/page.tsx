import Link from "next/link";
import { notFound } from "next/navigation";
import { HivAccessCard } from "@/components/admin/users/hiv-access-card";
import { areaLabel, UserBadges } from "@/components/admin/users/user-badges";
import { UserProfileForm } from "@/components/admin/users/user-profile-form";
import { UserSecurityActions } from "@/components/admin/users/user-security-actions";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { isUuid } from "@/lib/domain/ids";
import { CASE_ROLES } from "@/lib/domain/roles";
import { getTranslator } from "@/lib/i18n/server";
import { NotFoundError } from "@/lib/server/errors";
import { getManagedUser } from "@/lib/server/users/admin-queries";

async function loadUser(actor: Awaited<ReturnType<typeof requireActor>>, id: string) {
  try {
    return await getManagedUser(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(["read", "user"]);
  if (actor.role !== "SYSTEM_ADMIN" || !isUuid(id)) notFound();
  const [{ t }, user] = await Promise.all([getTranslator(), loadUser(actor, id)]);
  if (!user) notFound();
  return (
    <div className="space-y-4">
      <Link href="/admin/users" className="inline-flex min-h-11 items-center text-sm text-brand-700">
        ← {t("userAdmin.back")}
      </Link>
      <div className="space-y-1">
        <h1 className="text-xl font-semibold break-words">
          {user.displayName} <span className="text-base font-normal text-slate-500">@{user.loginName}</span>
        </h1>
        <p className="text-sm text-slate-600 break-words">
          {t(`roles.${user.role}`)} · <span className="tabular-nums">{areaLabel(user)}</span>
        </p>
        <UserBadges user={user} t={t} />
      </div>
      {user.manageable ? (
        <>
          <Card title={t("userAdmin.profile")}>
            <UserProfileForm user={user} />
          </Card>
          <Card title={t("userAdmin.account")}>
            <UserSecurityActions user={user} />
          </Card>
          {CASE_ROLES.includes(user.role) ? <HivAccessCard user={user} /> : null}
        </>
      ) : (
        <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-700" data-testid="not-manageable">
          {t(user.id === actor.userId ? "userAdmin.ownAccount" : "userAdmin.higherLevel")}
        </p>
      )}
    </div>
  );
}
