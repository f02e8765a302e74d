"use client";
import { inputClass } from "@/components/ui/field";

/**
 * A filter that applies itself when changed. Without JavaScript it is an ordinary select and the
 * form's button applies it, so a slow phone still works.
 */
export function AutoSubmitSelect({ id, name, value, options }: { id: string; name: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <select id={id} name={name} defaultValue={value} className={inputClass} onChange={(event) => event.currentTarget.form?.requestSubmit()}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
