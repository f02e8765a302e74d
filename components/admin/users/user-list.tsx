import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { Translate } from "@/lib/i18n/translate";
import type { ManagedUserDto } from "@/lib/server/users/admin-queries";
import { areaLabel, UserBadges } from "./user-badges";

/** One card per account; the whole card opens the account's page (a big touch target on a phone). */
export function UserList({ users, t }: { users: ManagedUserDto[]; t: Translate }) {
  if (users.length === 0) return <p className="text-sm text-slate-600">{t("userAdmin.none")}</p>;
  return (
    <Card>
      <ul className="divide-y divide-slate-100" data-testid="user-list">
        {users.map((u) => (
          <li key={u.id}>
            <Link href={`/admin/users/${u.id}`} className="block space-y-1 py-3 hover:bg-slate-50" aria-label={`${t("userAdmin.openUser")}: ${u.displayName}`}>
              <div className="font-medium break-words">
                {u.displayName} <span className="font-normal text-slate-500">@{u.loginName}</span>
              </div>
              <div className="text-sm text-slate-600 break-words">
                {t(`roles.${u.role}`)} · <span className="tabular-nums">{areaLabel(u)}</span>
              </div>
              <UserBadges user={u} t={t} />
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
