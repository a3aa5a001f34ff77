// A new product for this workshop: saved, it opens in the editor, where photos can be added.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { ProductForm } from "~/components/studio/product-form";
import { ProductSchema, toProductInput } from "~/components/studio/product-schema";
import { StudioHeader } from "~/components/studio/studio-header";
import { InvalidFields } from "~/domain/errors.server";
import { createProduct, listCategories } from "~/domain/catalogue/products.server";
import { requireWorkshopMember } from "~/web/auth.server";
import { replyWithFieldErrors } from "~/web/invalid-fields.server";
import { readForm } from "~/web/read-form.server";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["account", "checkout", "studio"] };
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop } = await requireWorkshopMember(request, params.workshop ?? "");
  return {
    workshop: { slug: workshop.slug, nameZh: workshop.nameZh, nameEn: workshop.nameEn, status: workshop.status },
    pageTitle: await pageTitle(request, (t) => `${t("studio:product.newTitle")} · ${t("studio:index.title")}`),
    categories: await listCategories(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workshop } = await requireWorkshopMember(request, params.workshop ?? "");
  const submission = parseWithZod(await readForm(request), { schema: ProductSchema });
  // A list button (add/remove a row) comes back with the form as it should now look.
  if (submission.status !== "success") {
    return data(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  }
  try {
    const product = await createProduct(workshop.id, toProductInput(submission.value));
    return redirect(`/studio/${workshop.slug}/products/${product.id}?saved=created`);
  } catch (error) {
    if (error instanceof InvalidFields) return data(replyWithFieldErrors(submission, error), { status: 400 });
    throw error;
  }
}

export default function NewProduct() {
  const { t } = useTranslation("studio");
  const { workshop, categories } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 pt-6">
      <StudioHeader workshop={workshop} />
      <h2 className="mb-1 text-xl font-semibold">{t("product.newTitle")}</h2>
      <p className="mb-4 text-sm text-stone-600">{t("product.newHint")}</p>
      <ProductForm
        id="product-new"
        lastResult={lastResult}
        categories={categories}
        submitLabel={t("product.create")}
        defaultValue={{ status: "draft", variants: [{ stock: 0, weightGrams: 0 }], attributes: [] }}
      />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
