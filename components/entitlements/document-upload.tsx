"use client";
import { useRouter } from "next/navigation";
import { useState, type ChangeEvent } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { uploadDocumentSchema } from "@/lib/schemas/entitlement-document";

type Sent = { status: number; error: string | null };

/** XMLHttpRequest rather than fetch: only it reports upload progress, which matters on a village's 3G. */
function send(url: string, body: FormData, onProgress: (percent: number) => void): Promise<Sent> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      const error: unknown = (xhr.response as { error?: unknown } | null)?.error;
      resolve({ status: xhr.status, error: typeof error === "string" ? error : null });
    };
    xhr.onerror = xhr.onabort = xhr.ontimeout = () => resolve({ status: 0, error: null });
    xhr.send(body);
  });
}

const pickerClass =
  "inline-flex min-h-11 cursor-pointer items-center justify-center gap-2 rounded-lg px-4 text-base font-medium ring-1 ring-inset ring-slate-300 bg-white text-slate-800 hover:bg-slate-50 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600";

/**
 * Adds one file to a required document. On a phone the first button opens the camera (a director
 * photographs the paper on the spot); the second chooses a photo or PDF already on the device.
 * The same schema as the route refuses an empty or too large file before anything is sent.
 */
export function DocumentUpload({ entitlementId, code, name }: { entitlementId: string; code: string; name: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const uploading = progress !== null;

  async function onPick(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    const parsed = uploadDocumentSchema.safeParse({ documentCode: code, file });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "errors.validation");
      return;
    }
    const body = new FormData();
    body.append("documentCode", code);
    body.append("file", file);
    setError(null);
    setProgress(0);
    const sent = await send(`/api/v1/entitlements/${entitlementId}/documents`, body, setProgress);
    setProgress(null);
    if (sent.status === 201) router.refresh();
    else setError(sent.status === 0 ? "entitlementDocument.errors.network" : (sent.error ?? "errors.internal"));
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        <label className={`${pickerClass} sm:hidden`}>
          <input type="file" accept="image/*" capture="environment" className="sr-only" disabled={uploading} onChange={onPick} aria-label={t("entitlementDocument.takePhotoOf", { name })} />
          {t("entitlementDocument.takePhoto")}
        </label>
        <label className={pickerClass}>
          <input
            type="file"
            accept="image/*,application/pdf"
            className="sr-only"
            disabled={uploading}
            onChange={onPick}
            aria-label={t("entitlementDocument.chooseFileFor", { name })}
            data-testid={`document-upload-${code}`}
          />
          {t("entitlementDocument.chooseFile")}
        </label>
      </div>
      {uploading && (
        <div className="space-y-1" role="status">
          <p className="text-sm text-slate-700">{t("entitlementDocument.uploading", { percent: progress ?? 0 })}</p>
          <progress max={100} value={progress ?? 0} className="h-2 w-full" />
        </div>
      )}
      {error && (
        <p className="text-sm text-red-700" role="alert">
          {t(error)}
        </p>
      )}
    </div>
  );
}
