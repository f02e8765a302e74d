import { NotificationList } from "@/components/notifications/notification-list";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";
import { listNotifications } from "@/lib/server/notifications/queries";

export default async function NotificationsPage() {
  const actor = await requireActor(["list", "notification"]);
  const [{ t }, notifications] = await Promise.all([getTranslator(), listNotifications(actor)]);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">{t("notification.title")}</h1>
      <NotificationList notifications={notifications} />
    </div>
  );
}
