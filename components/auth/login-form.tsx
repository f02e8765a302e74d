"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { loginSchema } from "@/lib/schemas/auth";

type FieldErrors = Partial<Record<"loginName" | "password", string[]>>;

export function LoginForm() {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = loginSchema.safeParse({ loginName: form.get("loginName"), password: form.get("password") });
    if (!parsed.success) {
      setFieldErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setFieldErrors({});
    setError(null);
    setPending(true);
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (!result || result.error || !result.ok) {
        setError(t(result?.error === "throttled" ? "login.throttled" : "login.failed"));
        setPending(false);
        return;
      }
      router.replace("/");
      router.refresh();
    } catch {
      setError(t("login.network"));
      setPending(false);
    }
  }

  const fieldError = (name: keyof FieldErrors) => (fieldErrors[name]?.[0] ? t(fieldErrors[name][0]) : undefined);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Field label={t("login.loginName")} htmlFor="loginName" error={fieldError("loginName")}>
        <TextInput
          id="loginName"
          name="loginName"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          aria-invalid={!!fieldError("loginName")}
          required
        />
      </Field>
      <Field label={t("login.password")} htmlFor="password" error={fieldError("password")}>
        <TextInput id="password" name="password" type="password" autoComplete="current-password" aria-invalid={!!fieldError("password")} required />
      </Field>
      {error && (
        <p role="alert" data-testid="login-error" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("login.submitting") : t("login.submit")}
      </Button>
    </form>
  );
}
