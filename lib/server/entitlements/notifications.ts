import "server-only";
import type { EntitlementStatusName, NotificationKindName } from "@/lib/domain/enums";
import type { RoleName } from "@/lib/domain/roles";
import type { NotificationEvent } from "../notifications/notify";
import type { Actor } from "../session";

/** Who hears of each move: the next level that has to act, or the director when the answer comes back. */
const ROUTES: Partial<Record<EntitlementStatusName, { kind: NotificationKindName; roles: RoleName[] }>> = {
  APPLIED: { kind: "ENTITLEMENT_APPLIED", roles: ["TOWNSHIP_SUPERVISOR"] },
  CHECKED: { kind: "ENTITLEMENT_CHECKED", roles: ["COUNTY_OFFICER"] },
  RETURNED: { kind: "ENTITLEMENT_RETURNED", roles: ["VILLAGE_DIRECTOR"] },
  CONFIRMED: { kind: "ENTITLEMENT_DECIDED", roles: ["VILLAGE_DIRECTOR"] },
  DENIED: { kind: "ENTITLEMENT_DECIDED", roles: ["VILLAGE_DIRECTOR"] },
};

/**
 * The notification of an entitlement entering `status`, or undefined when nobody needs to act. The
 * sentence's {benefit} is the catalogue's Chinese name (the product's working language; notifications are
 * stored once for readers of either locale); benefitType is kept for a renderer that translates it.
 */
export function entitlementNotification(
  status: EntitlementStatusName,
  actor: Actor,
  entitlement: { id: string; areaCode: string; childName: string; benefitType: string; benefitNameZh: string },
): NotificationEvent | undefined {
  const route = ROUTES[status];
  if (!route) return undefined;
  return {
    kind: route.kind,
    entity: "entitlement",
    entityId: entitlement.id,
    areaCode: entitlement.areaCode,
    roles: route.roles,
    params: { childName: entitlement.childName, benefit: entitlement.benefitNameZh, benefitType: entitlement.benefitType },
    exceptUserId: actor.userId,
  };
}
