import { z } from "zod";
import { OPEN_CATEGORIES, RISK_LEVELS } from "@/lib/domain/categories";
import { hasControlChars } from "./fields";

// The children list's state lives in the URL (/children?q=…&risk=RED&page=2), so it works without
// JavaScript. A bad value falls back to that field's default and an unknown key resets the whole search:
// an odd link shows the default list, never an error page.

/** Categories a list may filter on: the specially protected one is never offered (domain.md). */
export const SEARCHABLE_CATEGORIES = OPEN_CATEGORIES;
export const RISK_FILTERS = [...RISK_LEVELS, "NONE"] as const;
export const SCHOOL_FILTERS = ["IN_SCHOOL", "OUT_OF_SCHOOL", "NOT_YET"] as const;
export const STATUS_FILTERS = ["ACTIVE", "CLOSED"] as const;
/** The workbench lists, so each "see all" link opens the same children here. */
export const WORK_FILTERS = ["overdue", "due-week", "no-id", "turning", "missing-data", "returned-referral"] as const;
export type WorkFilter = (typeof WORK_FILTERS)[number];

export const CHILD_PAGE_SIZE = 20;
const MAX_PAGE = 100_000;

const optional = <S extends z.ZodType<string>>(schema: S) =>
  z
    .union([z.literal(""), schema])
    .optional()
    .transform((value) => (value === "" ? undefined : (value as z.output<S> | undefined)))
    .catch(undefined);

export const childSearchSchema = z.strictObject({
  q: z
    .string()
    .transform((text) => text.trim())
    // Control characters (a NUL breaks PostgreSQL text) make the box count as empty.
    .pipe(z.string().max(50).refine((text) => !hasControlChars(text)))
    .optional()
    .catch(undefined),
  category: optional(z.enum(SEARCHABLE_CATEGORIES)),
  risk: optional(z.enum(RISK_FILTERS)),
  school: optional(z.enum(SCHOOL_FILTERS)),
  status: z.enum(STATUS_FILTERS).catch("ACTIVE").default("ACTIVE"),
  work: optional(z.enum(WORK_FILTERS)),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1).default(1),
});

export type ChildSearch = z.output<typeof childSearchSchema>;

export const DEFAULT_CHILD_SEARCH: ChildSearch = childSearchSchema.parse({});

/** Next's searchParams (string, string[] or absent per key) to a search; anything odd gives the defaults. */
export function parseChildSearch(params: Record<string, string | string[] | undefined>): ChildSearch {
  const present = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
  const parsed = childSearchSchema.safeParse(present);
  if (!parsed.success) return DEFAULT_CHILD_SEARCH;
  const { q, ...rest } = parsed.data;
  return { ...rest, q: q || undefined };
}

/** The URL query of a search, leaving out defaults so links stay short. */
export function childSearchQuery(search: Partial<ChildSearch>): string {
  const params = new URLSearchParams();
  if (search.q) params.set("q", search.q);
  if (search.category) params.set("category", search.category);
  if (search.risk) params.set("risk", search.risk);
  if (search.school) params.set("school", search.school);
  if (search.status && search.status !== "ACTIVE") params.set("status", search.status);
  if (search.work) params.set("work", search.work);
  if (search.page && search.page > 1) params.set("page", String(search.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}
