// Turns the domain's field-by-field refusal into conform's reply, so the messages land beside the fields.
import type { Submission } from "@conform-to/react";
import type { InvalidFields } from "~/domain/errors.server";

export function replyWithFieldErrors<T>(submission: Submission<T>, error: InvalidFields) {
  const { "": formErrors, ...fieldErrors } = error.fields;
  return submission.reply({ formErrors, fieldErrors });
}
