import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { CHILD_CATEGORIES } from "@/lib/domain/categories";
import { BenefitType } from "@/lib/generated/prisma/enums";
import { getGuidePage, GUIDE_SECTIONS, GUIDE_SLUGS, guideFilePath, type GuideKind } from "@/lib/server/guide/pages";
import type { Actor } from "@/lib/server/session";

// The guide needs no case data, so a stand-in actor is enough to call the loader.
const actor = {} as Actor;

const PAGES = (Object.keys(GUIDE_SLUGS) as GuideKind[]).flatMap((kind) => GUIDE_SLUGS[kind].map((code) => ({ kind, code })));

describe("the built-in guide", () => {
  it("has one page for every child category and every benefit type", () => {
    expect([...GUIDE_SLUGS.categories].sort()).toEqual([...CHILD_CATEGORIES].sort());
    expect([...GUIDE_SLUGS.benefits].sort()).toEqual(Object.values(BenefitType).sort());
    const missing = PAGES.filter(({ kind, code }) => !fs.existsSync(guideFilePath(kind, code)!));
    expect(missing).toEqual([]);
  });

  for (const { kind, code } of PAGES) {
    it(`${kind}/${code} has a title, the required sections in order, and no raw HTML`, async () => {
      const page = await getGuidePage(actor, kind, code);
      expect(page?.title).toMatch(/\p{Script=Han}/u);
      const headings = [...page!.body.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
      expect(headings).toEqual([...GUIDE_SECTIONS]);
      for (const section of page!.body.split(/^## .+$/m).slice(1)) expect(section.trim().length).toBeGreaterThan(20);
      expect(page!.body).not.toMatch(/<\/?[a-zA-Z!][^>]*>/);
    });
  }

  it("states the de-facto-unsupported time limits and that localities set the amounts", async () => {
    const page = await getGuidePage(actor, "benefits", "DE_FACTO_ALLOWANCE");
    expect(page!.body).toMatch(/10 个工作日/);
    expect(page!.body).toMatch(/5 个工作日/);
    expect(page!.body).toMatch(/次月/);
    expect((await getGuidePage(actor, "benefits", "ORPHAN_ALLOWANCE"))!.body).toMatch(/1439\.9.*以当地|各地/);
  });

  it("reads nothing but the whitelisted files, whatever the URL holds", async () => {
    for (const [kind, code] of [
      ["categories", "../../package"],
      ["categories", "left_behind"],
      ["..", "package"],
      ["constructor", "name"],
      ["benefits", "LEFT_BEHIND"],
      ["categories", "LEFT_BEHIND.md"],
    ]) {
      expect(guideFilePath(kind!, code!)).toBeNull();
      expect(await getGuidePage(actor, kind!, code!)).toBeNull();
    }
  });
});
