import type { ReactNode } from "react";

/** One block of a printed form: kept on one sheet where it fits, black on white when printed. */
export function PrintSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="break-inside-avoid border-t border-slate-300 pt-3 print:border-black">
      <h2 className="mb-2 text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export function Fields({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr] print:grid-cols-[auto_1fr_auto_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600 print:text-black">{label}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function SignatureLines({ labels }: { labels: string[] }) {
  return (
    <div className="mt-6 grid break-inside-avoid gap-6 text-sm sm:grid-cols-3 print:grid-cols-3">
      {labels.map((label) => (
        <div key={label} className="flex items-end gap-2">
          <span className="shrink-0">{label}：</span>
          <span className="h-8 flex-1 border-b border-black" />
        </div>
      ))}
    </div>
  );
}
