// One illustration per product slug, drawn on a 400×300 stage with the kit of ./art-kit.ts.
import {
  P,
  S,
  C,
  E,
  R,
  G,
  U,
  fade,
  pts,
  LEAF,
  BERRY,
  SAKURA,
  LOQUAT,
  product,
  jar,
  bottle,
  squatJar,
  canopy,
  umbrella,
  closedUmbrella,
  teaTin,
  cup,
  steam,
  jacket,
  cube,
  CUBE,
  pot,
  zongzi,
  type Pic,
} from "./art-kit.ts";

// ---- product illustrations, one per product slug -----------------------------------------------

export const productArt: Record<string, () => Pic> = {
  "duzuo-glutinous-rice-wine": () =>
    product(
      "#f6ede2",
      "#efdcc4",
      jar(
        "#8d5a3b",
        "#c62828",
        "#d32f2f",
        E(192, 176, 5, 9, "#fff") +
          E(206, 172, 5, 9, "#fff", ` transform="rotate(30 206 172)"`) +
          E(200, 190, 5, 9, "#fff", ` transform="rotate(-40 200 190)"`),
        -30,
      ) +
        E(300, 246, 46, 14, "#eceff1") +
        P("M256 232H344Q340 262 300 262Q260 262 256 232Z", "#eceff1") +
        E(300, 232, 44, 9, "#f3e5ab") +
        S("M330 150L300 228", "#8d6e63", 6),
    ),
  "duzuo-zongzi-flower-rice-wine": () =>
    product(
      "#eef3e6",
      "#dbe8c9",
      jar(
        "#5d4037",
        "#2e7d32",
        "#f9a825",
        [0, 1, 2, 3]
          .map((i) => U("sk", `translate(${188 + (i % 2) * 24} ${168 + Math.floor(i / 2) * 24}) scale(.55)`, "#ef6c00"))
          .join(""),
        -24,
      ) +
        U("lf", "translate(262 250) rotate(-60) scale(2.4 1.6)", "#558b2f") +
        U("lf", "translate(276 254) rotate(-35) scale(2.2 1.4)", "#7cb342") +
        zongzi(320, 232, 0.6),
      LEAF + SAKURA,
    ),
  "duzuo-sakura-rice-wine": () =>
    product(
      "#fdeef2",
      "#f9dbe4",
      bottle("#fce4ec", "#f48fb1", "#ad1457", "#fff", 176) +
        U("sk", "translate(176 198) scale(1.3)", "#f8bbd0") +
        G("translate(282 200)", P("M-28-30H28L18 30H-18Z", "#fff", fade(0.8)) + P("M-24-10H24L18 30H-18Z", "#f8bbd0")) +
        pts("96,90 300,90 330,140 110,200 250,60")
          .map(([x, y], i) => U("sk", `translate(${x} ${y}) rotate(${i * 25}) scale(.9)`, "#f8bbd0"))
          .join(""),
      SAKURA,
    ),
  "duzuo-sakura-rice-cake": () =>
    product(
      "#f8f0e6",
      "#f1e0cc",
      R(90, 150, 220, 110, "#c8a06a", 14) +
        R(100, 160, 200, 90, "#e2c18f", 10) +
        [0, 1, 2, 3, 4, 5]
          .map(
            (i) =>
              E(132 + (i % 3) * 68, 182 + Math.floor(i / 3) * 44, 28, 18, "#fffaf2") +
              U("sk", `translate(${132 + (i % 3) * 68} ${180 + Math.floor(i / 3) * 44}) scale(.6)`, "#f48fb1"),
          )
          .join(""),
      SAKURA,
    ),
  "duzuo-new-vat-rice-wine-2027": () =>
    product(
      "#f3ece1",
      "#e6d6bf",
      jar(
        "#a1704a",
        "#b71c1c",
        "#c62828",
        `<text x="200" y="194" font-size="40" font-family="sans-serif" font-weight="700" fill="#fff" text-anchor="middle">4</text>`,
        -40,
      ) +
        R(262, 150, 82, 78, "#fff", 8) +
        R(262, 150, 82, 22, "#e53935", 8) +
        R(262, 162, 82, 10, "#e53935") +
        `<text x="303" y="214" font-size="34" font-family="sans-serif" font-weight="700" fill="#5d4037" text-anchor="middle">21</text>` +
        C(100, 110, 5, "#fff", fade(0.8)) +
        C(86, 86, 3, "#fff", fade(0.8)),
    ),

  "nanyang-folding-umbrella": () =>
    product(
      "#e8eef7",
      "#d5e0f0",
      umbrella(180, 56, 118, 156, ["#2c3e6b", "#3d5291"], "#263238", 8, 236) +
        closedUmbrella(312, 150, 84, "#f48fb1", 10) +
        closedUmbrella(346, 146, 84, "#2e7d5b", 16),
    ),
  "nanyang-long-handle-umbrella": () =>
    product(
      "#f1ece9",
      "#e4d9d3",
      umbrella(190, 48, 140, 158, ["#212121", "#424242"], "#8d5524", 10, 248) +
        closedUmbrella(334, 70, 160, "#8e2443", -8),
    ),
  "nanyang-sun-umbrella": () =>
    product(
      "#fff6e0",
      "#ffe9b3",
      C(86, 70, 24, "#ffb300") +
        S(
          "M86 30V38M86 102V110M46 70H54M118 70H126M58 42L64 48M108 92L114 98M58 98L64 92M108 48L114 42",
          "#ffb300",
          5,
        ) +
        umbrella(214, 64, 124, 160, ["#263238", "#37474f"], "#263238", 6, 240) +
        S("M110 158Q214 132 318 158", "#b0bec5", 4) +
        G("translate(330 230) rotate(-30)", R(-12, -34, 24, 68, "#37474f", 12)),
    ),
  "nanyang-oil-paper-umbrella": () =>
    product(
      "#f7efe3",
      "#eedfc6",
      umbrella(200, 44, 150, 160, ["#f1d39c", "#ebc583"], "#8d6e63", 12, 250) +
        S("M200 44L76 158M200 44L324 158M200 44L138 158M200 44L262 158", "#a1887f", 1.5, fade(0.6)) +
        S("M96 140Q140 110 168 118Q190 96 214 92", "#5d4037", 4) +
        pts("120,128 150,116 176,112 204,96 140,134")
          .map(([x, y]) => C(x, y, 7, "#e57373") + C(x, y, 2, "#fff59d"))
          .join("") +
        C(200, 42, 6, "#c62828"),
    ),
  "nanyang-kids-umbrella": () =>
    product(
      "#e6f4fb",
      "#cbe8f6",
      umbrella(200, 64, 120, 160, ["#ffd54f", "#ffca28"], "#e53935", 6, 228) +
        C(176, 110, 6, "#263238") +
        C(224, 110, 6, "#263238") +
        E(200, 126, 14, 7, "#fb8c00") +
        pts("70,90 330,80 90,200 320,190 350,130")
          .map(([x, y]) => P(`M${x} ${y - 12}Q${x + 8} ${y} ${x} ${y + 6}Q${x - 8} ${y} ${x} ${y - 12}Z`, "#4fc3f7"))
          .join(""),
    ),
  "nanyang-golf-umbrella": () =>
    product(
      "#e9f1fb",
      "#d3e3f6",
      umbrella(200, 56, 170, 158, ["#1565c0", "#ffffff"], "#212121", 8, 248) +
        canopy(200, 40, 36, 62, ["#1565c0", "#fff"], 4),
    ),

  "jingshan-tea-mingqian": () =>
    product(
      "#eef5e9",
      "#dcebd2",
      teaTin(170, "#2e7d32", "#c9a227", "#f5f0dc") +
        S("M268 250Q262 200 282 150", "#558b2f", 4) +
        U("lf", "translate(282 150) rotate(-100) scale(.9 .55)", "#9ccc65") +
        U("lf", "translate(276 176) rotate(-20) scale(1.3)", "#43a047") +
        U("lf", "translate(272 206) rotate(-160) scale(1.3)", "#66bb6a") +
        U("lf", "translate(268 232) rotate(-30) scale(1.1)", "#2e7d32"),
      LEAF,
    ),
  "jingshan-tea-qingming": () =>
    product(
      "#edf4ec",
      "#d9e9d6",
      E(200, 258, 86, 10, "#cfd8dc") +
        P("M150 110H250L238 250Q236 256 228 256H172Q164 256 162 250Z", "#e3f2fd", fade(0.9)) +
        P("M154 144H246L238 250Q236 256 228 256H172Q164 256 162 250Z", "#dce775", fade(0.85)) +
        pts("180,200,-80 200,226,-100 214,178,-70 192,160,-95 226,220,-110")
          .map(([x, y, a]) => U("lf", `translate(${x} ${y}) rotate(${a}) scale(.7)`, "#7cb342"))
          .join("") +
        steam(186, 100) +
        U("lf", "translate(290 244) rotate(-20)", "#558b2f") +
        U("lf", "translate(94 246) rotate(200)", "#689f38"),
      LEAF,
    ),
  "jingshan-tea-everyday": () =>
    product(
      "#f3efe6",
      "#e7dfcf",
      P("M136 96H264L272 258H128Z", "#c9a574") +
        P("M136 96L150 74H250L264 96Z", "#b08a5a") +
        R(166, 140, 68, 80, "#33691e", 30) +
        [0, 1, 2, 3, 4, 5]
          .map((i) =>
            U(
              "lf",
              `translate(${176 + (i % 3) * 16} ${164 + Math.floor(i / 3) * 26}) rotate(${-30 + i * 25}) scale(.6)`,
              "#9ccc65",
            ),
          )
          .join("") +
        S("M136 110H264", "#8d6e63", 5) +
        P("M196 104L184 84M204 104L218 86", "none", ` stroke="#c62828" stroke-width="5"`),
      LEAF,
    ),
  "jingshan-tea-granny-gift": () =>
    product(
      "#f6ebe9",
      "#eed6d2",
      P("M104 120L296 100L300 128L108 148Z", "#8e2b2b") +
        R(100, 150, 200, 106, "#a33a3a", 8) +
        R(110, 160, 180, 86, "#f3e3c3", 4) +
        teaTin(160, "#2e7d32", "#c9a227", "#f5f0dc") +
        G("translate(64 58) scale(.68)", teaTin(210, "#1b5e20", "#c9a227", "#f5f0dc")) +
        cup(268, 230, 0.55, "#a7d7c5", "#c5e1a5") +
        cup(318, 246, 0.55, "#a7d7c5", "#c5e1a5"),
      LEAF,
    ),
  "jingshan-tea-face-mask": () =>
    product(
      "#eaf4ef",
      "#d3eadf",
      P(
        "M200 64C262 64 276 120 270 170C264 226 232 258 200 258C168 258 136 226 130 170C124 120 138 64 200 64Z",
        "#ffffff",
      ) +
        E(172, 140, 16, 8, "#d3eadf") +
        E(228, 140, 16, 8, "#d3eadf") +
        E(200, 210, 20, 7, "#d3eadf") +
        P("M194 160L200 184L206 160", "none", ` stroke="#d3eadf" stroke-width="4"`) +
        U("lf", "translate(258 100) rotate(-40) scale(1.4)", "#43a047") +
        U("lf", "translate(262 110) rotate(10) scale(1.1)", "#81c784") +
        R(296, 170, 56, 84, "#2e7d32", 6) +
        U("lf", "translate(310 214) rotate(-40) scale(.9)", "#c5e1a5"),
      LEAF,
    ),
  "jingshan-tea-mouth-spray": () =>
    product(
      "#eef6f1",
      "#d8ece0",
      R(170, 130, 60, 128, "#66bb6a", 14) +
        R(186, 110, 28, 24, "#eceff1", 4) +
        R(180, 92, 40, 22, "#fafafa", 6) +
        R(214, 98, 22, 8, "#fafafa", 3) +
        R(178, 170, 44, 56, "#f1f8e9", 6) +
        U("lf", "translate(186 206) rotate(-35) scale(.9)", "#2e7d32") +
        pts("252,98,4 266,88,3 272,104,5 290,94,3 288,112,4 306,102,3")
          .map(([x, y, r]) => C(x, y, r, "#81c784", fade(0.7)))
          .join("") +
        S("M214 142V246", "#fff", 5, fade(0.35)),
      LEAF,
    ),

  "osprey-meat-zongzi": () =>
    product(
      "#eef3e4",
      "#dde9cb",
      U("lf", "translate(80 250) rotate(-15) scale(4.6 2.2)", "#8bc34a") +
        zongzi(150, 212, 1.05) +
        zongzi(250, 214, 1.05) +
        zongzi(200, 168, 1.05),
      LEAF,
    ),
  "osprey-salted-duck": () =>
    product(
      "#f4ede4",
      "#e9dccb",
      S("M80 58H320", "#a1887f", 10) +
        S("M200 58V84", "#5d4037", 3) +
        S("M192 84Q200 70 208 84", "#616161", 4) +
        P("M190 86Q200 80 210 86L214 120H186Z", "#9c5424") +
        P("M200 116C268 116 286 170 272 222C262 256 138 256 128 222C114 170 132 116 200 116Z", "#b5652d") +
        E(200, 186, 50, 52, "#d98e4a") +
        S("M200 142V232M158 180H242", "#f0d9a8", 3, fade(0.7)) +
        S("M146 140Q126 190 150 236M254 140Q274 190 250 236", "#7b3f16", 4, fade(0.5)) +
        S("M200 88V118", "#7b3f16", 3) +
        S("M178 250l-8 14M222 250l8 14", "#b5652d", 7),
    ),
  "osprey-tea-cakes": () =>
    product(
      "#f5f1ea",
      "#eae1d3",
      E(180, 222, 128, 38, "#ffffff") +
        E(180, 222, 116, 32, "#e3ecf5") +
        [0, 1, 2, 3, 4]
          .map((i) => {
            const x = 112 + i * 34;
            const y = 204 + (i % 2) * 18;
            return (
              P(`M${x - 18} ${y}L${x} ${y - 10}L${x + 18} ${y}L${x} ${y + 10}Z`, "#fff7e8") +
              P(`M${x - 18} ${y}L${x} ${y + 10}V${y + 22}L${x - 18} ${y + 12}Z`, "#ead8b8") +
              P(`M${x + 18} ${y}L${x} ${y + 10}V${y + 22}L${x + 18} ${y + 12}Z`, "#dcc49c") +
              C(x, y, 3, i % 2 ? "#e53935" : "#8d4a2a")
            );
          })
          .join("") +
        cup(320, 206, 0.62, "#ffffff", "#9ccc65"),
    ),
  "osprey-loquat-leaf-tea": () =>
    product(
      "#f3eee6",
      "#e6dccc",
      G(
        "translate(118 170) rotate(-65) scale(3.6 1.8)",
        `<use href="#lf" fill="#33691e"/>` + S("M2 0H32", "#c5e1a5", 0.6),
      ) +
        G(
          "translate(138 196) rotate(-30) scale(3.2 1.6)",
          `<use href="#lf" fill="#558b2f"/>` + S("M2 0H32", "#c5e1a5", 0.6),
        ) +
        cup(236, 214, 1.05, "#ffffff", "#b5542a") +
        steam(226, 150),
      LEAF,
    ),
  "osprey-silk-floss-quilt": () =>
    product(
      "#f4f1f7",
      "#e6e0ef",
      R(84, 204, 210, 50, "#f7f1e3", 20) +
        R(94, 160, 196, 50, "#fbf7ee", 20) +
        R(104, 118, 180, 48, "#fffdf8", 20) +
        S("M108 228H270M116 184H268M126 142H262", "#c9b98f", 3, ` stroke-dasharray="6 8"`) +
        S("M280 200q10-20 24-8t24-10", "#fffdf5", 3) +
        E(304, 232, 44, 18, "#c8a06a") +
        E(290, 222, 14, 9, "#fffdf5") +
        E(316, 220, 14, 9, "#fffdf5") +
        E(304, 210, 14, 9, "#fffdf5"),
    ),
  "osprey-mulberry-meatballs": () =>
    product(
      "#f3efe7",
      "#e7dfcf",
      E(200, 196, 130, 40, "#c8a06a") +
        P("M70 196V236Q200 290 330 236V196Q200 250 70 196Z", "#b48a50") +
        S("M70 216Q200 270 330 216", "#8d6e63", 3) +
        E(200, 196, 118, 32, "#eadbb8") +
        pts("150,188 200,180 250,188 172,206 228,206 200,198")
          .map(([x, y]) => U("mb", `translate(${x} ${y})`))
          .join(""),
      `<g id="mb">${C(0, 0, 22, "#fffaf0")}${C(0, 0, 22, "#000", fade(0.06))}${S("M-10-8l4 3M6-12l-2 5M10 2l5 2M-4 10l-3 5M-14 4l-4 1M2-2l3 3", "#e0d4b8", 2.5)}</g>`,
    ),

  "jiande-hongyan-strawberry": () =>
    product(
      "#fdeceb",
      "#f9d6d4",
      R(92, 170, 216, 90, "#c62828", 8) +
        R(92, 170, 216, 16, "#8e1c1c", 4) +
        R(188, 170, 24, 90, "#ffca28") +
        pts("128,160 166,152 232,152 270,160 146,136 254,136 200,140")
          .map(([x, y]) => U("b", `translate(${x} ${y}) scale(1.7)`, "#e53935"))
          .join("") +
        P("M200 160Q170 128 186 124Q200 124 200 160Q200 124 214 124Q230 128 200 160Z", "#ffca28"),
      BERRY,
    ),
  "jiande-zhangji-strawberry": () =>
    product(
      "#fdeef0",
      "#f8d9de",
      P("M112 168H288L270 256H130Z", "#f5f5f5", fade(0.95)) +
        pts("140,162 178,160 216,160 254,162 160,140 198,138 236,140")
          .map(([x, y]) => U("b", `translate(${x} ${y}) scale(1.3 2)`, "#ef5350"))
          .join("") +
        P("M112 168H288L270 256H130Z", "#fff", fade(0.35)) +
        S("M122 190H278M126 214H274M128 236H272", "#e0e0e0", 3),
      BERRY,
    ),
  "jiande-white-strawberry": () =>
    product(
      "#f2f1f6",
      "#e2e0ee",
      R(100, 178, 200, 76, "#37474f", 10) +
        pts("140,176 200,176 260,176 170,150 230,150")
          .map(([x, y]) => U("b", `translate(${x} ${y}) scale(2)`, "#fbe3e4"))
          .join("") +
        U("b", "translate(318 236) scale(1.2) rotate(20)", "#f8d3d6"),
      BERRY,
    ),
  "jiande-family-strawberry-box": () =>
    product(
      "#fef1e7",
      "#fbdfc9",
      P("M86 150H314L292 258H108Z", "#c8955a") +
        S("M96 180H304M100 206H300M104 232H296", "#a1733f", 5) +
        S("M140 150L148 258M200 150V258M260 150L252 258", "#a1733f", 4) +
        Array.from({ length: 14 }, (_, i) =>
          U(
            "b",
            `translate(${104 + (i % 7) * 32} ${142 - Math.floor(i / 7) * 18}) rotate(${((i * 37) % 50) - 25}) scale(1.05)`,
            i % 3 ? "#e53935" : "#d32f2f",
          ),
        ).join(""),
      BERRY,
    ),

  "red-feather-short-down-jacket": () =>
    product("#fdeeea", "#f8d9d1", jacket("#e86a5c", { hem: 200, collar: "#d45446" })),
  "red-feather-long-down-coat": () => product("#eceff6", "#d8deec", jacket("#2f3b63", { hem: 262, collar: "#26304f" })),
  "red-feather-mens-hooded-down": () => product("#eef0e6", "#dde1cc", jacket("#6b7a3c", { hem: 222, hood: true })),
  "red-feather-light-down-vest": () =>
    product("#e9f3f8", "#d2e6f0", jacket("#5aa3c7", { hem: 214, sleeves: false, collar: "#4a8fb0" })),
  "red-feather-kids-down-jacket": () =>
    product(
      "#fff6df",
      "#ffeab3",
      G(
        "translate(30 40) scale(.85)",
        jacket("#ffc107", { hem: 214, hood: true }) +
          R(137, 170, 127, 10, "#cfd8dc") +
          R(106, 186, 24, 8, "#cfd8dc") +
          R(270, 186, 24, 8, "#cfd8dc"),
      ),
    ),
  "red-feather-goose-down-parka": () =>
    product("#eff1f3", "#dfe3e7", jacket("#eceae4", { hem: 258, hood: true, trim: "#9e9e9e" })),

  "zhiweihong-brown-sugar-blocks": () =>
    product(
      "#f7ede3",
      "#efdcc8",
      R(96, 236, 208, 18, "#d7b377", 4) +
        S(
          "M112 236V254M136 236V254M160 236V254M184 236V254M208 236V254M232 236V254M256 236V254M280 236V254",
          "#b8925a",
          2,
        ) +
        cube(134, 214) +
        cube(178, 214) +
        cube(222, 214) +
        cube(156, 190) +
        cube(200, 190) +
        cube(178, 166),
      CUBE,
    ),
  "zhiweihong-ginger-brown-sugar": () =>
    product(
      "#f8efe0",
      "#f0dfc2",
      R(112, 110, 120, 150, "#e3f2fd", 18, fade(0.7)) +
        R(108, 96, 128, 22, "#8d6e63", 6) +
        cube(126, 226) +
        cube(166, 226) +
        cube(146, 202) +
        cube(186, 200) +
        cube(130, 178) +
        P(
          "M240 236Q236 214 254 212Q262 196 278 204Q296 194 306 212Q326 214 320 234Q316 252 292 250Q270 258 252 250Q240 250 240 236Z",
          "#d9b77e",
        ) +
        S("M262 222Q272 230 286 224M296 234Q304 240 312 234", "#b8925a", 3),
      CUBE,
    ),
  "zhiweihong-brown-sugar-powder": () =>
    product(
      "#f7efe6",
      "#eedfcf",
      P("M112 196C130 150 270 150 288 196Z", "#8d4a1c") +
        P("M100 196H300Q296 256 200 258Q104 256 100 196Z", "#f5f5f5") +
        S("M100 196H300", "#90caf9", 6) +
        S("M240 170L322 110", "#a1733f", 9) +
        E(232, 176, 16, 10, "#a1733f", ` transform="rotate(-36 232 176)"`) +
        pts("312,250 326,244 86,252 320,256")
          .map(([x, y]) => C(x, y, 3, "#8d4a1c"))
          .join(""),
    ),
  "zhiweihong-gift-box": () =>
    product(
      "#f6ecdf",
      "#ecd9c0",
      R(92, 140, 216, 118, "#d0a86a", 10) +
        S("M92 170H308M92 200H308M92 230H308", "#b48a50", 4) +
        S("M124 140V258M160 140V258M196 140V258M232 140V258M268 140V258", "#b48a50", 4, ` stroke-dasharray="10 10"`) +
        R(184, 140, 32, 118, "#c62828") +
        P("M200 140Q170 108 160 126Q158 140 200 140Q242 140 240 126Q230 108 200 140Z", "#e53935") +
        cube(110, 118) +
        cube(256, 118),
      CUBE,
    ),

  "xiaotong-loquat-syrup": () =>
    product(
      "#fdf3e3",
      "#fae2bd",
      bottle("#ffe0b2", "#e07a16", "#4e342e", "#fff8e1", 180) +
        U("lq", "translate(180 200)") +
        U("lq", "translate(270 236)") +
        U("lq", "translate(292 214)") +
        U("lq", "translate(300 242)") +
        U("lf", "translate(262 206) rotate(-150) scale(1.8 1)", "#33691e"),
      LEAF + LOQUAT,
    ),
  "xiaotong-loquat-paste": () =>
    product(
      "#f9efe4",
      "#f1dcc4",
      squatJar(180, "#bcaaa4", "#7a3b10", "#3e2723", "#fff3e0") +
        U("lq", "translate(180 206)") +
        S("M262 250L330 170", "#bdbdbd", 7) +
        E(258, 254, 16, 9, "#7a3b10", ` transform="rotate(-50 258 254)"`),
      LOQUAT,
    ),
  "xiaotong-loquat-honey": () =>
    product(
      "#fffae8",
      "#fcefc0",
      squatJar(176, "#fff3c4", "#f3c545", "#f9a825", "#fffde7") +
        S("M244 236L312 120", "#a1733f", 7) +
        G(
          "translate(250 226) rotate(-60)",
          R(-16, -10, 32, 20, "#d4a24c", 6) + S("M-8-10V10M0-10V10M8-10V10", "#a1733f", 3),
        ) +
        [0, 1, 2].map((i) => U("sk", `translate(${90 + i * 20} ${100 + (i % 2) * 20}) scale(.6)`, "#fffdf5")).join("") +
        U("sk", "translate(176 208) scale(.9)", "#fff"),
      SAKURA,
    ),
  "xiaotong-fresh-loquats": () =>
    product(
      "#fdf4e6",
      "#fbe4c2",
      E(200, 238, 120, 26, "#c8955a") +
        P("M80 238Q200 300 320 238V226Q200 276 80 226Z", "#a1733f") +
        S("M140 120Q190 110 220 150", "#6d4c41", 5) +
        U("lf", "translate(140 120) rotate(-150) scale(2.6 1.3)", "#2e7d32") +
        U("lf", "translate(146 124) rotate(160) scale(2.4 1.2)", "#558b2f") +
        pts("160,214 192,204 224,214 256,220 176,232 212,236 244,240 208,176 232,186")
          .map(([x, y]) => U("lq", `translate(${x} ${y}) scale(1.3)`))
          .join(""),
      LEAF + LOQUAT,
    ),

  "haining-phalaenopsis": () =>
    product(
      "#f6eef7",
      "#ecdcef",
      pot(200, "#fafafa", 44, 210) +
        U("lf", "translate(196 206) rotate(190) scale(2.4 1.6)", "#2e7d32") +
        U("lf", "translate(204 206) rotate(-10) scale(2.4 1.6)", "#388e3c") +
        S("M200 200Q196 100 270 86", "#558b2f", 4) +
        pts("222,104 248,90 272,86 200,130")
          .map(([x, y]) => U("mo", `translate(${x} ${y})`))
          .join(""),
      LEAF +
        `<g id="mo">${E(-10, -6, 11, 9, "#fff")}${E(10, -6, 11, 9, "#fff")}${E(-8, 8, 8, 9, "#fff")}${E(8, 8, 8, 9, "#fff")}${E(0, 4, 5, 7, "#c2185b")}${C(0, -2, 3, "#ffeb3b")}</g>`,
    ),
  "haining-hydrangea": () =>
    product(
      "#eaf0fa",
      "#d6e1f5",
      pot(200, "#90a4ae", 50, 206) +
        U("lf", "translate(156 196) rotate(200) scale(1.8)", "#388e3c") +
        U("lf", "translate(244 196) rotate(-20) scale(1.8)", "#2e7d32") +
        Array.from({ length: 30 }, (_, i) => {
          const a = i * 2.4;
          const r = 8 + 56 * Math.sqrt(i / 30);
          return C(
            Math.round(200 + r * Math.cos(a)),
            Math.round(138 + r * 0.8 * Math.sin(a)),
            13,
            ["#7986cb", "#9fa8da", "#5c6bc0", "#b39ddb"][i % 4],
          );
        }).join(""),
      LEAF,
    ),
  "haining-succulent-bowl": () =>
    product(
      "#eef4ee",
      "#dbe8db",
      P("M92 206H308Q298 258 200 260Q102 258 92 206Z", "#c97b5a") +
        E(200, 206, 108, 16, "#8d5a3b") +
        U("ro", "translate(150 196)", "#81c784") +
        U("ro", "translate(206 186) scale(1.2)", "#4db6ac") +
        U("ro", "translate(258 198) scale(.9)", "#9575cd") +
        U("ro", "translate(178 210) scale(.7)", "#aed581") +
        U("ro", "translate(234 212) scale(.7)", "#f48fb1"),
      `<g id="ro">${[0, 45, 90, 135, 180, 225, 270, 315].map((a) => E(0, -16, 9, 18, "inherit", ` transform="rotate(${a})"`)).join("")}${[22, 112, 202, 292].map((a) => E(0, -9, 6, 11, "#fff", ` opacity=".25" transform="rotate(${a})"`)).join("")}</g>`,
    ),
  "haining-rose-seedlings": () =>
    product(
      "#fbeff0",
      "#f5dadd",
      [130, 200, 270]
        .map(
          (x, i) =>
            P(`M${x - 26} 214H${x + 26}L${x + 20} 262H${x - 20}Z`, "#263238") +
            S(`M${x} 214Q${x + (i - 1) * 8} 160 ${x} ${110 + i * 14}`, "#558b2f", 4) +
            U("lf", `translate(${x} ${178 - i * 4}) rotate(-30) scale(.8)`, "#43a047") +
            U("lf", `translate(${x} ${160}) rotate(200) scale(.8)`, "#388e3c") +
            C(x, 106 + i * 14, 14, ["#e53935", "#f06292", "#fdd835"][i]) +
            S(`M${x - 6} ${104 + i * 14}q6-6 10 0t-4 6`, "#000", 2, fade(0.25)),
        )
        .join(""),
      LEAF,
    ),
  "haining-jasmine": () =>
    product(
      "#eef5ee",
      "#dbeadb",
      pot(200, "#c97b5a", 50, 210) +
        Array.from({ length: 16 }, (_, i) =>
          U(
            "lf",
            `translate(${200 + Math.round(60 * Math.cos(i * 0.8))} ${140 + Math.round(46 * Math.sin(i * 0.8))}) rotate(${i * 47}) scale(1.1)`,
            i % 2 ? "#2e7d32" : "#43a047",
          ),
        ).join("") +
        pts("170,120 226,110 252,150 150,160 200,150 206,96")
          .map(([x, y]) => U("ja", `translate(${x} ${y}) scale(.8)`, "#ffffff"))
          .join(""),
      LEAF + SAKURA.replace('id="sk"', 'id="ja"').replace("#f06292", "#fff59d"),
    ),

  "zhongdai-sweet-fermented-rice": () =>
    product(
      "#f5f2ea",
      "#e9e3d3",
      squatJar(170, "#e3f2fd", "#fffdf3", "#8d6e63", "#fffdf3") +
        Array.from({ length: 18 }, (_, i) =>
          E(
            126 + (i % 6) * 17,
            186 + Math.floor(i / 6) * 22,
            5,
            3,
            "#e8dcc0",
            ` transform="rotate(${i * 33} ${126 + (i % 6) * 17} ${186 + Math.floor(i / 6) * 22})"`,
          ),
        ).join("") +
        P("M250 214H334Q330 256 292 258Q254 256 250 214Z", "#ffffff") +
        S("M250 214H334", "#90caf9", 5) +
        S("M300 230L340 176", "#bdbdbd", 6),
    ),
};
