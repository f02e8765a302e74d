"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";

export function PrintButton() {
  const { t } = useI18n();
  return (
    <Button type="button" onClick={() => window.print()} className="w-full sm:w-auto print:hidden">
      {t("print.print")}
    </Button>
  );
}
