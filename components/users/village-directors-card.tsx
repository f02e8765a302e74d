import { Card } from "@/components/ui/card";
import type { Translate } from "@/lib/i18n/translate";
import type { VillageDirectors } from "@/lib/server/users/directors";
import { DirectorAccountForm } from "./director-account-form";
import { DirectorRow } from "./director-row";

/** A village and its director(s); "no director" stands out, and a new account is one tap away. */
export function VillageDirectorsCard({ village, t }: { village: VillageDirectors; t: Translate }) {
  const directors = [...village.active, ...village.inactive];
  return (
    <Card title={village.name} className={village.active.length === 0 ? "border-amber-300" : ""}>
      {village.active.length === 0 && <p className="mb-2 text-sm font-medium text-amber-800">{t("directors.noDirector")}</p>}
      {directors.length > 0 && (
        <ul className="divide-y divide-slate-100">
          {directors.map((director) => (
            <DirectorRow key={director.id} director={director} />
          ))}
        </ul>
      )}
      <details className="mt-2">
        <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t("directors.add")}</summary>
        <div className="pt-2">
          <DirectorAccountForm target={{ kind: "create", areaCode: village.code }} idPrefix={`n-${village.code}`} />
        </div>
      </details>
    </Card>
  );
}
