import type { ReactNode } from "react";

/** A ruled table cell: grey lines on screen, black on paper. */
export const CELL = "border border-slate-300 px-1.5 py-1 align-top print:border-black";

/**
 * One block of a printed form, black on white when printed. Short blocks stay on one sheet; a `long` one
 * (the visits) may run on, else the browser would push it whole to the next page and leave a blank half.
 */
export function PrintSection({ title, long = false, children }: { title: string; long?: boolean; children: ReactNode }) {
  return (
    <section className={`${long ? "" : "break-inside-avoid "}border-t border-slate-300 pt-3 print:border-black`}>
      <h2 className="mb-2 break-after-avoid text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** Label/value pairs: one column on a phone, two pairs a line on A4. */
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

export function Empty({ text }: { text: string }) {
  return <p className="text-sm text-slate-600 print:text-black">{text}</p>;
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
