import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { Translate } from "@/lib/i18n/translate";

export type WorkRow = { key: string; href: string; title: ReactNode; detail: ReactNode; badge?: ReactNode };

/** One list of today's work: its count, the first rows and a link to all of them on /children. */
export function WorkSection({ title, count, hint, rows, seeAllHref, t, testId }: {
  title: string;
  count: number;
  hint?: string;
  rows: WorkRow[];
  seeAllHref: string;
  t: Translate;
  testId: string;
}) {
  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          {title}
          <Badge tone={count ? "red" : "gray"}>{count}</Badge>
        </span>
      }
    >
      <div data-testid={testId}>
        {hint && <p className="mb-2 text-sm text-slate-600">{hint}</p>}
        <ul className="divide-y divide-slate-100">
          {rows.map((row) => (
            <li key={row.key}>
              <Link href={row.href} className="flex min-h-14 items-center justify-between gap-3 py-2 hover:bg-slate-50">
                <div className="min-w-0">
                  <div className="font-medium">{row.title}</div>
                  <div className="text-sm text-slate-600">{row.detail}</div>
                </div>
                {row.badge}
              </Link>
            </li>
          ))}
        </ul>
        {count > rows.length && (
          <Link href={seeAllHref} className="mt-2 flex min-h-11 items-center text-sm font-medium text-brand-700">
            {t("workbench.seeAll", { count })} →
          </Link>
        )}
      </div>
    </Card>
  );
}
