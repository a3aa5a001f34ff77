// Every namespace of every language. Add a namespace here when an area of the app gets its own file.
import enAccount from "./en/account";
import enCheckout from "./en/checkout";
import enCommon from "./en/common";
import enStore from "./en/store";
import enStudio from "./en/studio";
import zhAccount from "./zh-CN/account";
import zhCheckout from "./zh-CN/checkout";
import zhCommon from "./zh-CN/common";
import zhStore from "./zh-CN/store";
import zhStudio from "./zh-CN/studio";

export const resources = {
  "zh-CN": { common: zhCommon, account: zhAccount, store: zhStore, studio: zhStudio, checkout: zhCheckout },
  en: { common: enCommon, account: enAccount, store: enStore, studio: enStudio, checkout: enCheckout },
};
