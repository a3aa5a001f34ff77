// Scheduling or editing a show: title, cover, time (Shanghai), playback source and the line-up from approved
// workshops. The schema is shared by the browser (instant checks) and the server (the checks that count).
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "~/lib/i18n-react";
import * as z from "zod";
import { usePick } from "~/components/live/use-pick";
import { Button, Field, FieldError } from "~/components/ui/field";
import { formatMoney } from "~/lib/money";
import { COVER_TYPES, ShowFormSchema } from "~/domain/live/show-form";

export type LineUpChoice = {
  id: string;
  nameZh: string;
  nameEn: string;
  products: { id: string; titleZh: string; titleEn: string; images: string[]; variants: { priceFen: number }[] }[];
};

export type ShowFormDefaults = {
  title: string;
  scheduledAt: string;
  playbackKind: "none" | "hls" | "embed";
  playbackUrl: string;
  recordingUrl: string;
  productIds: string[];
  coverImage: string | null;
};

type Props = {
  id: string;
  lastResult: SubmissionResult<string[]> | undefined;
  defaults: ShowFormDefaults;
  choices: LineUpChoice[];
  submitLabel: string;
  withRecording: boolean;
};

export function ShowForm({ id, lastResult, defaults, choices, submitLabel, withRecording }: Props) {
  const { t } = useTranslation("live");
  const { pick, locale } = usePick();
  const navigation = useNavigation();
  const [kind, setKind] = useState(defaults.playbackKind);
  const { coverImage: _cover, ...defaultValue } = defaults;
  const [form, fields] = useForm<z.input<typeof ShowFormSchema>>({
    id,
    lastResult,
    defaultValue,
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ShowFormSchema }),
  });
  const chosen = new Set(defaults.productIds);
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-5" {...getFormProps(form)}>
      <Field
        label={t("form.title")}
        errors={fields.title.errors}
        {...getInputProps(fields.title, { type: "text" })}
        id={fields.title.id}
      />
      <div>
        <label htmlFor={fields.cover.id} className="block text-sm font-medium text-stone-800">
          {t("form.cover")}
        </label>
        {defaults.coverImage ? (
          <img src={defaults.coverImage} alt="" className="mt-1 h-24 rounded-lg object-cover" />
        ) : null}
        <input
          id={fields.cover.id}
          name={fields.cover.name}
          type="file"
          accept={COVER_TYPES.join(",")}
          aria-describedby={`${fields.cover.id}-hint ${fields.cover.errorId}`}
          className="mt-1 block w-full text-sm"
        />
        <p id={`${fields.cover.id}-hint`} className="mt-1 text-xs text-stone-600">
          {t("form.coverHint")}
        </p>
        <FieldError id={fields.cover.errorId} errors={fields.cover.errors} />
      </div>
      <Field
        label={t("form.scheduledAt")}
        hint={t("form.scheduledAtHint")}
        errors={fields.scheduledAt.errors}
        {...getInputProps(fields.scheduledAt, { type: "datetime-local" })}
        id={fields.scheduledAt.id}
      />
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">{t("form.playback")}</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {(["none", "hls", "embed"] as const).map((value) => (
            <label key={value} className="flex min-h-11 items-center gap-2 text-sm">
              <input
                type="radio"
                name={fields.playbackKind.name}
                value={value}
                defaultChecked={value === defaults.playbackKind}
                onChange={() => setKind(value)}
              />
              {t(`form.playback.${value}`)}
            </label>
          ))}
        </div>
        {kind !== "none" ? (
          <Field
            className="mt-2"
            label={kind === "hls" ? t("form.playbackUrlHls") : t("form.playbackUrlEmbed")}
            errors={fields.playbackUrl.errors}
            {...getInputProps(fields.playbackUrl, { type: "url" })}
            id={fields.playbackUrl.id}
            placeholder={kind === "hls" ? "https://…/live.m3u8" : "https://…"}
          />
        ) : null}
      </fieldset>
      {withRecording ? (
        <Field
          label={t("form.recordingUrl")}
          hint={t("form.recordingHint")}
          errors={fields.recordingUrl.errors}
          {...getInputProps(fields.recordingUrl, { type: "url" })}
          id={fields.recordingUrl.id}
        />
      ) : null}
      <fieldset aria-describedby={fields.productIds.errorId}>
        <legend className="text-sm font-medium text-stone-800">{t("form.lineUp")}</legend>
        <p className="text-xs text-stone-600">{t("form.lineUpHint")}</p>
        <FieldError id={fields.productIds.errorId} errors={fields.productIds.errors} />
        <div className="mt-2 space-y-3">
          {choices.map((workshop) => (
            <details
              key={workshop.id}
              open={workshop.products.some((p) => chosen.has(p.id))}
              className="rounded-xl border border-stone-200 bg-white"
            >
              <summary className="min-h-11 cursor-pointer px-3 py-2.5 font-medium">
                {pick(workshop.nameZh, workshop.nameEn)}{" "}
                <span className="text-sm text-stone-500">({workshop.products.length})</span>
              </summary>
              <ul className="divide-y divide-stone-100 px-3">
                {workshop.products.map((product) => (
                  <li key={product.id}>
                    <label className="flex min-h-11 items-center gap-3 py-2 text-sm">
                      <input
                        type="checkbox"
                        name={fields.productIds.name}
                        value={product.id}
                        defaultChecked={chosen.has(product.id)}
                        className="h-5 w-5"
                      />
                      {product.images[0] ? (
                        <img src={product.images[0]} alt="" className="h-10 w-10 rounded object-cover" />
                      ) : null}
                      <span className="min-w-0 flex-1">{pick(product.titleZh, product.titleEn)}</span>
                      <span className="text-stone-600">
                        {formatMoney(Math.min(...product.variants.map((v) => v.priceFen)), locale)}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </div>
      </fieldset>
      <FieldError id={form.errorId} errors={form.errors} />
      <Button type="submit" className="w-full sm:w-auto" disabled={navigation.state === "submitting"}>
        {submitLabel}
      </Button>
    </Form>
  );
}
