import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";

export type BenefitWorkRow = { key: string; label: string; count: number; href: string; detail?: string; alert?: boolean };

/** The benefit work on a home page: each line a count that opens its list. */
export function BenefitWorkCard({ title, rows, testId }: { title: string; rows: BenefitWorkRow[]; testId: string }) {
  return (
    <Card title={title}>
      <ul className="divide-y divide-slate-100" data-testid={testId}>
        {rows.map((row) => (
          <li key={row.key}>
            <Link href={row.href} className="flex min-h-12 items-center justify-between gap-3 py-2 hover:bg-slate-50" data-testid={`${testId}-${row.key}`}>
              <div className="min-w-0">
                <div className="font-medium">{row.label}</div>
                {row.detail && <div className="text-sm text-slate-600">{row.detail}</div>}
              </div>
              <Badge tone={row.count > 0 && row.alert ? "red" : row.count > 0 ? "yellow" : "gray"}>{row.count}</Badge>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
