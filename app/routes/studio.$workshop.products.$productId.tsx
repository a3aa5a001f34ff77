// Editing one of this workshop's products: details, variants and prices, attributes, and photos. A product of
// another workshop is not found here, whether it is read or written.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { ProductForm } from "~/components/studio/product-form";
import { ProductImages } from "~/components/studio/product-images";
import { ProductSchema, productFormDefaults, toProductInput } from "~/components/studio/product-schema";
import { StudioHeader } from "~/components/studio/studio-header";
import { InvalidFields, NotFound } from "~/domain/errors.server";
import {
  addProductImage,
  assertRoomForImage,
  moveProductImage,
  removeProductImage,
} from "~/domain/catalogue/product-images.server";
import { getProductForEditing, listCategories, updateProduct } from "~/domain/catalogue/products.server";
import { requireWorkshopMember } from "~/web/auth.server";
import { replyWithFieldErrors } from "~/web/invalid-fields.server";
import { readForm } from "~/web/read-form.server";
import {
  PRODUCT_PHOTO,
  deleteStoredImage,
  isMultipart,
  readImageUpload,
  storeImage,
  uploadDirOf,
} from "~/web/uploaded-image.server";
import { domainErrorResponse } from "~/web/domain-error-answer.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["account", "aftersales", "checkout", "live", "reviews", "studio"] };
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

// Another workshop's product answers exactly like one that does not exist.
async function orNotFound<T>(request: Request, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw await domainErrorResponse(error, request, { only: [NotFound], text: "Product not found" });
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop } = await requireWorkshopMember(request, params.workshop ?? "");
  const product = await orNotFound(request, getProductForEditing(workshop.id, params.productId ?? ""));
  return {
    workshop: { slug: workshop.slug, nameZh: workshop.nameZh, nameEn: workshop.nameEn, status: workshop.status },
    pageTitle: await pageTitle(request, (t, locale) =>
      t("studio:product.editTitle", { title: locale === "en" ? product.titleEn : product.titleZh }),
    ),
    product: {
      id: product.id,
      slug: product.slug,
      titleZh: product.titleZh,
      titleEn: product.titleEn,
      status: product.status,
      images: product.images,
      // Remounts the editor when saving changed which variants exist or their stock, so hidden ids stay true.
      formKey: product.variants.map((v) => `${v.id}:${v.stock}`).join(","),
    },
    defaultValue: productFormDefaults(product),
    categories: await listCategories(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { workshop } = await requireWorkshopMember(request, params.workshop ?? "");
  const productId = params.productId ?? "";
  const here = `/studio/${workshop.slug}/products/${productId}`;
  const uploadDir = uploadDirOf(context);

  if (isMultipart(request)) {
    try {
      // Checked before reading the file, so nothing is stored for a product that is not this workshop's.
      await orNotFound(request, assertRoomForImage(workshop.id, productId));
      const { bytes } = await readImageUpload(request, PRODUCT_PHOTO);
      const url = await storeImage(uploadDir, bytes, PRODUCT_PHOTO);
      await orNotFound(request, addProductImage(workshop.id, productId, url)).catch(async (error) => {
        await deleteStoredImage(uploadDir, url);
        throw error;
      });
      return redirect(`${here}?saved=images#images`);
    } catch (error) {
      if (error instanceof InvalidFields) {
        return data({ imageError: Object.values(error.fields)[0]?.[0] ?? "studio:image.error.type" }, { status: 400 });
      }
      throw error;
    }
  }

  const formData = await readForm(request);
  const intent = formData.get("intent");
  const image = String(formData.get("image") ?? "");
  if (intent === "image-move-up" || intent === "image-move-down") {
    await orNotFound(
      request,
      moveProductImage(workshop.id, productId, image, intent === "image-move-up" ? "up" : "down"),
    );
    return redirect(`${here}?saved=images#images`);
  }
  if (intent === "image-remove") {
    await orNotFound(request, removeProductImage(workshop.id, productId, image));
    // Only after the product no longer shows it; a file left behind by a crash is harmless, a missing one is not.
    await deleteStoredImage(uploadDir, image);
    return redirect(`${here}?saved=images#images`);
  }

  const submission = parseWithZod(formData, { schema: ProductSchema });
  if (submission.status !== "success") {
    // Refusing a malformed save of another workshop's product would still reveal it exists: check first.
    await orNotFound(request, getProductForEditing(workshop.id, productId));
    return data(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  }
  try {
    await orNotFound(request, updateProduct(workshop.id, productId, toProductInput(submission.value)));
    return redirect(`${here}?saved=product`);
  } catch (error) {
    if (error instanceof InvalidFields) return data(replyWithFieldErrors(submission, error), { status: 400 });
    throw error;
  }
}

export default function EditProduct() {
  const { t, i18n } = useTranslation("studio");
  const { workshop, product, defaultValue, categories } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("saved");
  const lastResult = actionData && !("imageError" in actionData) ? actionData : null;
  const imageError = actionData && "imageError" in actionData ? actionData.imageError : null;
  const title = i18n.language === "en" ? product.titleEn : product.titleZh;
  const savedText =
    saved === "created"
      ? t("product.created")
      : saved === "images"
        ? t("image.saved")
        : saved
          ? t("product.saved")
          : null;
  return (
    <main id="main" className="mx-auto max-w-5xl space-y-5 px-4 py-6">
      <div>
        <StudioHeader workshop={workshop} />
        <h2 className="text-xl font-semibold">{t("product.editTitle", { title })}</h2>
        {workshop.status === "approved" && product.status === "active" ? (
          <Link to={`/products/${product.slug}`} className="mt-1 inline-block text-sm text-brand-700 underline">
            {t("product.viewInStore")}
          </Link>
        ) : null}
        {savedText && !actionData ? (
          <p
            role="status"
            className="mt-3 rounded-lg border border-leaf-600/30 bg-leaf-600/10 px-3 py-2 font-medium text-leaf-700"
          >
            ✓ {savedText}
          </p>
        ) : null}
      </div>
      <ProductForm
        key={product.formKey}
        id="product-edit"
        lastResult={lastResult}
        defaultValue={defaultValue}
        categories={categories}
        submitLabel={t("product.save")}
      />
      <ProductImages images={product.images} title={title} error={imageError} />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
