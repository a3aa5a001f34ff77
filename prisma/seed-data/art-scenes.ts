// Workshop covers (4:3), host avatars (1:1) and show covers (16:9), drawn with the kit of ./art-kit.ts.
import {
  svg,
  P,
  S,
  C,
  E,
  R,
  G,
  U,
  defs,
  fade,
  pts,
  LEAF,
  BERRY,
  LOQUAT,
  jar,
  squatJar,
  canopy,
  umbrella,
  cup,
  steam,
  jacket,
} from "./art-kit.ts";
import { productArt } from "./art-products.ts";

// ---- workshop covers ---------------------------------------------------------------------------

export function landscape(
  sky: string,
  hill1: string,
  hill2: string,
  ground: string,
  body: string,
  shapes = "",
): string {
  return svg(
    400,
    300,
    (shapes ? defs(shapes) : "") +
      R(0, 0, 400, 300, sky) +
      C(330, 60, 26, "#fff8e1", fade(0.9)) +
      P("M0 170Q80 90 170 150T400 120V300H0Z", hill1) +
      P("M0 200Q120 140 240 190T400 170V300H0Z", hill2) +
      R(0, 232, 400, 68, ground) +
      body,
  );
}

// A Jiangnan house: white walls, dark tiled roof, stepped gable.
export const house = (x: number, y: number, s = 1) =>
  G(
    `translate(${x} ${y}) scale(${s})`,
    R(0, 20, 80, 50, "#fafafa") +
      P("M-8 24L40 0L88 24Z", "#455a64") +
      R(-4, 14, 10, 12, "#455a64") +
      R(74, 14, 10, 12, "#455a64") +
      R(30, 42, 20, 28, "#5d4037") +
      R(10, 34, 12, 12, "#90a4ae") +
      R(58, 34, 12, 12, "#90a4ae"),
  );

export const workshopArt: Record<string, () => string> = {
  "duzuo-rice-wine": () =>
    landscape(
      "#f6e7d3",
      "#c5d7a8",
      "#a9c48a",
      "#d8c3a0",
      house(40, 170) +
        [0, 1, 2]
          .map((i) => G(`translate(${140 + i * 76} ${146}) scale(.36)`, jar("#8d5a3b", "#c62828", "#d32f2f", "")))
          .join(""),
    ),
  "nanyang-umbrella": () =>
    landscape(
      "#e3ecf7",
      "#b7cfa8",
      "#98bd8a",
      "#cfd8dc",
      house(300, 166) +
        [0, 1, 2]
          .map((i) =>
            G(
              `translate(${10 + i * 90} ${116 + (i % 2) * 26}) scale(.46)`,
              umbrella(
                200,
                60,
                120,
                160,
                [
                  ["#e53935", "#fff"],
                  ["#1e88e5", "#fff"],
                  ["#fdd835", "#fb8c00"],
                ][i],
                "#37474f",
                6,
                240,
              ),
            ),
          )
          .join(""),
    ),
  "tea-fairy-jingshan": () =>
    landscape(
      "#e6f2ea",
      "#9ccc65",
      "#7cb342",
      "#8bc34a",
      S(
        "M0 206Q100 180 200 206T400 200M0 226Q100 200 200 226T400 220M0 250Q100 224 200 250T400 244M0 276Q100 250 200 276T400 270",
        "#558b2f",
        10,
      ) +
        house(270, 150, 0.8) +
        G("translate(60 120) scale(.5)", cup(0, 0, 1, "#ffffff", "#c5e1a5") + steam(-10, -30)),
    ),
  "osprey-team-dinghe": () =>
    landscape(
      "#e4eef4",
      "#b2cdb0",
      "#9fbf9c",
      "#7fb3d5",
      house(40, 150) +
        house(130, 158, 0.8) +
        S("M0 246Q100 236 200 246T400 246", "#a9d0ea", 4) +
        P("M190 250H330L316 266H204Z", "#6d4c41") +
        S("M250 250V216", "#5d4037", 3) +
        P("M226 240q8-18 22-14l8-6 2 8q-6 14-32 12Z", "#263238") +
        P("M280 244q8-18 22-14l8-6 2 8q-6 14-32 12Z", "#263238"),
    ),
  "berry-good-market": () =>
    landscape(
      "#fdebe8",
      "#c8dfae",
      "#add08a",
      "#c5a47e",
      [0, 1, 2]
        .map(
          (i) =>
            P(`M${20 + i * 110} 252V206Q${70 + i * 110} 150 ${120 + i * 110} 206V252Z`, "#eceff1", fade(0.85)) +
            S(`M${40 + i * 110} 196V252M${70 + i * 110} 180V252M${100 + i * 110} 196V252`, "#b0bec5", 2),
        )
        .join("") +
        R(250, 246, 120, 40, "#c8955a", 4) +
        [0, 1, 2, 3, 4].map((i) => U("b", `translate(${266 + i * 22} 244) scale(1.1)`, "#e53935")).join(""),
      BERRY,
    ),
  "red-feather-live": () =>
    landscape(
      "#f7e6e6",
      "#d7ccc8",
      "#bcaaa4",
      "#eeeeee",
      R(40, 110, 200, 130, "#eceff1") +
        R(40, 100, 200, 18, "#c62828") +
        [0, 1, 2, 3, 4].map((i) => R(54 + i * 36, 132, 24, 30, "#90caf9")).join("") +
        [0, 1, 2, 3, 4].map((i) => R(54 + i * 36, 180, 24, 30, "#90caf9")).join("") +
        S("M260 150H380M270 150V262M370 150V262", "#546e7a", 4) +
        [0, 1, 2]
          .map((i) =>
            G(
              `translate(${208 + i * 40} 130) scale(.36)`,
              jacket(["#e86a5c", "#2f3b63", "#ffc107"][i], { hem: 220, collar: "#0002" }),
            ),
          )
          .join(""),
    ),
  "zhiweihong-brown-sugar": () =>
    landscape(
      "#f4ecdf",
      "#b5cf96",
      "#9bbd7a",
      "#c9b28c",
      [0, 1, 2, 3, 4, 5, 6]
        .map(
          (i) =>
            S(`M${30 + i * 24} 262V${140 + (i % 3) * 14}`, "#6d8b3a", 6) +
            U(
              "lf",
              `translate(${30 + i * 24} ${146 + (i % 3) * 14}) rotate(${i % 2 ? -40 : 220}) scale(1.8 .6)`,
              "#7cb342",
            ),
        )
        .join("") +
        house(214, 166) +
        R(316, 222, 70, 40, "#a1624a", 4) +
        P("M308 224Q351 254 394 224Z", "#37474f") +
        E(351, 224, 40, 6, "#8d4a1c") +
        S("M338 210q-10-16 0-30t0-30M362 206q-10-16 0-30t0-30", "#fff", 6, fade(0.8)),
      LEAF,
    ),
  "xiaotong-sunshine": () =>
    landscape(
      "#fdf3e1",
      "#c7dca5",
      "#a7c783",
      "#d7c09a",
      S("M120 262V170", "#6d4c41", 14) +
        C(120, 140, 66, "#2e7d32") +
        C(80, 160, 40, "#388e3c") +
        C(160, 160, 40, "#388e3c") +
        pts("90,140 130,120 150,156 106,168 70,172 160,128")
          .map(([x, y]) => U("lq", `translate(${x} ${y}) scale(.8)`))
          .join("") +
        house(250, 166),
      LOQUAT,
    ),
  "haining-flowers": () =>
    landscape(
      "#f4eaf6",
      "#c4d9b0",
      "#a9c98f",
      "#b9d6a2",
      P("M20 250V170Q120 100 220 170V250Z", "#eceff1", fade(0.8)) +
        [0, 1, 2, 3, 4, 5, 6, 7]
          .map((i) => C(40 + i * 22, 232, 9, ["#e53935", "#f06292", "#fdd835", "#ab47bc"][i % 4]))
          .join("") +
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
          .map((i) =>
            C(
              250 + (i % 5) * 30,
              250 + Math.floor(i / 5) * 20,
              10,
              ["#7986cb", "#f48fb1", "#fff176", "#ba68c8"][i % 4],
            ),
          )
          .join("") +
        house(270, 160, 0.8),
    ),
  "zhongdai-sweet-rice": () =>
    landscape(
      "#f3eee4",
      "#c5d7a8",
      "#a9c48a",
      "#d8c3a0",
      house(60, 166) +
        house(170, 172, 0.8) +
        G("translate(250 150) scale(.4)", squatJar(200, "#e3f2fd", "#fffdf3", "#8d6e63", "#fffdf3")),
    ),
};

// ---- host avatars (1:1) ------------------------------------------------------------------------

export function avatar(
  bg: string,
  shirt: string,
  skin: string,
  hair: string,
  back: string,
  front: string,
  extra = "",
): string {
  return svg(
    200,
    200,
    R(0, 0, 200, 200, bg) +
      back.replace(/HAIR/g, hair) +
      P("M30 200Q34 150 100 146Q166 150 170 200Z", shirt) +
      R(88, 122, 24, 28, skin, 8) +
      E(100, 96, 40, 46, skin) +
      front.replace(/HAIR/g, hair) +
      E(84, 100, 4, 5, "#3e2723") +
      E(116, 100, 4, 5, "#3e2723") +
      C(76, 116, 7, "#f48fb1", fade(0.45)) +
      C(124, 116, 7, "#f48fb1", fade(0.45)) +
      S("M88 120Q100 130 112 120", "#8d4a3b", 3) +
      extra,
  );
}

export const avatarArt: (() => string)[] = [
  // 1: the tea granny: grey bun, blue-print headscarf, tea-green jacket, a tea sprig.
  () =>
    avatar(
      "#e3f0e0",
      "#6b8f4e",
      "#f2c9a5",
      "#cfd2d4",
      C(100, 44, 20, "HAIR"),
      P("M60 92Q60 48 100 48Q140 48 140 92Q128 66 100 64Q72 66 60 92Z", "HAIR") +
        S("M74 86Q80 82 86 86M114 86Q120 82 126 86", "#9e9e9e", 2),
      S("M150 200V160", "#558b2f", 3) +
        E(142, 164, 10, 5, "#7cb342", ` transform="rotate(-30 142 164)"`) +
        E(158, 172, 10, 5, "#7cb342", ` transform="rotate(30 158 172)"`),
    ),
  // 2: the umbrella sister: black bob, red top, a little umbrella.
  () =>
    avatar(
      "#fdebea",
      "#d84343",
      "#f5cfae",
      "#263238",
      P("M54 130Q50 52 100 48Q150 52 146 130Z", "HAIR"),
      P("M58 96Q62 50 100 50Q140 50 142 96Q120 72 86 78Q70 84 58 96Z", "HAIR"),
      G(
        "translate(136 120) scale(.22)",
        canopy(100, 40, 90, 110, ["#1e88e5", "#90caf9"], 6) + S("M100 110V200", "#37474f", 10),
      ),
    ),
  // 3: the berry brother: short hair, straw hat, green shirt, a strawberry.
  () =>
    avatar(
      "#fdeee6",
      "#43a047",
      "#eebf97",
      "#212121",
      "",
      P("M60 90Q62 56 100 54Q138 56 140 90Q124 70 100 72Q76 70 60 90Z", "HAIR") +
        E(100, 58, 66, 12, "#e6c36a") +
        P("M68 58Q72 20 100 20Q128 20 132 58Z", "#e6c36a") +
        R(70, 44, 60, 8, "#c62828"),
      G(
        "translate(152 164) scale(1.6)",
        `<path d="M-11-5C-11 6-4 13 0 14C4 13 11 6 11-5C11-12-11-12-11-5Z" fill="#e53935"/>` +
          P("M-8-9L-2-7L0-13L2-7L8-9L4-5H-4Z", "#43a047"),
      ),
    ),
  // 4: the trainee host: long ponytail, a padded collar.
  () =>
    avatar(
      "#ebeef8",
      "#5c6bc0",
      "#f6d2b4",
      "#4e342e",
      E(148, 110, 16, 40, "HAIR"),
      P("M58 98Q58 48 100 48Q142 48 142 98Q132 66 100 64Q70 66 58 98Z", "HAIR"),
      S("M48 176Q100 160 152 176", "#3f51b5", 8) + S("M56 190Q100 176 144 190", "#3f51b5", 6),
    ),
];

// ---- show covers (16:9) ------------------------------------------------------------------------

// A live-room scene: a phone framing the host, beside the first and last products of the line-up.
export function showCover(status: string, lineUp: string[], hostAvatar: number, bg: string, accent: string): string {
  const inner = (markup: string) => markup.replace(/^<svg[^>]*>/, "").replace(/<\/svg>\n$/, "");
  const pics = [lineUp[0], lineUp[lineUp.length - 1]].map((slug) => productArt[slug]());
  const shapes = [...new Set(pics.flatMap((pic) => pic.shapes.split(/(?=<(?:path|g) id=")/)).filter(Boolean))].join("");
  const badge =
    status === "live"
      ? R(54, 44, 52, 22, "#ff1744", 11) + C(68, 55, 4, "#fff") + S("M80 50V60M87 47V63M94 51V59", "#fff", 3)
      : status === "scheduled"
        ? R(54, 44, 40, 22, "#fff", 11) +
          C(74, 55, 7, "none", ` stroke="#546e7a" stroke-width="2"`) +
          S("M74 51V55H77", "#546e7a", 2)
        : R(54, 44, 40, 22, "#37474f", 11) + P("M70 48L82 55L70 62Z", "#fff");
  return svg(
    640,
    360,
    (shapes ? defs(shapes) : "") +
      R(0, 0, 640, 360, bg) +
      C(560, 40, 120, accent, fade(0.25)) +
      C(40, 340, 80, accent, fade(0.2)) +
      R(290, 300, 330, 60, "#fff", 0, fade(0.45)) +
      pics.map((pic, i) => G(`translate(${250 + i * 180} 152) scale(.56)`, pic.body)).join("") +
      R(40, 30, 220, 310, "#263238", 24) +
      G(
        "translate(52 44) scale(.98)",
        inner(avatarArt[hostAvatar]()).replace('width="200" height="200" fill', 'width="200" height="290" fill'),
      ) +
      C(150, 318, 10, "#fff", fade(0.8)) +
      [0, 1, 2]
        .map((i) =>
          P(
            `M${224 + i * 6} ${270 - i * 36}c-8-10-22 0-12 10l12 12 12-12c10-10-4-20-12-10Z`,
            "#ff5a7a",
            fade(0.9 - i * 0.25),
          ),
        )
        .join("") +
      badge,
  );
}

export const showPalette: [string, string][] = [
  ["#e7f3e5", "#66bb6a"],
  ["#fde7e6", "#ef5350"],
  ["#e5edf8", "#42a5f5"],
  ["#eef5e3", "#9ccc65"],
  ["#f8ece1", "#ff8a65"],
  ["#f3e9e4", "#8d6e63"],
  ["#fbe9ec", "#ec407a"],
];
