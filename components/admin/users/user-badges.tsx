import { Badge } from "@/components/ui/badge";
import type { Translate } from "@/lib/i18n/translate";
import type { ManagedUserDto } from "@/lib/server/users/admin-queries";

const TIME = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" });

/** Active, locked, second factor and HIV permission at a glance, then the last login (Beijing time). */
export function UserBadges({ user, t }: { user: ManagedUserDto; t: Translate }) {
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-1">
        <Badge tone={user.isActive ? "green" : "gray"}>{user.isActive ? t("userAdmin.active") : t("userAdmin.inactive")}</Badge>
        {user.isLocked && <Badge tone="red">{t("userAdmin.locked")}</Badge>}
        <Badge tone={user.hasSecondFactor ? "blue" : "gray"}>{user.hasSecondFactor ? t("userAdmin.twoFactorOn") : t("userAdmin.twoFactorOff")}</Badge>
        {user.hivAccess && <Badge tone="yellow">{t("userAdmin.hivOn")}</Badge>}
        {user.mustChangePassword && <Badge tone="yellow">{t("userAdmin.mustChange")}</Badge>}
      </div>
      <p className="text-xs text-slate-500">{user.lastLoginAt ? t("userAdmin.lastLogin", { at: TIME.format(new Date(user.lastLoginAt)) }) : t("userAdmin.neverLoggedIn")}</p>
    </div>
  );
}

/** "东山村 · 411523101201", or just the code ("—" for a national account). */
export function areaLabel(user: Pick<ManagedUserDto, "areaCode" | "areaName">): string {
  if (!user.areaCode) return "—";
  return user.areaName ? `${user.areaName} · ${user.areaCode}` : user.areaCode;
}
