// The fields of a Chinese shipping address (recipient, mainland mobile, province / city / district, street), as
// the checkout and the address book both ask for them; errors arrive from conform beside each field.
import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "~/lib/i18n-react";
import { PROVINCES } from "~/domain/checkout/provinces";
import { Field, FieldError, inputClass } from "./ui/field";

type AddressField = FieldMetadata<string | undefined, Record<string, unknown>, string[]>;
type Fields = Record<"province" | "city" | "district" | "street", AddressField>;
type ContactFields = Record<"contactName" | "phone", AddressField>;

/** Recipient's name and mobile. */
export function RecipientFields({ fields }: { fields: ContactFields }) {
  const { t } = useTranslation("checkout");
  return (
    <>
      <Field
        label={t("checkout.contactName")}
        autoComplete="name"
        errors={fields.contactName.errors}
        {...getInputProps(fields.contactName, { type: "text" })}
        id={fields.contactName.id}
      />
      <Field
        label={t("checkout.phone")}
        autoComplete="tel-national"
        inputMode="tel"
        errors={fields.phone.errors}
        {...getInputProps(fields.phone, { type: "tel" })}
        id={fields.phone.id}
      />
    </>
  );
}

/** Province (a list of the 31), city, district and street. */
export function AddressFields({ fields }: { fields: Fields }) {
  const { t, i18n } = useTranslation("checkout");
  const en = i18n.language === "en";
  return (
    <>
      <div>
        <label htmlFor={fields.province.id} className="block text-sm font-medium text-stone-800">
          {t("checkout.province")}
        </label>
        <select
          className={inputClass}
          autoComplete="address-level1"
          {...getSelectProps(fields.province)}
          id={fields.province.id}
        >
          <option value="">{t("checkout.provincePlaceholder")}</option>
          {PROVINCES.map(([zh, enName]) => (
            <option key={zh} value={zh}>
              {en ? enName : zh}
            </option>
          ))}
        </select>
        <FieldError id={`${fields.province.id}-error`} errors={fields.province.errors} />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <Field
          label={t("checkout.city")}
          autoComplete="address-level2"
          errors={fields.city.errors}
          {...getInputProps(fields.city, { type: "text" })}
          id={fields.city.id}
        />
        <Field
          label={t("checkout.district")}
          autoComplete="address-level3"
          errors={fields.district.errors}
          {...getInputProps(fields.district, { type: "text" })}
          id={fields.district.id}
        />
      </div>
      <Field
        label={t("checkout.street")}
        autoComplete="street-address"
        errors={fields.street.errors}
        {...getInputProps(fields.street, { type: "text" })}
        id={fields.street.id}
      />
    </>
  );
}

/** One saved address in two lines: who and where. */
export function AddressLines({
  address,
}: {
  address: { recipientName: string; phone: string; province: string; city: string; district: string; street: string };
}) {
  return (
    <>
      <span className="block font-medium">
        <span data-as-written>{address.recipientName}</span>{" "}
        <span className="font-normal text-stone-600 tabular-nums">{address.phone}</span>
      </span>
      <span lang="zh-CN" className="block text-sm text-stone-700">
        {address.province} {address.city} {address.district} {address.street}
      </span>
    </>
  );
}
