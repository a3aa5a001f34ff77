// Open Graph (and Twitter card) tags for a page's link preview in chats: WeChat, Telegram, and the rest.
export type Preview = { type: string; title: string; description: string; url: string; image: string };

export function openGraph(preview: Preview) {
  return [
    { name: "description", content: preview.description },
    { property: "og:type", content: preview.type },
    { property: "og:site_name", content: "村播 Cunbo" },
    { property: "og:title", content: preview.title },
    { property: "og:description", content: preview.description },
    { property: "og:url", content: preview.url },
    { property: "og:image", content: preview.image },
    { property: "og:image:type", content: "image/png" },
    { property: "og:image:width", content: "750" },
    { property: "og:image:height", content: "1200" },
    { name: "twitter:card", content: "summary_large_image" },
    { tagName: "link", rel: "canonical", href: preview.url },
  ];
}
