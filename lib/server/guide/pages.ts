import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { CHILD_CATEGORIES } from "@/lib/domain/categories";
import { BenefitType } from "@/lib/generated/prisma/enums";
import type { Actor } from "../session";

/** Guide pages exist for each child category and each benefit; nothing else is ever read from disk. */
export const GUIDE_SLUGS = {
  categories: CHILD_CATEGORIES,
  benefits: Object.values(BenefitType),
} as const;

export type GuideKind = keyof typeof GUIDE_SLUGS;

/** The sections every guide page has, in this order (tests/unit/guide-content.test.ts). */
export const GUIDE_SECTIONS = ["是什么", "认定条件", "需要的材料", "办理步骤", "注意事项"] as const;

const CONTENT_ROOT = path.join(process.cwd(), "content", "guide");

export function isGuideKind(kind: string): kind is GuideKind {
  return Object.hasOwn(GUIDE_SLUGS, kind);
}

/** The file of a whitelisted page, or null: the URL only selects from the lists, it never becomes a path. */
export function guideFilePath(kind: string, code: string): string | null {
  if (!isGuideKind(kind)) return null;
  const slug = (GUIDE_SLUGS[kind] as readonly string[]).find((s) => s === code);
  return slug ? path.join(CONTENT_ROOT, kind, `${slug}.md`) : null;
}

export type GuidePage = { kind: GuideKind; code: string; title: string; body: string };

/**
 * One guide page as Markdown. General guidance, no case data: every signed-in role may read it, so
 * the actor is only proof of a session and no policy entry or audit row is needed.
 */
export async function getGuidePage(actor: Actor, kind: string, code: string): Promise<GuidePage | null> {
  void actor;
  const file = guideFilePath(kind, code);
  if (!file) return null;
  const markdown = await fs.readFile(file, "utf8");
  const [first, ...rest] = markdown.split("\n");
  const title = first?.startsWith("# ") ? first.slice(2).trim() : code;
  return { kind: kind as GuideKind, code, title, body: first?.startsWith("# ") ? rest.join("\n") : markdown };
}
