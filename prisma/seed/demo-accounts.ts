import type { RoleName } from "@/lib/domain/roles";

// 河南省信阳市新县: a real county in one of the five provinces of the 2010 pilot.
export const DEMO_COUNTY = "411523";
export const DEMO_TOWNSHIP = "411523101"; // 沙窝镇
export const DEMO_VILLAGE = "411523101201"; // 王山村
export const DEMO_PASSWORD = "Barefoot-demo-2026";

export type DemoAccount = { loginName: string; displayName: string; role: RoleName; areaCode: string; home: string };

/** One account per role at the right level; README and the browser tests read this list. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { loginName: "director", displayName: "王秀英", role: "VILLAGE_DIRECTOR", areaCode: DEMO_VILLAGE, home: "/workbench" },
  { loginName: "director2", displayName: "周桂兰", role: "VILLAGE_DIRECTOR", areaCode: "411523101202", home: "/workbench" },
  { loginName: "supervisor", displayName: "李春梅", role: "TOWNSHIP_SUPERVISOR", areaCode: `${DEMO_TOWNSHIP}000`, home: "/township" },
  { loginName: "county", displayName: "张建国", role: "COUNTY_OFFICER", areaCode: `${DEMO_COUNTY}000000`, home: "/dashboard" },
  { loginName: "province", displayName: "刘伟", role: "PROVINCE_OFFICER", areaCode: "410000000000", home: "/dashboard" },
  { loginName: "ministry", displayName: "陈静", role: "MINISTRY_OFFICER", areaCode: "", home: "/dashboard" },
  { loginName: "admin", displayName: "赵磊", role: "SYSTEM_ADMIN", areaCode: `${DEMO_COUNTY}000000`, home: "/admin/users" },
  { loginName: "auditor", displayName: "孙丽", role: "AUDITOR", areaCode: `${DEMO_COUNTY}000000`, home: "/audit" },
];
