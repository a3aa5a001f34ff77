// Drawing kit for the seed illustrations: SVG primitives, shared shapes and reusable objects (jars, umbrellas, jackets…).

// ---- primitives --------------------------------------------------------------------------------

export const svg = (w: number, h: number, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">${body}</svg>\n`;
export const P = (d: string, fill: string, x = "") => `<path d="${d}" fill="${fill}"${x}/>`;
export const S = (d: string, stroke: string, w: number, x = "") =>
  `<path d="${d}" fill="none" stroke="${stroke}" stroke-width="${w}" stroke-linecap="round"${x}/>`;
export const C = (cx: number, cy: number, r: number, fill: string, x = "") =>
  `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}"${x}/>`;
export const E = (cx: number, cy: number, rx: number, ry: number, fill: string, x = "") =>
  `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="${fill}"${x}/>`;
export const R = (x: number, y: number, w: number, h: number, fill: string, rx = 0, extra = "") =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}"${rx ? ` rx="${rx}"` : ""} fill="${fill}"${extra}/>`;
export const G = (t: string, body: string) => `<g transform="${t}">${body}</g>`;
export const U = (id: string, t: string, fill?: string) =>
  `<use href="#${id}" transform="${t}"${fill ? ` fill="${fill}"` : ""}/>`;
export const defs = (body: string) => `<defs>${body}</defs>`;
export const fade = (o: number) => ` opacity="${o}"`;
// "x,y x,y …" → [[x, y], …], to keep lists of positions on one line.
export const pts = (list: string) => list.split(" ").map((pair) => pair.split(",").map(Number));

// Reusable shapes; a shape without its own fill takes the fill of the <use> that places it.
export const LEAF = `<path id="lf" d="M0 0Q16-12 34 0Q16 12 0 0Z"/>`;
export const BERRY = `<g id="b"><path d="M-11-5C-11 6-4 13 0 14C4 13 11 6 11-5C11-12-11-12-11-5Z"/>${C(-4, 0, 1, "#ffe082")}${C(4, -1, 1, "#ffe082")}${C(0, 6, 1, "#ffe082")}${C(-5, 6, 1, "#ffe082")}${C(5, 5, 1, "#ffe082")}${P("M-8-9L-2-7L0-13L2-7L8-9L4-5H-4Z", "#43a047")}</g>`;
export const SAKURA = `<g id="sk">${[0, 72, 144, 216, 288].map((a) => E(0, -7, 5, 7, "inherit", ` transform="rotate(${a})"`)).join("")}${C(0, 0, 3, "#f06292")}</g>`;
export const LOQUAT = `<g id="lq">${E(0, 0, 12, 14, "#f59b1c")}${E(-4, -5, 4, 5, "#ffc46b")}${C(0, 13, 2, "#6d4c41")}</g>`;

// A product picture: the object drawn on a 400×300 stage, its background, and the shapes it reuses.
export type Pic = { bg: string; halo: string; body: string; shapes: string };
export const product = (bg: string, halo: string, body: string, shapes = ""): Pic => ({ bg, halo, body, shapes });
export const productSvg = (pic: Pic) =>
  svg(
    400,
    300,
    (pic.shapes ? defs(pic.shapes) : "") +
      R(0, 0, 400, 300, pic.bg) +
      C(200, 150, 120, pic.halo) +
      E(200, 262, 120, 12, "#000", fade(0.08)) +
      pic.body,
  );

// ---- product pieces ----------------------------------------------------------------------------

export function jar(body: string, cap: string, label: string, motif: string, x = 0): string {
  return G(
    `translate(${x} 0)`,
    P("M152 112Q112 150 128 236Q136 262 200 262Q264 262 272 236Q288 150 248 112Z", body) +
      P("M152 112Q112 150 128 236Q136 262 172 262Q138 200 168 112Z", "#000", fade(0.18)) +
      S("M248 132Q268 170 258 228", "#fff", 8, fade(0.25)) +
      R(172, 94, 56, 22, body, 6) +
      P("M156 102Q200 56 244 102L250 114Q200 102 150 114Z", cap) +
      S("M154 110Q200 100 246 110", "#5d4037", 4) +
      `<rect x="172" y="152" width="56" height="56" transform="rotate(45 200 180)" fill="${label}"/>` +
      motif,
  );
}

export function bottle(glass: string, liquid: string, cap: string, label: string, x = 200): string {
  const o = x - 200;
  return G(
    `translate(${o} 0)`,
    P("M170 126Q170 104 186 96V62H214V96Q230 104 230 126V248Q230 262 216 262H184Q170 262 170 248Z", glass) +
      P("M170 140H230V248Q230 262 216 262H184Q170 262 170 248Z", liquid) +
      R(182, 48, 36, 18, cap, 4) +
      R(174, 170, 52, 56, label, 6) +
      S("M222 132V240", "#fff", 5, fade(0.4)),
  );
}

export function squatJar(x: number, glass: string, fill: string, lid: string, label: string): string {
  return (
    R(x - 62, 142, 124, 118, glass, 26) +
    R(x - 56, 168, 112, 88, fill, 22) +
    R(x - 66, 122, 132, 28, lid, 8) +
    R(x - 44, 184, 88, 44, label, 6) +
    S(`M${x + 48} 166V236`, "#fff", 6, fade(0.35))
  );
}

export function canopy(cx: number, top: number, w: number, base: number, colors: string[], n = 8): string {
  const xs = Array.from({ length: n + 1 }, (_, i) => Math.round(cx - w + (2 * w * i) / n));
  const k = top + Math.round((base - top) * 0.15);
  const dip = Math.round((base - top) * 0.14);
  let out = "";
  for (let i = 0; i < n; i++) {
    const [a, b] = [xs[i], xs[i + 1]];
    out += P(
      `M${cx} ${top}Q${a} ${k} ${a} ${base}Q${(a + b) / 2} ${base - dip} ${b} ${base}Q${b} ${k} ${cx} ${top}Z`,
      colors[i % colors.length],
    );
  }
  return out;
}

export function umbrella(
  cx: number,
  top: number,
  w: number,
  base: number,
  colors: string[],
  handle: string,
  n = 8,
  bottom = 250,
): string {
  return (
    S(`M${cx} ${top - 14}V${bottom}`, "#455a64", 5) +
    canopy(cx, top, w, base, colors, n) +
    S(
      `M${cx} ${bottom - 20}V${bottom}Q${cx} ${bottom + 18} ${cx - 16} ${bottom + 18}Q${cx - 30} ${bottom + 18} ${cx - 30} ${bottom + 4}`,
      handle,
      10,
    )
  );
}

export const closedUmbrella = (x: number, y: number, len: number, color: string, angle: number) =>
  G(
    `translate(${x} ${y}) rotate(${angle})`,
    P(`M-14 0Q0-8 14 0L4 ${len}H-4Z`, color) + S(`M0 ${len}V${len + 22}`, "#5d4037", 8) + S("M0 0V-14", "#455a64", 4),
  );

export function teaTin(x: number, body: string, lid: string, label: string): string {
  return (
    R(x - 40, 120, 80, 136, body, 8) +
    E(x, 120, 40, 10, body) +
    R(x - 43, 104, 86, 24, lid, 6) +
    R(x - 40, 168, 80, 48, label) +
    U("lf", `translate(${x - 17} 194) rotate(-30)`, "#2e7d32") +
    U("lf", `translate(${x - 4} 196) rotate(-70) scale(.8)`, "#66bb6a") +
    S(`M${x + 30} 130V246`, "#fff", 5, fade(0.3))
  );
}

export function cup(x: number, y: number, s: number, body: string, tea: string): string {
  return G(
    `translate(${x} ${y}) scale(${s})`,
    E(0, 30, 46, 8, "#000", fade(0.1)) +
      P("M-40-18H40L30 22Q26 30 16 30H-16Q-26 30-30 22Z", body) +
      E(0, -18, 40, 9, tea) +
      S("M40-8Q58-6 52 10Q48 18 34 18", body, 7),
  );
}

export function steam(x: number, y: number): string {
  return S(`M${x} ${y}q-10-14 0-28t0-28M${x + 18} ${y - 6}q-10-14 0-28t0-28`, "#90a4ae", 4, fade(0.6));
}

export function jacket(
  fill: string,
  o: { hem: number; hood?: boolean; sleeves?: boolean; collar?: string; trim?: string },
): string {
  const { hem } = o;
  const dark = ` stroke="#000" stroke-opacity=".18"`;
  let quilt = "";
  for (let y = 108; y < hem - 8; y += 26) quilt += `M142 ${y}H258`;
  const sleeves =
    o.sleeves === false
      ? ""
      : P("M146 84L104 206L130 214L156 132Z", fill) +
        P("M254 84L296 206L270 214L244 132Z", fill) +
        S("M120 150L140 158M112 176L134 184M280 150L260 158M288 176L266 184", "#000", 3, fade(0.18));
  return (
    (o.hood
      ? P("M164 90Q160 40 200 38Q240 40 236 90Z", o.trim ?? fill) +
        P("M174 90Q172 54 200 52Q228 54 226 90Z", "#000", fade(0.25))
      : "") +
    sleeves +
    P(`M162 76L238 76L264 98L260 ${hem}Q200 ${hem + 10} 140 ${hem}L136 98Z`, fill) +
    (o.sleeves === false
      ? P("M136 98Q156 120 150 148L138 150ZM264 98Q244 120 250 148L262 150Z", "#000", fade(0.2))
      : "") +
    S(quilt, "#000", 3, fade(0.16)) +
    S(`M200 80V${hem + 4}`, "#37474f", 3) +
    (o.collar ? R(172, 62, 56, 20, o.collar, 6, dark) : "") +
    (o.trim && o.hood ? S("M164 90Q160 40 200 38Q240 40 236 90", "#bdbdbd", 12, ` stroke-dasharray="2 6"`) : "")
  );
}

export function cube(x: number, y: number): string {
  return U("q", `translate(${x} ${y})`);
}
export const CUBE = `<g id="q">${P("M0 0L22-11L44 0L22 11Z", "#c98544")}${P("M0 0L22 11V35L0 24Z", "#7b3f16")}${P("M44 0L22 11V35L44 24Z", "#9c5424")}</g>`;

export function pot(x: number, color: string, w = 52, top = 200): string {
  return (
    P(`M${x - w} ${top}H${x + w}L${x + w - 12} 262H${x - w + 12}Z`, color) +
    R(x - w - 6, top - 8, 2 * w + 12, 18, color, 4) +
    R(x - w - 6, top - 8, 2 * w + 12, 18, "#000", 4, fade(0.12))
  );
}

export function zongzi(x: number, y: number, s: number): string {
  return G(
    `translate(${x} ${y}) scale(${s})`,
    P("M0-44L40 28H-40Z", "#5c8f3a") +
      P("M0-44L40 28L8 20Z", "#3f6e25") +
      P("M0-44L-40 28L-10 18Z", "#7cb24f") +
      S("M-26 6L24 -2M-34 18L34 14", "#8d6e63", 4),
  );
}
