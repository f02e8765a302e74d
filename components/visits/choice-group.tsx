"use client";
import type { ReactNode } from "react";

export type ChoiceTone = "red" | "yellow" | "blue" | "green" | "neutral";

// Selected colours are solid so the choice reads without hover and in sunlight; unselected stay quiet.
const SELECTED: Record<ChoiceTone, string> = {
  red: "bg-red-600 text-white ring-red-600",
  yellow: "bg-amber-400 text-slate-900 ring-amber-500",
  blue: "bg-sky-600 text-white ring-sky-600",
  green: "bg-emerald-600 text-white ring-emerald-600",
  neutral: "bg-brand-600 text-white ring-brand-600",
};

export type Choice = { value: string; label: ReactNode; tone?: ChoiceTone };

/**
 * Big tap targets over native radio or checkbox inputs (keyboard and screen readers work as usual).
 * `multiple` makes it a chip list of checkboxes.
 */
export function ChoiceGroup({
  name,
  legend,
  choices,
  selected,
  onToggle,
  multiple = false,
  error,
  columns = "grid-cols-2 sm:grid-cols-4",
}: {
  name: string;
  legend: ReactNode;
  choices: Choice[];
  selected: string[];
  onToggle: (value: string) => void;
  multiple?: boolean;
  error?: string;
  columns?: string;
}) {
  return (
    <fieldset className="space-y-1" aria-invalid={!!error} data-testid={`choice-${name}`}>
      <legend className="mb-1 block text-sm font-medium text-slate-700">{legend}</legend>
      <div className={multiple ? "flex flex-wrap gap-2" : `grid gap-2 ${columns}`}>
        {choices.map((choice) => {
          const isOn = selected.includes(choice.value);
          return (
            <label
              key={choice.value}
              className={`flex min-h-11 cursor-pointer select-none items-center justify-center rounded-lg px-3 text-center text-base ring-1 ring-inset has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 ${
                isOn ? SELECTED[choice.tone ?? "neutral"] : "bg-white text-slate-800 ring-slate-300"
              }`}
            >
              <input
                type={multiple ? "checkbox" : "radio"}
                name={name}
                value={choice.value}
                checked={isOn}
                onChange={() => onToggle(choice.value)}
                className="sr-only"
              />
              {choice.label}
            </label>
          );
        })}
      </div>
      {error && (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
