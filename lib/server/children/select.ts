import "server-only";

export const childListSelect = {
  id: true,
  name: true,
  sex: true,
  dateOfBirth: true,
  areaName: true,
  riskLevel: true,
  nextVisitOn: true,
  categories: { where: { endDate: null }, select: { category: true }, orderBy: { startDate: "asc" } },
} as const;

export const workChildSelect = { id: true, name: true, sex: true, dateOfBirth: true, areaName: true, riskLevel: true } as const;
