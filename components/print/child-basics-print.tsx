import type { ReactNode } from "react";
import type { Translate } from "@/lib/i18n/translate";
import { CLOSE_REASONS } from "@/lib/schemas/child";
import type { ChildFile } from "@/lib/server/children/file";
import { Fields, PrintSection } from "./print-section";

// A closed file keeps a code, or for OTHER the director's own words (lib/server/children/mutations.ts).
function closedText(file: ChildFile, t: Translate): string {
  const reason = file.closedReason;
  const text = reason && (CLOSE_REASONS as readonly string[]).includes(reason) ? t(`child.closeReason.${reason}`) : (reason ?? "—");
  return t("print.child.closed", { reason: text, date: file.closedOn ?? "—" });
}

/** 一、基本信息: every registration answer about the child; empty answers print as "—" so the form keeps its shape. */
export function ChildBasicsPrint({ file, t }: { file: ChildFile; t: Translate }) {
  const yesNo = (value: boolean) => (value ? t("print.yes") : t("print.no"));
  const orDash = (value: string | null) => value || "—";
  const rows: [string, ReactNode][] = [
    [t("print.child.name"), file.name],
    [t("print.child.sex"), t(`sex.${file.sex}`)],
    [t("print.child.dateOfBirth"), `${file.dateOfBirth}（${t("print.age", { age: file.age })}）`],
    [t("print.child.ethnicity"), file.ethnicity],
    [t("print.child.idNumber"), file.idNumberMasked ?? t("print.child.noId", { reason: file.noIdReason ?? "—" })],
    [t("print.child.hukou"), t(`hukou.${file.hukouStatus}`)],
    [t("print.child.hukouPlace"), orDash(file.hukouPlace)],
    [t("print.child.school"), t(`school.${file.schoolStage}`)],
    [t("print.child.schoolName"), orDash(file.schoolName)],
    [t("print.child.outOfSchoolReason"), orDash(file.outOfSchoolReason)],
    [t("print.child.boarding"), yesNo(file.isBoarding)],
    [t("print.child.health"), t(`health.${file.healthStatus}`)],
    [t("print.child.healthNote"), orDash(file.healthNote)],
    [t("print.child.disabilityType"), file.disabilityType ? t(`disability.${file.disabilityType}`) : "—"],
    [t("print.child.disabilityGrade"), file.disabilityGrade ? t("print.child.grade", { grade: file.disabilityGrade }) : "—"],
    [t("print.child.disabilityCertificate"), yesNo(file.hasDisabilityCertificate)],
    [t("print.child.medicalInsurance"), t(`insurance.${file.medicalInsurance}`)],
    [t("print.child.living"), t(`living.${file.livingArrangement}`)],
    [t("print.child.risk"), file.riskLevel ? t(`risk.${file.riskLevel}`) : "—"],
    [t("print.child.lastVisitOn"), orDash(file.lastVisitOn)],
    [t("print.child.nextVisitOn"), orDash(file.nextVisitOn)],
    [t("print.child.status"), file.status === "CLOSED" ? closedText(file, t) : t("print.child.active")],
    [t("print.child.consentBasis"), t(`consentBasis.${file.consentBasis}`)],
    [t("print.child.consentGivenBy"), orDash(file.consentGivenBy)],
    [t("print.child.consentOn"), orDash(file.consentOn)],
  ];
  return (
    <PrintSection title={t("print.child.profile")}>
      <Fields rows={rows} />
    </PrintSection>
  );
}
