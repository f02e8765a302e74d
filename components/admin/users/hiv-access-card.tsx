"use client";
import { useRouter } from "next/navigation";
import { setHivAccessAction } from "@/app/(app)/admin/users/[id]/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormMessage } from "@/components/households/form-controls";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { hivAccessSchema } from "@/lib/schemas/admin-user";

/** Grant or revoke the HIV-status permission; offered only for roles that work with children's files. */
export function HivAccessCard({ user }: { user: { id: string; version: number; hivAccess: boolean } }) {
  const { t } = useI18n();
  const router = useRouter();
  const form = useActionForm(hivAccessSchema, setHivAccessAction);

  async function toggle() {
    if (await form.submit({ userId: user.id, version: user.version, hivAccess: !user.hivAccess })) router.refresh();
  }

  return (
    <Card title={t("userAdmin.hivTitle")}>
      <div className="space-y-3" data-testid="hiv-access">
        <p className="text-sm text-slate-600">{t("userAdmin.hivHelp")}</p>
        <p className="text-sm font-medium">{user.hivAccess ? t("userAdmin.hivGranted") : t("userAdmin.hivNotGranted")}</p>
        {form.message && <FormMessage tone="error">{t(form.errors.hivAccess?.[0] ?? form.message)}</FormMessage>}
        <Button type="button" variant={user.hivAccess ? "secondary" : "primary"} disabled={form.pending} onClick={toggle} className="w-full sm:w-auto">
          {user.hivAccess ? t("userAdmin.hivRevoke") : t("userAdmin.hivGrant")}
        </Button>
      </div>
    </Card>
  );
}
