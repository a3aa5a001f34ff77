// The address book's add / edit form: the checkout's address fields and "make this my default", validated by
// the same schema in the browser (hints) and on the server (the rule).
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { AddressSchema, type AddressFormInput } from "~/domain/accounts/address-schema";
import { AddressFields, RecipientFields } from "./address-fields";
import { Button, FieldError } from "./ui/field";

type Props = {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Partial<AddressFormInput>;
  /** Whether "make default" is offered (the default address is already it). */
  canMakeDefault: boolean;
};

export function AddressBookForm({ lastResult, defaultValue, canMakeDefault }: Props) {
  const { t } = useTranslation("account");
  const [form, fields] = useForm<AddressFormInput>({
    id: "address",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(AddressSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddressSchema }),
  });
  return (
    <Form method="post" className="space-y-3" {...getFormProps(form)}>
      <RecipientFields fields={fields} />
      <AddressFields fields={fields} />
      {canMakeDefault ? (
        <label className="flex min-h-11 items-center gap-3 text-stone-800">
          <input {...getInputProps(fields.makeDefault, { type: "checkbox" })} className="h-5 w-5 accent-brand-600" />
          {t("address.makeDefaultField")}
        </label>
      ) : null}
      <FieldError id={form.errorId} errors={form.errors} />
      <div className="flex flex-wrap items-center gap-3 pt-2">
        <Button type="submit" className="min-w-40">
          {t("address.save")}
        </Button>
        <Link to="/account/addresses" className="min-h-11 px-2 py-2.5 text-brand-700 underline">
          {t("address.back")}
        </Link>
      </div>
    </Form>
  );
}
