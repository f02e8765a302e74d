"use client";
import type { ReactNode } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Field, inputClass } from "@/components/ui/field";

// Controlled inputs for the registration forms: every value lives in one state object, so rules that
// depend on other answers (suggested categories, fields shown only when relevant) see them at once.

export type FormValues = Record<string, string | boolean>;
import type { FieldErrors } from "@/components/forms/use-action-form";

export type { FieldErrors };

type Common = { name: string; label: ReactNode; values: FormValues; errors: FieldErrors; onChange: (name: string, value: string | boolean) => void; hint?: ReactNode };

function useError(errors: FieldErrors, name: string) {
  const { t } = useI18n();
  const key = errors[name]?.[0];
  return key ? t(key) : undefined;
}

export function TextField({ name, label, values, errors, onChange, hint, type = "text", ...rest }: Common & { type?: string; max?: string; min?: string; inputMode?: "numeric" | "tel" | "text"; placeholder?: string }) {
  const error = useError(errors, name);
  return (
    <Field label={label} htmlFor={name} error={error} hint={hint}>
      <input
        id={name}
        name={name}
        type={type}
        className={inputClass}
        value={String(values[name] ?? "")}
        onChange={(e) => onChange(name, e.target.value)}
        aria-invalid={!!error}
        {...rest}
      />
    </Field>
  );
}

export function SelectField({ name, label, values, errors, onChange, hint, options, labelOf, allowEmpty }: Common & { options: readonly string[]; labelOf: (v: string) => string; allowEmpty?: boolean }) {
  const error = useError(errors, name);
  return (
    <Field label={label} htmlFor={name} error={error} hint={hint}>
      <select id={name} name={name} className={inputClass} value={String(values[name] ?? "")} onChange={(e) => onChange(name, e.target.value)} aria-invalid={!!error}>
        {allowEmpty !== false && <option value="">—</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {labelOf(o)}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function CheckboxField({ name, label, values, errors, onChange }: Omit<Common, "hint">) {
  const error = useError(errors, name);
  return (
    <div>
      <label className="flex min-h-11 items-center gap-3 text-base">
        <input type="checkbox" name={name} className="size-5 shrink-0" checked={values[name] === true} onChange={(e) => onChange(name, e.target.checked)} />
        {label}
      </label>
      {error && (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function Fieldset({ legend, children }: { legend: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <legend className="px-1 text-base font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

export function FormMessage({ tone, children }: { tone: "ok" | "error" | "warn"; children: ReactNode }) {
  const cls = tone === "ok" ? "bg-emerald-50 text-emerald-800" : tone === "warn" ? "bg-amber-50 text-amber-900" : "bg-red-50 text-red-800";
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-lg p-3 text-sm ${cls}`}>
      {children}
    </div>
  );
}
