"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { DocumentUpload } from "@/lib/server/entitlement-documents/queries";

function sizeLabel(bytes: number): { key: string; size: string } {
  return bytes >= 1024 * 1024
    ? { key: "entitlementDocument.sizeMb", size: (bytes / 1024 / 1024).toFixed(1) }
    : { key: "entitlementDocument.sizeKb", size: String(Math.max(1, Math.round(bytes / 1024))) };
}

/**
 * One uploaded file: a link that opens it (through the audited route, never a public URL; no inline
 * thumbnail, so a page of photos does not cost a phone's data plan) and, for its uploader, a remove
 * button that asks once more before acting.
 */
export function DocumentFile({ entitlementId, upload, canRemove }: { entitlementId: string; upload: DocumentUpload; canRemove: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const href = `/api/v1/entitlements/${entitlementId}/documents/${upload.id}`;
  const size = sizeLabel(upload.sizeBytes);

  async function remove() {
    setPending(true);
    const response = await fetch(href, { method: "DELETE" }).catch(() => null);
    if (response?.status === 204) {
      router.refresh();
      return;
    }
    const body: { error?: unknown } | null = response ? await response.json().catch(() => null) : null;
    setPending(false);
    setConfirming(false);
    setError(!response ? "entitlementDocument.errors.network" : typeof body?.error === "string" ? body.error : "errors.internal");
  }

  return (
    <li className="space-y-1" data-testid="document-file">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <a href={href} target="_blank" rel="noopener" className="inline-flex min-h-11 min-w-0 items-center gap-2 break-all text-brand-700 underline">
          <span aria-hidden>{upload.contentType === "application/pdf" ? "📄" : "🖼"}</span>
          {upload.fileName}
        </a>
        <span className="text-xs text-slate-500">
          {t(size.key, { size: size.size })} · {t("entitlementDocument.uploadedBy", { name: upload.uploadedByName ?? "—", at: upload.uploadedAt })}
        </span>
      </div>
      {canRemove && (
        <div className="flex flex-wrap gap-2">
          {confirming ? (
            <>
              <Button type="button" variant="secondary" className="text-red-700" disabled={pending} onClick={remove}>
                {t(pending ? "entitlementDocument.removing" : "entitlementDocument.confirmRemove")}
              </Button>
              <Button type="button" variant="ghost" disabled={pending} onClick={() => setConfirming(false)}>
                {t("entitlementDocument.cancel")}
              </Button>
            </>
          ) : (
            <Button type="button" variant="ghost" className="text-red-700" onClick={() => setConfirming(true)} aria-label={t("entitlementDocument.removeNamed", { name: upload.fileName })}>
              {t("entitlementDocument.remove")}
            </Button>
          )}
        </div>
      )}
      {error && (
        <p className="text-sm text-red-700" role="alert">
          {t(error)}
        </p>
      )}
    </li>
  );
}
