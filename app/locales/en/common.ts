// Shared words: navigation, buttons, errors.
import type zh from "../zh-CN/common";

const common: Record<keyof typeof zh, string> = {
  brand: "Cunbo",
  tagline: "Live market of the common prosperity workshops",
  "nav.home": "Home",
  "nav.search": "Search",
  "nav.workshops": "Workshops",
  "nav.host": "My shows",
  "nav.studio": "Workshop studio",
  "nav.admin": "Admin",
  "nav.login": "Log in",
  "nav.signup": "Sign up",
  "nav.logout": "Log out",
  "nav.account": "My account",
  "nav.menu": "Menu",
  "nav.skip": "Skip to content",
  "locale.label": "Language",
  "locale.switch": "中文",
  "error.notFoundTitle": "Page not found",
  "error.notFoundBody": "The page you are looking for is gone: it may have been taken down, or the link is wrong.",
  "error.title": "Something went wrong",
  "error.body": "Sorry, this page ran into a problem. Please try again shortly.",
  "error.forbidden": "You are not allowed to do that.",
  "error.backHome": "Back to home",
  "crossSite.title": "This was not carried out",
  "crossSite.foreign":
    "This form was sent from another website (or another address on the same computer). To protect your account, Cunbo only acts on forms sent from its own pages, so nothing has changed.",
  "crossSite.hidden":
    "Your browser did not say which page this form came from, so Cunbo could not tell that it was one of its own. To protect your account, nothing has changed.",
  "crossSite.retry": "If you meant to do this, open Cunbo's page and send it again from there.",
  "form.required": "Required",
  "form.save": "Save",
  "form.saved": "Saved",
  "form.cancel": "Cancel",
  "form.submit": "Submit",
  "form.refused.type": "The form was not sent in a form's format; submit it again from the page.",
  "form.refused.tooLarge": "What was sent is too large.",
  "form.refused.malformed": "What was sent could not be read; submit it again from the page.",
  "footer.about":
    "Cunbo links Zhejiang's common prosperity workshops, village hosts and shoppers, and accounts for every fen down to the workers and the village.",
  "status.pending": "Pending",
  "status.approved": "Approved",
  "status.rejected": "Rejected",
  "title.page": "{{page}} · Cunbo",
  "title.hostConsole": "{{title}} · Host console",
  "title.refunds": "Refunds that keep failing",
};

export default common;
