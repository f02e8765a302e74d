import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { listUsers } from "@/lib/server/users/queries";

export default async function UsersPage() {
  const actor = await requireActor(["list", "user"]);
  const [{ t }, users] = await Promise.all([getTranslator(), listUsers(actor)]);
  const now = new Date();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("admin.title")}</h1>
      <Card>
        <ul className="divide-y divide-slate-100" data-testid="user-list">
          {users.map((u) => (
            <li key={u.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
              <div className="min-w-0">
                <div className="font-medium">
                  {u.displayName} <span className="font-normal text-slate-500">@{u.loginName}</span>
                </div>
                <div className="text-slate-600">
                  {t(`roles.${u.role}`)} · <span className="tabular-nums">{u.areaCode || "—"}</span>
                </div>
              </div>
              <div className="flex gap-1">
                <Badge tone={u.isActive ? "green" : "gray"}>{u.isActive ? t("admin.active") : t("admin.inactive")}</Badge>
                {u.lockedUntil && u.lockedUntil > now && <Badge tone="red">{t("admin.locked")}</Badge>}
              </div>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
