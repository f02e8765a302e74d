import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  AuditOutcome,
  BenefitType,
  ChildCategoryCode,
  EntitlementStatus,
  HukouStatus,
  LivingArrangement,
  ReferralStatus,
  ReferralType,
  RiskLevel,
  Role,
  SchoolStage,
  Sex,
} from "@/lib/generated/prisma/enums";
import * as lists from "@/lib/domain/enums";
import { closeChildFileSchema } from "@/lib/schemas/visit";
import { POLICY } from "@/lib/server/access/policy";
import { EXTRA_AUDIT_ACTIONS } from "@/lib/server/audit";
import type { Messages } from "@/lib/i18n/translate";
import { MESSAGE_FILES } from "@/lib/i18n/catalogue";
import { messagesFor } from "@/lib/i18n/messages";

const ROOT = path.resolve(import.meta.dirname, "../..");

function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const zhCN = messagesFor("zh-CN");
const zh = flatten(zhCN);
const english = flatten(messagesFor("en"));

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return relative === path.join("lib", "generated") ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** Comments hold examples such as `t("home.greeting")`, not uses: they are blanked before scanning. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
}

const SOURCES = ["app", "components", "lib"].flatMap(sourceFiles).map((file) => ({
  file,
  text: withoutComments(fs.readFileSync(path.join(ROOT, file), "utf8")),
}));

describe("the message catalogues", () => {
  it("defines each top-level namespace in one file only, and every file has both languages", () => {
    for (const files of Object.values(MESSAGE_FILES)) {
      const namespaces = Object.values(files).flatMap((messages) => Object.keys(messages));
      expect(namespaces.filter((name, index) => namespaces.indexOf(name) !== index)).toEqual([]);
    }
    expect(Object.keys(MESSAGE_FILES.en).sort()).toEqual(Object.keys(MESSAGE_FILES["zh-CN"]).sort());
  });

  it("zh-CN and en have exactly the same keys", () => {
    expect([...english.keys()].filter((key) => !zh.has(key))).toEqual([]);
    expect([...zh.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it("zh-CN and en use the same placeholders in each message", () => {
    const differing = [...zh].filter(([key, text]) => english.has(key) && placeholders(text).join() !== placeholders(english.get(key)!).join());
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it("has no empty message", () => {
    expect([...zh, ...english].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
  });

  it("has a zh-CN message for every literal key the code passes to t()", () => {
    const used = SOURCES.flatMap(({ file, text }) => [...text.matchAll(/\bt\("([a-zA-Z0-9_.]+)"/g)].map((m) => `${m[1]} (${file})`));
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((entry) => !zh.has(entry.split(" ")[0]!))).toEqual([]);
  });

  it("has a zh-CN message for every message key written as a string anywhere in the code (errors, schemas, navigation)", () => {
    const namespaces = Object.keys(zhCN).join("|");
    const pattern = new RegExp(`["'\`]((?:${namespaces})\\.[A-Za-z0-9_.]+)["'\`]`, "g");
    const used = SOURCES.flatMap(({ file, text }) => [...text.matchAll(pattern)].map((m) => `${m[1]} (${file})`));
    expect(used.some((entry) => entry.startsWith("errors.notFound"))).toBe(true);
    expect(used.filter((entry) => !zh.has(entry.split(" ")[0]!))).toEqual([]);
  });

  const ENUM_MESSAGES: [string, Record<string, string> | readonly string[]][] = [
    ["categories", ChildCategoryCode],
    ["risk", RiskLevel],
    ["roles", Role],
    ["referralStatus", ReferralStatus],
    ["referralType", ReferralType],
    ["benefit", BenefitType],
    ["entitlementStatus", EntitlementStatus],
    ["school", SchoolStage],
    ["hukou", HukouStatus],
    ["living", LivingArrangement],
    ["sex", Sex],
    ["parentStatus", lists.PARENT_STATUSES],
    ["health", lists.HEALTH_STATUSES],
    ["disability", lists.DISABILITY_TYPES],
    ["insurance", lists.MEDICAL_INSURANCE],
    ["visitType", lists.VISIT_TYPES],
    ["check", lists.CHECK_STATUSES],
    ["visitDomain", lists.VISIT_DOMAINS],
    ["metWith", lists.MET_WITH],
    ["reportKind", lists.MANDATORY_REPORT_KINDS],
    ["reportStatus", lists.MANDATORY_REPORT_STATUSES],
    ["groupTopic", lists.GROUP_TOPICS],
    ["incomeSource", lists.INCOME_SOURCES],
    ["consentBasis", lists.CONSENT_BASES],
    ["audit.outcomes", AuditOutcome],
    ["child.closeReason", Object.fromEntries(closeChildFileSchema.shape.reason.options.map((o) => [o, o]))],
    // The audit log page names every entity of the policy table and every action it can record.
    ["audit.entities", Object.fromEntries([...Object.keys(POLICY), "session"].map((e) => [e, e]))],
    ["audit.actions", Object.fromEntries([...new Set([...Object.values(POLICY).flatMap((ops) => Object.keys(ops)), ...EXTRA_AUDIT_ACTIONS])].map((a) => [a, a]))],
  ];

  for (const [prefix, values] of ENUM_MESSAGES) {
    it(`names every ${prefix} value in both languages`, () => {
      const keys = Object.values(values).map((value) => `${prefix}.${value}`);
      expect(keys.length).toBeGreaterThan(1);
      expect(keys.filter((key) => !zh.has(key) || !english.has(key))).toEqual([]);
    });
  }
});
