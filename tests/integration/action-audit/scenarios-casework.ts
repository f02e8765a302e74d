import { todayInChina } from "@/lib/domain/dates";
import { transitionReferralSchema } from "@/lib/schemas/referral";
import { db } from "@/lib/server/db";
import { createMandatoryReport } from "@/lib/server/mandatory-reports/create";
import { closeMandatoryReport, recordPoliceInformed } from "@/lib/server/mandatory-reports/follow-up";
import { acknowledgeMandatoryReport } from "@/lib/server/mandatory-reports/mutations";
import { createReferralDraftFromNeed } from "@/lib/server/referrals/drafts";
import { createReferral, updateReferral } from "@/lib/server/referrals/mutations";
import { transitionReferral } from "@/lib/server/referrals/transition";
import type { Actor } from "@/lib/server/session";
import { cancelTransfer, decideTransfer, requestTransfer } from "@/lib/server/transfers/mutations";
import { recordVisit, updateVisit } from "@/lib/server/visits/mutations";
import { makeChild } from "../../factories/children";
import { visitInput } from "../../factories/visits";
import { actorFor } from "../../support/actors";
import type { Place, Scenario } from "./harness";

type Village = Place["village"];

const directorOf = (village: Village) => actorFor("VILLAGE_DIRECTOR", village.code);
const today = () => todayInChina();

/** A visit recorded today (so the edit window is open) by `director` or another of the village, noting a school need. */
async function visitIn(village: Village, director?: Actor) {
  const child = await makeChild({ village });
  const input = visitInput({ childId: child.id, visitedOn: today(), riskLevel: "YELLOW", needs: ["SCHOOL"], education: "已辍学两个月" });
  const { visitId } = await recordVisit(director ?? (await directorOf(village)), input);
  const { version } = await db().visit.findUniqueOrThrow({ where: { id: visitId }, select: { version: true } });
  return { visitId, version, input };
}

async function draftIn(village: Village, director?: Actor) {
  const child = await makeChild({ village });
  const { referralId } = await createReferral(director ?? (await directorOf(village)), { childId: child.id, type: "HEALTH", agency: "乡镇卫生院", reason: "需要接种疫苗" });
  return db().referral.findUniqueOrThrow({ where: { id: referralId }, select: { id: true, version: true } });
}

async function reportIn(village: Village, acknowledgedBy?: Actor) {
  const child = await makeChild({ village });
  const { id } = await createMandatoryReport(await directorOf(village), { childId: child.id, description: "发现儿童受伤", policeInformedBy: "", policeInformedAt: "", policeReference: "" });
  if (acknowledgedBy) await acknowledgeMandatoryReport(acknowledgedBy, { reportId: id, version: 1 });
  return db().mandatoryReport.findUniqueOrThrow({ where: { id }, select: { id: true, version: true } });
}

const reportRow = (id: string) => () => db().mandatoryReport.findUnique({ where: { id } });
const referralRow = (id: string) => () => db().referral.findUnique({ where: { id }, select: { status: true, version: true, agency: true } });
const transferRow = (id: string) => () => db().childTransfer.findUnique({ where: { id }, select: { status: true, version: true } });

async function transferOf(village: Village, to: Village) {
  const child = await makeChild({ village });
  const { transferId } = await requestTransfer(await directorOf(village), { childId: child.id, toAreaCode: to.code, reason: "随父母迁居" });
  return db().childTransfer.findUniqueOrThrow({ where: { id: transferId }, select: { id: true, version: true } });
}

const POLICE = { policeInformedBy: "王警官", policeInformedAt: "2025-01-01T08:00", policeReference: "" };

export const CASEWORK_SCENARIOS: Record<string, Scenario> = {
  recordVisit: {
    async prepare(place) {
      const actor = await directorOf(place.village);
      const [child, foreign] = [await makeChild({ village: place.village }), await makeChild({ village: place.foreign })];
      return {
        allowed: { actor, run: () => recordVisit(actor, visitInput({ childId: child.id, visitedOn: today(), riskLevel: "GREEN" })) },
        foreign: {
          actor,
          run: () => recordVisit(actor, visitInput({ childId: foreign.id, visitedOn: today(), riskLevel: "GREEN" })),
          state: () => db().visit.count({ where: { childId: foreign.id } }),
        },
      };
    },
  },
  updateVisit: {
    async prepare(place) {
      const actor = await directorOf(place.village);
      const own = await visitIn(place.village, actor);
      const foreign = await visitIn(place.foreign);
      const edit = ({ visitId, version, input }: Awaited<ReturnType<typeof visitIn>>) => {
        const { childId: _c, requestId: _r, ...fields } = input;
        return { ...fields, notes: "补充记录", visitId, version };
      };
      return {
        allowed: { actor, run: () => updateVisit(actor, edit(own)) },
        foreign: { actor, run: () => updateVisit(actor, edit(foreign)), state: () => db().visit.findUnique({ where: { id: foreign.visitId }, select: { notes: true, version: true } }) },
      };
    },
  },
  createReferralDraftFromNeed: {
    async prepare(place) {
      const actor = await directorOf(place.village);
      const own = await visitIn(place.village, actor);
      const foreign = await visitIn(place.foreign);
      return {
        allowed: { actor, run: () => createReferralDraftFromNeed(actor, { visitId: own.visitId, type: "SCHOOL" }) },
        foreign: { actor, run: () => createReferralDraftFromNeed(actor, { visitId: foreign.visitId, type: "SCHOOL" }), state: () => db().referral.count({ where: { visitId: foreign.visitId } }) },
      };
    },
  },
  createReferral: {
    async prepare(place) {
      const actor = await directorOf(place.village);
      const [child, foreign] = [await makeChild({ village: place.village }), await makeChild({ village: place.foreign })];
      const input = (childId: string) => ({ childId, type: "HEALTH" as const, agency: "乡镇卫生院", reason: "需要接种疫苗" });
      return {
        allowed: { actor, run: () => createReferral(actor, input(child.id)) },
        foreign: { actor, run: () => createReferral(actor, input(foreign.id)), state: () => db().referral.count({ where: { childId: foreign.id } }) },
      };
    },
  },
  updateReferral: {
    async prepare(place) {
      const actor = await directorOf(place.village);
      const [own, foreign] = [await draftIn(place.village, actor), await draftIn(place.foreign)];
      const edit = (r: { id: string; version: number }) => ({ referralId: r.id, version: r.version, type: "HEALTH" as const, agency: "县医院", reason: "需要体检" });
      return {
        allowed: { actor, run: () => updateReferral(actor, edit(own)) },
        foreign: { actor, run: () => updateReferral(actor, edit(foreign)), state: referralRow(foreign.id) },
      };
    },
  },
  transitionReferral: {
    async prepare(place) {
      const actor = await directorOf(place.village);
      const [own, foreign] = [await draftIn(place.village, actor), await draftIn(place.foreign)];
      const submit = (r: { id: string; version: number }) => transitionReferralSchema.parse({ referralId: r.id, version: r.version, to: "SUBMITTED" });
      return {
        allowed: { actor, run: () => transitionReferral(actor, submit(own)) },
        foreign: { actor, run: () => transitionReferral(actor, submit(foreign)), state: referralRow(foreign.id) },
      };
    },
  },
  createMandatoryReport: {
    async prepare(place) {
      const actor = await directorOf(place.village);
      const [child, foreign] = [await makeChild({ village: place.village }), await makeChild({ village: place.foreign })];
      const input = (childId: string) => ({ childId, description: "发现儿童受伤", policeInformedBy: "", policeInformedAt: "", policeReference: "" });
      return {
        allowed: { actor, run: () => createMandatoryReport(actor, input(child.id)) },
        foreign: { actor, run: () => createMandatoryReport(actor, input(foreign.id)), state: () => db().mandatoryReport.count({ where: { childId: foreign.id } }) },
      };
    },
  },
  acknowledgeMandatoryReport: {
    async prepare(place) {
      const actor = await actorFor("TOWNSHIP_SUPERVISOR", place.township);
      const [own, foreign] = [await reportIn(place.village), await reportIn(place.foreign)];
      return {
        allowed: { actor, run: () => acknowledgeMandatoryReport(actor, { reportId: own.id, version: own.version }) },
        foreign: { actor, run: () => acknowledgeMandatoryReport(actor, { reportId: foreign.id, version: foreign.version }), state: reportRow(foreign.id) },
      };
    },
  },
  recordPoliceInformed: {
    async prepare(place) {
      const actor = await actorFor("TOWNSHIP_SUPERVISOR", place.township);
      const [own, foreign] = [await reportIn(place.village), await reportIn(place.foreign)];
      return {
        allowed: { actor, run: () => recordPoliceInformed(actor, { reportId: own.id, version: own.version, ...POLICE }) },
        foreign: { actor, run: () => recordPoliceInformed(actor, { reportId: foreign.id, version: foreign.version, ...POLICE }), state: reportRow(foreign.id) },
      };
    },
  },
  closeMandatoryReport: {
    async prepare(place) {
      const actor = await actorFor("TOWNSHIP_SUPERVISOR", place.township);
      const foreignSupervisor = await actorFor("TOWNSHIP_SUPERVISOR", place.foreignTownship);
      // Only an acknowledged report can be closed; each is acknowledged by its own township first.
      const [own, foreign] = [await reportIn(place.village, actor), await reportIn(place.foreign, foreignSupervisor)];
      return {
        allowed: { actor, run: () => closeMandatoryReport(actor, { reportId: own.id, version: own.version, note: "已妥善安置" }) },
        foreign: { actor, run: () => closeMandatoryReport(actor, { reportId: foreign.id, version: foreign.version, note: "已妥善安置" }), state: reportRow(foreign.id) },
      };
    },
  },
  requestTransfer: {
    async prepare(place) {
      const actor = await directorOf(place.village);
      const [child, foreign] = [await makeChild({ village: place.village }), await makeChild({ village: place.foreign })];
      return {
        allowed: { actor, run: () => requestTransfer(actor, { childId: child.id, toAreaCode: place.foreign.code, reason: "随父母迁居" }) },
        foreign: {
          actor,
          run: () => requestTransfer(actor, { childId: foreign.id, toAreaCode: place.village.code, reason: "随父母迁居" }),
          state: () => db().childTransfer.count({ where: { childId: foreign.id } }),
        },
      };
    },
  },
  cancelTransfer: {
    async prepare(place) {
      const [own, foreign] = [await transferOf(place.village, place.foreign), await transferOf(place.foreign, place.village)];
      const actor = await directorOf(place.village);
      return {
        allowed: { actor, run: () => cancelTransfer(actor, { transferId: own.id, version: own.version }) },
        foreign: { actor, run: () => cancelTransfer(actor, { transferId: foreign.id, version: foreign.version }), state: transferRow(foreign.id) },
      };
    },
  },
  decideTransfer: {
    async prepare(place) {
      // The receiving supervisor decides: incoming comes from the foreign village to hers, outgoing leaves her township.
      const [incoming, outgoing] = [await transferOf(place.foreign, place.village), await transferOf(place.village, place.foreign)];
      const actor = await actorFor("TOWNSHIP_SUPERVISOR", place.township);
      return {
        allowed: { actor, run: () => decideTransfer(actor, { transferId: incoming.id, version: incoming.version, decision: "ACCEPT", note: "" }) },
        foreign: { actor, run: () => decideTransfer(actor, { transferId: outgoing.id, version: outgoing.version, decision: "ACCEPT", note: "" }), state: transferRow(outgoing.id) },
      };
    },
  },
};
