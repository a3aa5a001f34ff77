// The catalogue's categories, bilingual, in display order.

/** `alcohol`: its products carry the notice that minors may not buy them (未成年人禁止饮酒). */
export type CategorySeed = { slug: string; nameZh: string; nameEn: string; alcohol?: boolean };

export const categories: CategorySeed[] = [
  { slug: "rice-wine", nameZh: "米酒", nameEn: "Rice wine", alcohol: true },
  { slug: "umbrellas", nameZh: "雨伞", nameEn: "Umbrellas" },
  { slug: "tea", nameZh: "茶", nameEn: "Tea" },
  { slug: "tea-care", nameZh: "茶萃个护", nameEn: "Tea care" },
  { slug: "fresh-fruit", nameZh: "鲜果", nameEn: "Fresh fruit" },
  { slug: "clothing", nameZh: "服装", nameEn: "Clothing" },
  { slug: "local-food", nameZh: "地方特产", nameEn: "Local food" },
  { slug: "crafts", nameZh: "手工艺", nameEn: "Crafts" },
  { slug: "flowers", nameZh: "花卉", nameEn: "Flowers" },
];
