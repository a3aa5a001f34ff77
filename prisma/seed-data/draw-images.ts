// Draws the seed's illustrations (products, workshop covers, show covers, host avatars) as small
// self-contained SVG files in public/images. Run: `npx tsx prisma/seed-data/draw-images.ts`.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { hosts } from "./people.ts";
import { products } from "./products.ts";
import { shows } from "./shows.ts";
import { workshops } from "./workshops.ts";
import { productSvg } from "./art-kit.ts";
import { productArt } from "./art-products.ts";
import { avatarArt, showCover, showPalette, workshopArt } from "./art-scenes.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../public/images");

function write(path: string, content: string): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  if (content.length > 3500) console.warn(`${path} is ${content.length} bytes`);
}

for (const p of products) {
  const draw = productArt[p.slug];
  if (!draw) throw new Error(`No illustration for product ${p.slug}`);
  write(`products/${p.slug}.svg`, productSvg(draw()));
}
for (const w of workshops) {
  const draw = workshopArt[w.slug];
  if (!draw) throw new Error(`No illustration for workshop ${w.slug}`);
  write(`workshops/${w.slug}.svg`, draw());
}
hosts.forEach((h, i) => write(h.avatar.replace("/images/", ""), avatarArt[i]()));
shows.forEach((s, i) => {
  const hostIndex = hosts.findIndex((h) => h.email === s.host);
  const [bg, accent] = showPalette[i % showPalette.length];
  write(s.coverImage.replace("/images/", ""), showCover(s.status, s.lineUp, hostIndex, bg, accent));
});
console.log(
  `Drew ${products.length} products, ${workshops.length} workshops, ${hosts.length} hosts, ${shows.length} shows.`,
);
