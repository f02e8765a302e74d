// One JSON file per feature and locale, so features can grow their messages without touching each other.
// Static imports keep the catalogues in the bundle; tests/unit/messages.test.ts checks that no two
// files define the same top-level namespace.
import zhCore from "@/messages/zh-CN/core.json";
import zhAccount from "@/messages/zh-CN/account.json";
import zhEnums from "@/messages/zh-CN/enums.json";
import zhChild from "@/messages/zh-CN/child.json";
import zhHousehold from "@/messages/zh-CN/household.json";
import zhRegistration from "@/messages/zh-CN/registration.json";
import zhVisit from "@/messages/zh-CN/visit.json";
import zhMandatoryReport from "@/messages/zh-CN/mandatory-report.json";
import zhWorkbench from "@/messages/zh-CN/workbench.json";
import zhGroupSession from "@/messages/zh-CN/group-session.json";
import zhGuide from "@/messages/zh-CN/guide.json";
import zhPrint from "@/messages/zh-CN/print.json";
import zhReferral from "@/messages/zh-CN/referral.json";
import zhNotification from "@/messages/zh-CN/notification.json";
import zhTransfer from "@/messages/zh-CN/transfer.json";
import zhUserAdmin from "@/messages/zh-CN/user-admin.json";
import zhAdminUsers from "@/messages/zh-CN/admin-users.json";
import zhEntitlement from "@/messages/zh-CN/entitlement.json";
import zhEligibility from "@/messages/zh-CN/eligibility.json";
import zhPayment from "@/messages/zh-CN/payment.json";
import zhEntitlementDocument from "@/messages/zh-CN/entitlement-document.json";
import zhIndicators from "@/messages/zh-CN/indicators.json";
import enCore from "@/messages/en/core.json";
import enAccount from "@/messages/en/account.json";
import enEnums from "@/messages/en/enums.json";
import enChild from "@/messages/en/child.json";
import enHousehold from "@/messages/en/household.json";
import enRegistration from "@/messages/en/registration.json";
import enVisit from "@/messages/en/visit.json";
import enMandatoryReport from "@/messages/en/mandatory-report.json";
import enWorkbench from "@/messages/en/workbench.json";
import enGroupSession from "@/messages/en/group-session.json";
import enGuide from "@/messages/en/guide.json";
import enPrint from "@/messages/en/print.json";
import enReferral from "@/messages/en/referral.json";
import enNotification from "@/messages/en/notification.json";
import enTransfer from "@/messages/en/transfer.json";
import enUserAdmin from "@/messages/en/user-admin.json";
import enAdminUsers from "@/messages/en/admin-users.json";
import enEntitlement from "@/messages/en/entitlement.json";
import enEligibility from "@/messages/en/eligibility.json";
import enPayment from "@/messages/en/payment.json";
import enEntitlementDocument from "@/messages/en/entitlement-document.json";
import enIndicators from "@/messages/en/indicators.json";
import type { Locale } from "./config";
import type { Messages } from "./translate";

export const MESSAGE_FILES: Record<Locale, Record<string, Messages>> = {
  "zh-CN": {
    core: zhCore,
    account: zhAccount,
    enums: zhEnums,
    child: zhChild,
    household: zhHousehold,
    registration: zhRegistration,
    visit: zhVisit,
    "mandatory-report": zhMandatoryReport,
    workbench: zhWorkbench,
    "group-session": zhGroupSession,
    guide: zhGuide,
    print: zhPrint,
    referral: zhReferral,
    notification: zhNotification,
    transfer: zhTransfer,
    "user-admin": zhUserAdmin,
    "admin-users": zhAdminUsers,
    entitlement: zhEntitlement,
    eligibility: zhEligibility,
    payment: zhPayment,
    "entitlement-document": zhEntitlementDocument,
    indicators: zhIndicators,
  },
  en: {
    core: enCore,
    account: enAccount,
    enums: enEnums,
    child: enChild,
    household: enHousehold,
    registration: enRegistration,
    visit: enVisit,
    "mandatory-report": enMandatoryReport,
    workbench: enWorkbench,
    "group-session": enGroupSession,
    guide: enGuide,
    print: enPrint,
    referral: enReferral,
    notification: enNotification,
    transfer: enTransfer,
    "user-admin": enUserAdmin,
    "admin-users": enAdminUsers,
    entitlement: enEntitlement,
    eligibility: enEligibility,
    payment: enPayment,
    "entitlement-document": enEntitlementDocument,
    indicators: enIndicators,
  },
};
