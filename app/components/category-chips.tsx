// Categories as tappable chips leading to the search page filtered by each.
import { Link } from "@remix-run/react";
import type { CategoryChip } from "~/domain/catalogue/catalogue.server";

export function CategoryChips({ categories }: { categories: CategoryChip[] }) {
  return (
    <ul className="flex flex-wrap gap-2">
      {categories
        .filter((category) => category.productCount > 0)
        .map((category) => (
          <li key={category.slug}>
            <Link
              to={`/search?category=${encodeURIComponent(category.slug)}`}
              className="inline-flex min-h-11 items-center gap-1.5 rounded-full bg-white px-4 text-sm font-medium text-stone-800 shadow-sm ring-1 ring-stone-300 transition hover:bg-brand-50 hover:text-brand-700 hover:ring-brand-600"
            >
              {category.name}
              <span className="text-xs font-normal text-stone-500">{category.productCount}</span>
            </Link>
          </li>
        ))}
    </ul>
  );
}
