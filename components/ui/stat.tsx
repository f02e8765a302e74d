import type { ReactNode } from "react";

export function Stat({ label, value, tone = "default", detail }: { label: ReactNode; value: ReactNode; tone?: "default" | "alert"; detail?: ReactNode }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
      <div className="text-xs text-slate-500">{label}</div>
      <div className={`mt-1 text-2xl font-semibold tabular-nums ${tone === "alert" ? "text-red-700" : "text-slate-900"}`}>{value}</div>
      {detail && <div className="mt-0.5 text-xs text-slate-500">{detail}</div>}
    </div>
  );
}
