import Markdown, { type Components } from "react-markdown";

// Plain styles for the few elements the guide uses. react-markdown renders no raw HTML by default;
// keep it that way (no rehype-raw): the content is ours, but the renderer must not trust it either.
const COMPONENTS: Components = {
  h1: ({ children }) => <h2 className="mt-6 text-lg font-semibold">{children}</h2>,
  h2: ({ children }) => <h2 className="mt-6 border-l-4 border-brand-600 pl-2 text-lg font-semibold first:mt-0">{children}</h2>,
  h3: ({ children }) => <h3 className="mt-4 font-semibold">{children}</h3>,
  p: ({ children }) => <p className="mt-2 leading-7">{children}</p>,
  ul: ({ children }) => <ul className="mt-2 list-disc space-y-1 pl-6 leading-7">{children}</ul>,
  ol: ({ children }) => <ol className="mt-2 list-decimal space-y-1 pl-6 leading-7">{children}</ol>,
  strong: ({ children }) => <strong className="font-semibold">{children}</strong>,
  a: ({ children, href }) => (
    <a href={href} className="text-brand-700 underline">
      {children}
    </a>
  ),
};

export function GuideMarkdown({ markdown }: { markdown: string }) {
  return (
    <div className="text-base text-slate-800" data-testid="guide-body">
      <Markdown components={COMPONENTS}>{markdown}</Markdown>
    </div>
  );
}
