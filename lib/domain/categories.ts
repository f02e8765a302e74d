export const CHILD_CATEGORIES = [
  "LEFT_BEHIND",
  "MIGRANT",
  "ORPHAN",
  "DE_FACTO_UNSUPPORTED",
  "POOR_FAMILY",
  "DISABILITY",
  "GUARDIANSHIP",
  "SERIOUS_ILLNESS",
  "HIV_AFFECTED",
  "UNREGISTERED",
] as const;

export type ChildCategoryName = (typeof CHILD_CATEGORIES)[number];

/** 受艾滋病影响儿童: never in lists, exports, notifications or URLs without a dedicated permission. */
export const SPECIALLY_PROTECTED: readonly ChildCategoryName[] = ["HIV_AFFECTED"];

/**
 * The categories anyone may pick, filter by or record without the dedicated permission (a later issue):
 * every category but the specially protected ones. One list for the search filter, the form and the schema.
 */
export const OPEN_CATEGORIES = CHILD_CATEGORIES.filter((c) => !SPECIALLY_PROTECTED.includes(c)) as unknown as readonly [
  ChildCategoryName,
  ...ChildCategoryName[],
];

export function visibleCategories<T extends { category: ChildCategoryName }>(rows: T[], canSeeProtected: boolean): T[] {
  return canSeeProtected ? rows : rows.filter((row) => !SPECIALLY_PROTECTED.includes(row.category));
}

export const RISK_LEVELS = ["RED", "YELLOW", "BLUE", "GREEN"] as const;
export type RiskLevelName = (typeof RISK_LEVELS)[number];
