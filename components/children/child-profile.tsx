import { Row } from "@/components/households/household-summary";
import { Card } from "@/components/ui/card";
import type { Translate } from "@/lib/i18n/translate";
import type { ChildFile } from "@/lib/server/children/file";

/** Every registration answer; the ID number is always the stored mask. */
export function ChildProfile({ file, t }: { file: ChildFile; t: Translate }) {
  const yesNo = (value: boolean) => (value ? t("child.yes") : t("child.no"));
  const disability = file.disabilityType
    ? `${t(`disability.${file.disabilityType}`)}${file.disabilityGrade ? ` · ${t("registration.grade", { grade: file.disabilityGrade })}` : ""}`
    : "—";
  return (
    <Card title={t("child.profile")}>
      <dl>
        <Row label={t("child.sex")} value={t(`sex.${file.sex}`)} />
        <Row label={t("child.dateOfBirth")} value={`${file.dateOfBirth}（${t("workbench.age", { age: file.age })}）`} />
        <Row label={t("child.ethnicity")} value={file.ethnicity} />
        <Row label={t("child.idNumber")} value={file.idNumberMasked ?? t("child.noId", { reason: file.noIdReason ?? "—" })} />
        <Row label={t("child.hukou")} value={`${t(`hukou.${file.hukouStatus}`)}${file.hukouPlace ? ` · ${file.hukouPlace}` : ""}`} />
        <Row label={t("child.school")} value={[t(`school.${file.schoolStage}`), file.schoolName, file.outOfSchoolReason].filter(Boolean).join(" · ")} />
        <Row label={t("registration.isBoarding")} value={yesNo(file.isBoarding)} />
        <Row label={t("registration.healthStatus")} value={`${t(`health.${file.healthStatus}`)}${file.healthNote ? ` · ${file.healthNote}` : ""}`} />
        <Row label={t("registration.disabilityType")} value={disability} />
        <Row label={t("registration.hasDisabilityCertificate")} value={yesNo(file.hasDisabilityCertificate)} />
        <Row label={t("registration.medicalInsurance")} value={t(`insurance.${file.medicalInsurance}`)} />
        <Row label={t("child.living")} value={t(`living.${file.livingArrangement}`)} />
        <Row label={t("child.village")} value={file.areaName} />
        <Row
          label={t("child.consent")}
          value={`${t(`consentBasis.${file.consentBasis}`)}${file.consentGivenBy ? ` · ${file.consentGivenBy}` : ""}${file.consentOn ? ` · ${file.consentOn}` : ""}`}
        />
        <Row label={t("child.nextVisitOn")} value={file.nextVisitOn ?? "—"} />
      </dl>
    </Card>
  );
}
