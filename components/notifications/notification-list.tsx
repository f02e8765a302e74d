"use client";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { markNotificationReadAction } from "@/app/(app)/notifications/actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { NotificationItem } from "@/lib/server/notifications/queries";
import { UNREAD_QUERY_KEY } from "./query-keys";

/** The user's notifications, newest first; unread ones stand out. Opening one marks it read. */
export function NotificationList({ notifications }: { notifications: NotificationItem[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const unread = notifications.filter((n) => !n.isRead).length;

  async function mark(id: string) {
    setPending(true);
    const result = await markNotificationReadAction({ id }).catch(() => null);
    setPending(false);
    setError(result?.ok ? null : t(result?.error.message ?? "errors.internal"));
    await queryClient.invalidateQueries({ queryKey: UNREAD_QUERY_KEY });
    router.refresh();
  }

  if (notifications.length === 0) return <p className="text-sm text-slate-600">{t("notification.empty")}</p>;
  return (
    <div className="space-y-3">
      {unread > 0 && (
        <Button type="button" variant="secondary" onClick={() => mark("all")} disabled={pending} className="w-full sm:w-auto">
          {t("notification.markAll", { count: unread })}
        </Button>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white" data-testid="notifications">
        {notifications.map((n) => {
          // Benefit names are stored in Chinese; the reader's language comes from the type when there is one.
          const params = typeof n.params.benefitType === "string" ? { ...n.params, benefit: t(`benefit.${n.params.benefitType}`) } : n.params;
          const sentence = t(`notification.kinds.${n.kind}`, params);
          return (
            <li key={n.id} className={`flex items-start gap-2 p-3 ${n.isRead ? "" : "bg-brand-50"}`} data-unread={!n.isRead}>
              <div className="min-w-0 flex-1">
                {n.href ? (
                  <Link href={n.href} onClick={() => !n.isRead && void mark(n.id)} className={`block min-h-11 underline-offset-2 hover:underline ${n.isRead ? "text-slate-700" : "font-semibold text-slate-900"}`}>
                    {sentence}
                  </Link>
                ) : (
                  <p className={n.isRead ? "text-slate-700" : "font-semibold text-slate-900"}>{sentence}</p>
                )}
                <p className="text-xs text-slate-500">{n.createdAt}</p>
              </div>
              {!n.isRead && (
                <Button type="button" variant="ghost" onClick={() => mark(n.id)} disabled={pending} className="shrink-0 text-sm">
                  {t("notification.markRead")}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
