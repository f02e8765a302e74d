import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateUserForm } from "@/components/admin/users/create-user-form";
import { Card } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/require-actor";
import { getTranslator } from "@/lib/i18n/server";

export default async function NewUserPage() {
  const actor = await requireActor(["create", "user"]);
  if (actor.role !== "SYSTEM_ADMIN") notFound();
  const { t } = await getTranslator();
  return (
    <div className="space-y-4">
      <Link href="/admin/users" className="inline-flex min-h-11 items-center text-sm text-brand-700">
        ← {t("userAdmin.back")}
      </Link>
      <h1 className="text-xl font-semibold">{t("userAdmin.newTitle")}</h1>
      <Card>
        <CreateUserForm />
      </Card>
    </div>
  );
}
