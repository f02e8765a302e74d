import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { getActor } from "@/lib/auth/get-actor";
import { NAVIGATION } from "@/lib/domain/navigation";
import { getTranslator } from "@/lib/i18n/server";
import { can } from "@/lib/server/access/policy";
import { getOwnArea } from "@/lib/server/areas/queries";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect("/login");
  const [{ t }, area] = await Promise.all([getTranslator(), getOwnArea(actor)]);
  return (
    <AppShell
      t={t}
      nav={NAVIGATION[actor.role]}
      hasNotifications={can(actor.role, "list", "notification")}
      user={{ displayName: actor.displayName, roleLabel: t(`roles.${actor.role}`), areaName: area.name || t("dashboard.nation") }}
    >
      {children}
    </AppShell>
  );
}
