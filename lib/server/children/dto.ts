import "server-only";
import { shortAreaName } from "@/lib/domain/area-code";
import { ageOn, isoDate } from "@/lib/domain/dates";
import { overdueDays } from "@/lib/domain/work-lists";
import { visibleCategories, type ChildCategoryName, type RiskLevelName } from "@/lib/domain/categories";

export type ChildListItem = {
  id: string;
  name: string;
  sex: "MALE" | "FEMALE";
  age: number;
  areaName: string;
  riskLevel: RiskLevelName | null;
  nextVisitOn: string | null;
  isVisitOverdue: boolean;
  /** 逾期N天: 0 unless the planned visit is late. */
  overdueDays: number;
  categories: ChildCategoryName[];
};

type ChildListRow = {
  id: string;
  name: string;
  sex: "MALE" | "FEMALE";
  dateOfBirth: Date;
  areaName: string;
  riskLevel: RiskLevelName | null;
  nextVisitOn: Date | null;
  categories: { category: ChildCategoryName }[];
};

export function toChildListItem(row: ChildListRow, today: string): ChildListItem {
  const nextVisitOn = row.nextVisitOn ? isoDate(row.nextVisitOn) : null;
  return {
    id: row.id,
    name: row.name,
    sex: row.sex,
    age: ageOn(isoDate(row.dateOfBirth), today),
    areaName: shortAreaName(row.areaName),
    riskLevel: row.riskLevel,
    nextVisitOn,
    isVisitOverdue: nextVisitOn !== null && nextVisitOn < today,
    overdueDays: nextVisitOn === null ? 0 : overdueDays(nextVisitOn, today),
    // Lists never carry specially protected categories (domain.md: HIV_AFFECTED).
    categories: visibleCategories(row.categories, false).map((c) => c.category),
  };
}

/** The few facts a work-list row shows about a child (never categories: work lists need none). */
export type WorkChild = {
  id: string;
  name: string;
  sex: "MALE" | "FEMALE";
  age: number;
  areaName: string;
  riskLevel: RiskLevelName | null;
};

type WorkChildRow = Pick<ChildListRow, "id" | "name" | "sex" | "dateOfBirth" | "areaName" | "riskLevel">;

export function toWorkChild(row: WorkChildRow, today: string): WorkChild {
  return {
    id: row.id,
    name: row.name,
    sex: row.sex,
    age: ageOn(isoDate(row.dateOfBirth), today),
    areaName: shortAreaName(row.areaName),
    riskLevel: row.riskLevel,
  };
}
