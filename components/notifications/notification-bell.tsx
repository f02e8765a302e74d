"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";
import { BACKGROUND_HEADER } from "@/lib/auth/session-cookie";
import { UNREAD_QUERY_KEY } from "./query-keys";

const POLL_MS = 60_000;

async function fetchUnread(): Promise<number> {
  // Marked as background: a tab left open must still time out after 30 idle minutes.
  const response = await fetch("/api/v1/notifications", { headers: { accept: "application/json", [BACKGROUND_HEADER]: "1" } });
  if (!response.ok) throw new Error(`notifications ${response.status}`);
  const body = (await response.json()) as { unread: number };
  return body.unread;
}

/**
 * The bell in the header with the unread count, polled every minute; rendered only for roles that have
 * notifications. If the count cannot be read (offline, session ended) the bell hides and stops polling.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const { data: unread, isError } = useQuery({
    queryKey: UNREAD_QUERY_KEY,
    queryFn: fetchUnread,
    retry: false,
    refetchInterval: (query) => (query.state.status === "error" ? false : POLL_MS),
  });
  if (isError || unread === undefined) return null;
  const label = unread > 0 ? t("notification.bellUnread", { count: unread }) : t("notification.title");
  return (
    <Link href="/notifications" aria-label={label} title={label} className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg text-slate-700 hover:bg-slate-100" data-testid="notification-bell">
      <svg aria-hidden viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 && (
        <span className="absolute right-0.5 top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white" data-testid="unread-count">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
