// A product's share poster (PNG): title, workshop and village, the lowest price and a QR code to the product page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getProduct } from "~/domain/catalogue/catalogue.server";
import { getLocale, translator } from "~/lib/locale.server";
import { formatMoney } from "~/lib/money";
import { invariantResponse } from "~/web/http.server";
import { posterResponse } from "~/web/poster-answer.server";
import { siteOrigin } from "~/web/site-origin.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const t = translator(locale);
  const product = await getProduct(params.slug ?? "", locale);
  invariantResponse(product, t("store:product.notFound"));
  const prices = product.variants.map((variant) => variant.priceFen);
  return posterResponse(
    request,
    {
      brand: t("notices:poster.brand"),
      badge: t("notices:poster.productBadge"),
      title: product.title,
      lines: [t("notices:poster.workshop", { workshop: product.workshop.name, village: product.workshop.village })],
      price: prices.length ? t("notices:poster.priceFrom", { price: formatMoney(Math.min(...prices), locale) }) : null,
      url: `${siteOrigin(request)}/products/${product.slug}`,
      caption: t("notices:poster.productCaption"),
    },
    product.images[0] ?? null,
  );
}
