"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { MAX_FILES_PER_DOCUMENT } from "@/lib/schemas/entitlement-document";
import type { DocumentChecklistItem } from "@/lib/server/entitlement-documents/queries";
import { DocumentFile } from "./document-file";
import { DocumentUpload } from "./document-upload";

/** One required document: its state, its files, and the buttons to add another while there is room. */
export function DocumentRow({ entitlementId, item, canUpload, canRemove }: { entitlementId: string; item: DocumentChecklistItem; canUpload: boolean; canRemove: boolean }) {
  const { t, locale } = useI18n();
  const name = locale === "en" ? item.nameEn : item.nameZh;
  const present = item.uploads.length > 0;
  return (
    <li className="space-y-2 py-3" data-testid={`document-row-${item.code}`}>
      <div className="flex items-start gap-2">
        <span aria-hidden className={`mt-0.5 w-5 shrink-0 text-center font-bold ${present ? "text-emerald-700" : "text-amber-700"}`}>
          {present ? "✓" : "○"}
        </span>
        <span className="min-w-0 flex-1 text-base">{name}</span>
        {present ? (
          <Badge tone="green">{t("entitlementDocument.present", { count: item.uploads.length })}</Badge>
        ) : (
          <Badge tone="yellow">{t("entitlementDocument.missing")}</Badge>
        )}
      </div>
      {present && (
        <ul className="space-y-1 pl-7">
          {item.uploads.map((upload) => (
            <DocumentFile key={upload.id} entitlementId={entitlementId} upload={upload} canRemove={canRemove && upload.isOwn} />
          ))}
        </ul>
      )}
      {canUpload && (
        <div className="pl-7">
          {item.uploads.length < MAX_FILES_PER_DOCUMENT ? (
            <DocumentUpload entitlementId={entitlementId} code={item.code} name={name} />
          ) : (
            <p className="text-xs text-slate-500">{t("entitlementDocument.full", { max: MAX_FILES_PER_DOCUMENT })}</p>
          )}
        </div>
      )}
    </li>
  );
}
