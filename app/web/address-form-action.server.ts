// The server half of the address book's form, shared by "add" and "edit": the checkout's own address rules
// (AddressSchema), field errors back with 400 beside their fields, refusals with their own 4xx.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import { AddressSchema } from "~/domain/accounts/address-schema";
import type { AddressInput } from "~/domain/accounts/addresses.server";
import { DomainError } from "~/domain/errors.server";
import { getLocale, translator } from "../lib/locale.server";
import { readForm } from "./read-form.server";

type Save = (input: AddressInput, options: { makeDefault: boolean }) => Promise<unknown>;

export async function addressFormAction(request: Request, save: Save, notice: "added" | "saved") {
  const submission = parseWithZod(await readForm(request), { schema: AddressSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { contactName, makeDefault, ...where } = submission.value;
  try {
    await save({ recipientName: contactName, ...where }, { makeDefault: makeDefault === "on" });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.status === 404)
      throw new Response(translator(await getLocale(request))(error.messageKey), { status: 404 });
    const message = translator(await getLocale(request))(error.messageKey, error.values);
    return data(submission.reply({ formErrors: [message] }), { status: error.status });
  }
  return redirect(`/account/addresses?notice=${notice}`);
}
