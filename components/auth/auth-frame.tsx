import type { ReactNode } from "react";

/** The centred card of the sign-in pages (login, second factor, forced password change, enrolment). */
export function AuthFrame({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-8">
      <div className="w-full max-w-sm">
        <div className="rounded-2xl border border-slate-200 bg-white p-5 shadow-sm">
          <h1 className="mb-4 text-lg font-semibold">{title}</h1>
          {children}
        </div>
        {footer && <div className="mt-4 flex justify-center">{footer}</div>}
      </div>
    </main>
  );
}
