// A product's photos in the studio: upload (multipart), move earlier or later, remove. Each action is its own
// small form, so it all works without JavaScript; the first photo is the cover.
import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { FieldError } from "~/components/ui/field";
import { MAX_IMAGES } from "~/domain/catalogue/limits";
import { StudioButton, controlClass } from "./controls";

type Props = { images: string[]; title: string; error?: string | null };

function ImageAction({
  intent,
  image,
  label,
  ariaLabel,
  disabled,
  tone = "secondary",
}: {
  intent: string;
  image: string;
  label: string;
  ariaLabel: string;
  disabled?: boolean;
  tone?: "secondary" | "danger";
}) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="image" value={image} />
      <StudioButton
        tone={tone}
        type="submit"
        disabled={disabled}
        aria-label={ariaLabel}
        className="w-full px-3 text-sm"
      >
        {label}
      </StudioButton>
    </Form>
  );
}

export function ProductImages({ images, title, error }: Props) {
  const { t } = useTranslation("studio");
  const full = images.length >= MAX_IMAGES;
  return (
    <section id="images" className="rounded-2xl border border-stone-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 className="text-lg font-semibold text-stone-900">{t("image.section")}</h2>
      <p className="mt-1 text-sm text-stone-600">{t("image.hint", { max: MAX_IMAGES })}</p>
      {images.length === 0 ? <p className="mt-4 text-stone-700">{t("image.none")}</p> : null}
      <ol className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {images.map((image, index) => (
          <li key={image} className="flex gap-3 rounded-xl border border-stone-200 p-2 lg:flex-col">
            <div className="relative w-28 shrink-0 lg:w-full">
              <img
                src={image}
                alt={t("image.alt", { title, n: index + 1 })}
                className="aspect-square w-full rounded-lg bg-stone-100 object-cover"
                loading="lazy"
              />
              {index === 0 ? (
                <span className="absolute left-1 top-1 rounded-full bg-brand-600 px-2 py-0.5 text-xs font-medium text-white">
                  {t("image.cover")}
                </span>
              ) : null}
            </div>
            <div className="grid flex-1 grid-cols-2 content-start gap-2">
              <ImageAction
                intent="image-move-up"
                image={image}
                label={t("image.moveUp")}
                ariaLabel={t("image.moveUpLabel", { n: index + 1 })}
                disabled={index === 0}
              />
              <ImageAction
                intent="image-move-down"
                image={image}
                label={t("image.moveDown")}
                ariaLabel={t("image.moveDownLabel", { n: index + 1 })}
                disabled={index === images.length - 1}
              />
              <div className="col-span-2">
                <ImageAction
                  intent="image-remove"
                  image={image}
                  label={t("image.remove")}
                  ariaLabel={t("image.removeLabel", { n: index + 1 })}
                  tone="danger"
                />
              </div>
            </div>
          </li>
        ))}
      </ol>
      <Form method="post" encType="multipart/form-data" className="mt-4 space-y-2" preventScrollReset>
        <input type="hidden" name="intent" value="image-upload" />
        <label htmlFor="image-file" className="block text-sm font-medium text-stone-800">
          {t("image.file")}
        </label>
        <input
          id="image-file"
          name="image"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          required
          disabled={full}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "image-file-error" : undefined}
          className={`${controlClass} file:mr-3 file:rounded-full file:border-0 file:bg-brand-100 file:px-4 file:py-2 file:text-brand-700`}
        />
        <FieldError id="image-file-error" errors={error ? [t(error)] : undefined} />
        <StudioButton type="submit" tone="secondary" disabled={full} className="w-full sm:w-auto">
          {full ? t("image.full", { max: MAX_IMAGES }) : t("image.upload")}
        </StudioButton>
      </Form>
    </section>
  );
}
