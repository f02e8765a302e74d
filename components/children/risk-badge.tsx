import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { RiskLevelName } from "@/lib/domain/categories";
import type { Translate } from "@/lib/i18n/translate";

const TONE: Record<RiskLevelName, BadgeTone> = { RED: "red", YELLOW: "yellow", BLUE: "blue", GREEN: "green" };

export function RiskBadge({ level, t }: { level: RiskLevelName | null; t: Translate }) {
  return <Badge tone={level ? TONE[level] : "gray"}>{level ? t(`risk.${level}`) : t("risk.none")}</Badge>;
}
