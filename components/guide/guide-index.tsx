import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { Translate } from "@/lib/i18n/translate";

type Group = { kind: "categories" | "benefits"; codes: readonly string[]; labelPrefix: "categories" | "benefit" };

export function GuideIndex({ groups, t }: { groups: Group[]; t: Translate }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {groups.map((group) => (
        <Card key={group.kind} title={t(`guide.${group.kind}`)}>
          <p className="mb-2 text-sm text-slate-600">{t(`guide.${group.kind}Hint`)}</p>
          <ul className="divide-y divide-slate-100">
            {group.codes.map((code) => (
              <li key={code}>
                <Link href={`/guide/${group.kind}/${code}`} className="flex min-h-11 items-center justify-between gap-2 hover:text-brand-700">
                  <span>{t(`${group.labelPrefix}.${code}`)}</span>
                  <span aria-hidden className="text-slate-400">
                    ›
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
