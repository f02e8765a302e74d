"use client";

// Rendered outside the providers when the root layout itself fails: keep it self-contained and bilingual.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "sans-serif", padding: 24 }}>
        <h1>系统出错了 / Something went wrong</h1>
        <p>请稍后重试。如果问题持续，请联系管理员。</p>
        <button onClick={reset} style={{ minHeight: 44, padding: "0 16px" }}>
          重试 / Retry
        </button>
      </body>
    </html>
  );
}
