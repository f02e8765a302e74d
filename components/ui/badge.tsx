import type { ReactNode } from "react";

const TONES = {
  red: "bg-red-100 text-red-800 ring-red-200",
  yellow: "bg-amber-100 text-amber-900 ring-amber-200",
  blue: "bg-sky-100 text-sky-800 ring-sky-200",
  green: "bg-emerald-100 text-emerald-800 ring-emerald-200",
  gray: "bg-slate-100 text-slate-700 ring-slate-200",
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({ tone = "gray", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span className={`inline-flex shrink-0 items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>
      {children}
    </span>
  );
}
