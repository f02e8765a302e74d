"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { verifySecondFactorAction } from "@/app/(auth)/login/verify/actions";
import { confirmTwoFactorAction } from "@/app/(auth)/account/two-factor/actions";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { secondFactorCodeSchema } from "@/lib/schemas/auth";
import { RecoveryCodes } from "./recovery-codes";

/** One code field for both uses: the login's second step ("verify") and confirming enrolment ("enrol"). */
export function SecondFactorForm({ purpose }: { purpose: "verify" | "enrol" }) {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = secondFactorCodeSchema.safeParse({ code: new FormData(event.currentTarget).get("code") });
    if (!parsed.success) {
      setError(t(z.flattenError(parsed.error).fieldErrors.code?.[0] ?? "errors.validation"));
      return;
    }
    setPending(true);
    setError(null);
    const result = await (purpose === "verify" ? verifySecondFactorAction(parsed.data) : confirmTwoFactorAction(parsed.data)).catch(() => null);
    setPending(false);
    if (!result) return setError(t("errors.internal"));
    if (!result.ok) return setError(t(result.error.fieldErrors?.code?.[0] ?? result.error.message));
    if ("recoveryCodes" in result.data) return setCodes(result.data.recoveryCodes);
    // "/" leads a finished session to its home page, or (through /login) to the next step it owes.
    router.replace("/");
    router.refresh();
  }

  if (codes) return <RecoveryCodes codes={codes} />;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label={purpose === "verify" ? t("account.twoFactor.code") : t("account.twoFactor.enterCode")} htmlFor="code" error={error ?? undefined}>
        <TextInput id="code" name="code" autoComplete="one-time-code" inputMode={purpose === "enrol" ? "numeric" : "text"} autoCapitalize="none" spellCheck={false} aria-invalid={!!error} required />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("account.twoFactor.verifying") : purpose === "verify" ? t("account.twoFactor.verify") : t("account.twoFactor.confirm")}
      </Button>
    </form>
  );
}
