import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ROLES } from "@/lib/domain/roles";
import type { Translate } from "@/lib/i18n/translate";
import type { UserListQuery } from "@/lib/schemas/admin-user";

/** A plain GET form: works without JavaScript, and the filters live in the address (no personal data in it). */
export function UserFilters({ query, t }: { query: UserListQuery; t: Translate }) {
  return (
    <form method="get" action="/admin/users" className="grid gap-2 sm:grid-cols-4" role="search">
      <label className="sm:col-span-2">
        <span className="sr-only">{t("userAdmin.searchLabel")}</span>
        <input type="search" name="q" defaultValue={query.q ?? ""} placeholder={t("userAdmin.searchLabel")} className={inputClass} />
      </label>
      <label>
        <span className="sr-only">{t("userAdmin.roleFilter")}</span>
        <select name="role" defaultValue={query.role ?? ""} className={inputClass}>
          <option value="">{t("userAdmin.anyRole")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="sr-only">{t("userAdmin.activeFilter")}</span>
        <select name="active" defaultValue={query.active ?? ""} className={inputClass}>
          <option value="">{t("userAdmin.anyStatus")}</option>
          <option value="yes">{t("userAdmin.activeYes")}</option>
          <option value="no">{t("userAdmin.activeNo")}</option>
        </select>
      </label>
      <Button type="submit" variant="secondary" className="sm:col-start-4">
        {t("userAdmin.search")}
      </Button>
    </form>
  );
}
