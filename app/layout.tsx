import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { QueryProvider } from "@/components/query-provider";
import { messagesFor } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("app.name"), robots: { index: false, follow: false } };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#138a4f" };

// Next 16 and Tailwind 4 need Chrome 111+ / Safari 16.4+; old WebViews (some WeChat and domestic
// browsers) get a plain message instead of a silently broken page.
const BROWSER_CHECK = `(function(){try{if(window.CSS&&CSS.supports&&CSS.supports("color","oklch(50% 0.1 100)")&&CSS.supports("selector(:has(a))"))return;}catch(e){}document.documentElement.setAttribute("data-old-browser","1");})();`;

// zod 4 probes `new Function("")` when it builds a schema, to decide whether to compile its parsers; the
// CSP (no 'unsafe-eval') refuses that and reports a violation. zod reads this global before any bundle
// runs, and parses the same without the compiler.
const ZOD_JITLESS = `globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true});`;

// In a nonce'd <style>, not a style attribute: the CSP refuses style attributes in the HTML.
const OLD_BROWSER_STYLE = `#old-browser{display:none;background:#fef3c7;color:#78350f;padding:12px;font-size:16px}html[data-old-browser] #old-browser{display:block}`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await getTranslator();
  // proxy.ts sets a fresh nonce per request; the CSP refuses inline script and style without it.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang={locale}>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: ZOD_JITLESS + BROWSER_CHECK }} />
        <style nonce={nonce}>{OLD_BROWSER_STYLE}</style>
      </head>
      <body className="min-h-dvh font-sans">
        <div id="old-browser" role="alert">
          {t("errors.unsupportedBrowser")}
        </div>
        <I18nProvider locale={locale} messages={messagesFor(locale)}>
          <QueryProvider>{children}</QueryProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
