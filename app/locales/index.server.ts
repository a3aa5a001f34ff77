// Every namespace of every language. Add a namespace here when an area of the app gets its own file.
import enAccount from "./en/account";
import enAdmin from "./en/admin";
import enCheckout from "./en/checkout";
import enCommon from "./en/common";
import enLive from "./en/live";
import enDashboard from "./en/dashboard";
import enFulfil from "./en/fulfil";
import enStore from "./en/store";
import enStudio from "./en/studio";
import enAftersales from "./en/aftersales";
import enNotices from "./en/notices";
import enLuckybag from "./en/luckybag";
import enReviews from "./en/reviews";
import enPromotions from "./en/promotions";
import enPayouts from "./en/payouts";
import zhAccount from "./zh-CN/account";
import zhAdmin from "./zh-CN/admin";
import zhCheckout from "./zh-CN/checkout";
import zhCommon from "./zh-CN/common";
import zhLive from "./zh-CN/live";
import zhDashboard from "./zh-CN/dashboard";
import zhFulfil from "./zh-CN/fulfil";
import zhStore from "./zh-CN/store";
import zhStudio from "./zh-CN/studio";
import zhAftersales from "./zh-CN/aftersales";
import zhNotices from "./zh-CN/notices";
import zhLuckybag from "./zh-CN/luckybag";
import zhReviews from "./zh-CN/reviews";
import zhPromotions from "./zh-CN/promotions";
import zhPayouts from "./zh-CN/payouts";

export const resources = {
  "zh-CN": {
    common: zhCommon,
    account: zhAccount,
    store: zhStore,
    studio: zhStudio,
    admin: zhAdmin,
    live: zhLive,
    checkout: zhCheckout,
    fulfil: zhFulfil,
    dashboard: zhDashboard,
    aftersales: zhAftersales,
    notices: zhNotices,
    luckybag: zhLuckybag,
    reviews: zhReviews,
    promotions: zhPromotions,
    payouts: zhPayouts,
  },
  en: {
    common: enCommon,
    account: enAccount,
    store: enStore,
    studio: enStudio,
    admin: enAdmin,
    live: enLive,
    checkout: enCheckout,
    fulfil: enFulfil,
    dashboard: enDashboard,
    aftersales: enAftersales,
    notices: enNotices,
    luckybag: enLuckybag,
    reviews: enReviews,
    promotions: enPromotions,
    payouts: enPayouts,
  },
};
