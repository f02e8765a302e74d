"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { DocumentChecklistItem } from "@/lib/server/entitlement-documents/queries";
import { DocumentRow } from "./document-row";

/**
 * The application's required documents as a checklist: ✓ once a file is there, 缺 while one is missing.
 * Files open through the authorized route; the director adds photos from her phone's camera per row.
 */
export function DocumentChecklist({ entitlementId, items, canUpload, canRemove }: { entitlementId: string; items: DocumentChecklistItem[]; canUpload: boolean; canRemove: boolean }) {
  const { t } = useI18n();
  if (items.length === 0) return <p className="text-sm text-slate-600">{t("entitlementDocument.noneRequired")}</p>;
  const done = items.filter((item) => item.uploads.length > 0).length;
  return (
    <div className="space-y-3" data-testid="document-checklist">
      <p className={`text-sm font-medium ${done === items.length ? "text-emerald-800" : "text-slate-800"}`} data-testid="document-summary">
        {t("entitlementDocument.summary", { done, total: items.length })}
      </p>
      {canUpload && <p className="text-xs text-slate-500">{t("entitlementDocument.hint")}</p>}
      <ul className="divide-y divide-slate-200 border-y border-slate-200">
        {items.map((item) => (
          <DocumentRow key={item.code} entitlementId={entitlementId} item={item} canUpload={canUpload} canRemove={canRemove} />
        ))}
      </ul>
    </div>
  );
}
