import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { Translate } from "@/lib/i18n/translate";
import type { FileViewer } from "@/lib/server/children/file";

/** 谁查看过此档案: the last 20 reads, for the supervisor and the county (the DTO is null for others). */
export function FileViewers({ viewers, childId, t }: { viewers: FileViewer[] | null; childId: string; t: Translate }) {
  if (!viewers) return null;
  const when = (iso: string) => new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
  return (
    <Card title={t("child.viewers")}>
      <ul className="space-y-1 text-sm" data-testid="file-viewers">
        {viewers.map((v, i) => (
          <li key={`${v.at}-${i}`} className="flex flex-wrap justify-between gap-2 border-b border-slate-100 py-1 last:border-0">
            <span>
              {v.displayName} <span className="text-slate-500">· {t(`roles.${v.role}`)}</span>
            </span>
            <span className="tabular-nums text-slate-500">{when(v.at)}</span>
          </li>
        ))}
      </ul>
      <Link href={`/audit/children/${childId}`} className="inline-flex min-h-11 items-center text-sm text-brand-700" data-testid="child-access-log-link">
        {t("audit.childLog.link")} →
      </Link>
    </Card>
  );
}
