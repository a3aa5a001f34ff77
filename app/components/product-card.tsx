// A product in a grid: picture, title, workshop, price and what kind of product it is.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import type { ProductCard as ProductCardData } from "~/domain/catalogue/catalogue.server";
import { Badge } from "./badge";
import { PriceRange } from "./price";

export function ProductCard({
  product,
  eager = false,
  showWorkshop = true,
}: {
  product: ProductCardData;
  eager?: boolean;
  showWorkshop?: boolean;
}) {
  const { t } = useTranslation("store");
  return (
    <Link
      to={`/products/${product.slug}`}
      className="group flex h-full flex-col overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-stone-200 transition hover:ring-brand-600"
    >
      <div className="relative aspect-[4/3] bg-stone-100">
        {product.image ? (
          <img
            src={product.image}
            alt={product.title}
            width={400}
            height={300}
            loading={eager ? "eager" : "lazy"}
            decoding="async"
            className="h-full w-full object-cover"
          />
        ) : null}
        <div className="absolute left-2 top-2 flex flex-wrap gap-1">
          {product.soldOut ? <Badge tone="muted">{t("badge.soldOut")}</Badge> : null}
          {product.preorder ? <Badge tone="brand">{t("badge.preorder")}</Badge> : null}
          {product.perishable ? <Badge tone="leaf">{t("badge.perishable")}</Badge> : null}
          {product.customisable ? <Badge tone="soft">{t("badge.customisable")}</Badge> : null}
        </div>
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <h3 className="line-clamp-2 text-sm font-medium leading-snug text-stone-900 group-hover:text-brand-700 sm:text-base">
          {product.title}
        </h3>
        {showWorkshop ? <p className="truncate text-xs text-stone-600">{product.workshopName}</p> : null}
        <PriceRange
          minFen={product.minPriceFen}
          maxFen={product.maxPriceFen}
          className="mt-auto pt-1 font-semibold text-brand-700"
        />
      </div>
    </Link>
  );
}

export function ProductGrid({
  products,
  eagerCount = 0,
  showWorkshop = true,
}: {
  products: ProductCardData[];
  eagerCount?: number;
  showWorkshop?: boolean;
}) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((product, index) => (
        <li key={product.id}>
          <ProductCard product={product} eager={index < eagerCount} showWorkshop={showWorkshop} />
        </li>
      ))}
    </ul>
  );
}
