"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions/define-action";
import { acknowledgeReportSchema, closeReportSchema, createReportSchema, recordPoliceSchema } from "@/lib/schemas/mandatory-report";
import { createMandatoryReport } from "@/lib/server/mandatory-reports/create";
import { closeMandatoryReport, recordPoliceInformed } from "@/lib/server/mandatory-reports/follow-up";
import { acknowledgeMandatoryReport } from "@/lib/server/mandatory-reports/mutations";

// A report shows on the township page, the county dashboard, the child's file and the report list.
function revalidateReports(reportId?: string) {
  revalidatePath("/township");
  revalidatePath("/dashboard");
  revalidatePath("/reports");
  revalidatePath("/children/[id]", "page");
  if (reportId) revalidatePath(`/reports/${reportId}`);
}

const create = defineAction(createReportSchema, async (actor, input) => createMandatoryReport(actor, input));

export async function createMandatoryReportAction(input: unknown) {
  const result = await create(input);
  if (!result.ok) return result;
  revalidateReports();
  redirect(`/reports/${result.data.id}`);
}

const police = defineAction(recordPoliceSchema, async (actor, input) => {
  await recordPoliceInformed(actor, input);
  return { reportId: input.reportId };
});

export async function recordPoliceInformedAction(input: unknown) {
  const result = await police(input);
  if (result.ok) revalidateReports(result.data.reportId);
  return result;
}

const acknowledge = defineAction(acknowledgeReportSchema, async (actor, input) => {
  await acknowledgeMandatoryReport(actor, input);
  return { reportId: input.reportId };
});

export async function acknowledgeReportAction(input: unknown) {
  const result = await acknowledge(input);
  if (result.ok) revalidateReports(result.data.reportId);
  return result;
}

const close = defineAction(closeReportSchema, async (actor, input) => {
  await closeMandatoryReport(actor, input);
  return { reportId: input.reportId };
});

export async function closeMandatoryReportAction(input: unknown) {
  const result = await close(input);
  if (result.ok) revalidateReports(result.data.reportId);
  return result;
}
