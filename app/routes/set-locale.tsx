// The language switch: remembers the choice in a cookie (and on the account), then goes back.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { setUserLocale } from "~/domain/accounts/accounts.server";
import { getUserId, safeRedirect } from "~/web/auth.server";
import { isLocale } from "~/lib/i18n";
import { localeCookie } from "~/lib/locale.server";
import { readForm } from "~/web/read-form.server";

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = form.get("locale");
  if (!isLocale(locale)) throw new Response("Unknown language", { status: 400 });
  const userId = await getUserId(request);
  if (userId) await setUserLocale(userId, locale);
  return redirect(safeRedirect(form.get("redirectTo")), {
    headers: { "Set-Cookie": await localeCookie.serialize(locale) },
  });
}

export async function loader() {
  return redirect("/");
}
