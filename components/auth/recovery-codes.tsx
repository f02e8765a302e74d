"use client";
import { useRouter } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";

/** Shown once, right after enrolment: the server keeps only keyed hashes of these codes. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <div className="space-y-4">
      <h2 className="font-semibold">{t("account.twoFactor.codesTitle")}</h2>
      <p className="text-sm text-slate-600">{t("account.twoFactor.codesHint")}</p>
      <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-2 font-mono text-base">
        {codes.map((code) => (
          <li key={code} className="rounded bg-slate-100 px-2 py-1 text-center">
            {code}
          </li>
        ))}
      </ul>
      <Button
        type="button"
        className="w-full"
        onClick={() => {
          router.replace("/");
          router.refresh();
        }}
      >
        {t("account.twoFactor.continue")}
      </Button>
    </div>
  );
}
