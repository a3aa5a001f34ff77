// The catalogue's categories, bilingual, in display order.

export type CategorySeed = { slug: string; nameZh: string; nameEn: string };

export const categories: CategorySeed[] = [
  { slug: "rice-wine", nameZh: "米酒", nameEn: "Rice wine" },
  { slug: "umbrellas", nameZh: "雨伞", nameEn: "Umbrellas" },
  { slug: "tea", nameZh: "茶", nameEn: "Tea" },
  { slug: "tea-care", nameZh: "茶萃个护", nameEn: "Tea care" },
  { slug: "fresh-fruit", nameZh: "鲜果", nameEn: "Fresh fruit" },
  { slug: "clothing", nameZh: "服装", nameEn: "Clothing" },
  { slug: "local-food", nameZh: "地方特产", nameEn: "Local food" },
  { slug: "crafts", nameZh: "手工艺", nameEn: "Crafts" },
  { slug: "flowers", nameZh: "花卉", nameEn: "Flowers" },
];
