import type { ReactNode } from "react";

/** The heading block of every printed form: title, then who, where and when. */
export function PrintHeader({ title, facts }: { title: string; facts: [string, ReactNode][] }) {
  return (
    <header className="space-y-1 text-center">
      <h1 className="text-xl font-bold">{title}</h1>
      <p className="flex flex-wrap justify-center gap-x-4 gap-y-1 text-sm">
        {facts.map(([label, value]) => (
          <span key={label}>
            {label}：{value}
          </span>
        ))}
      </p>
    </header>
  );
}
