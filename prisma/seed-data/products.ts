// The demo catalogue: what each workshop of ./workshops.ts sells, with variants priced in fen.
// Market prices (before the 共富价 premium) are derived from the workshop's premium rate when seeding.

export type AttributeSeed = { labelZh: string; labelEn: string; valueZh: string; valueEn: string };

export type VariantSeed = {
  sku: string;
  nameZh: string;
  nameEn: string;
  priceFen: number;
  stock: number;
  weightGrams: number;
};

// A pre-order batch (e.g. one vat), ready this many days after seeding; capacity in the product's unit.
export type BatchSeed = { nameZh: string; nameEn: string; readyInDays: number; capacity: number };

export type ProductSeed = {
  slug: string;
  workshop: string;
  category: string;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  attributes: AttributeSeed[];
  perishable?: boolean;
  preorder?: boolean;
  customisable?: boolean;
  customisationPromptZh?: string;
  customisationPromptEn?: string;
  status?: "draft" | "active";
  variants: VariantSeed[];
  batch?: BatchSeed;
};

type Label = readonly [zh: string, en: string];
const NET = ["净含量", "Net weight"] as const;
const ALCOHOL = ["酒精度", "Alcohol"] as const;
const SHELF = ["保质期", "Shelf life"] as const;
const HARVEST = ["采摘", "Harvest"] as const;
const GRADE = ["等级", "Grade"] as const;
const FILL_WEIGHT = ["充绒量", "Fill weight"] as const;
const FILL = ["填充物", "Fill"] as const;
const FABRIC = ["面料", "Fabric"] as const;
const CUT = ["版型", "Cut"] as const;
const CANOPY = ["伞面", "Canopy"] as const;
const RIBS = ["伞骨", "Ribs"] as const;
const SPAN = ["伞面直径", "Span"] as const;
const FRUIT = ["单果", "Fruit size"] as const;
const ORIGIN = ["产地", "Origin"] as const;
const STORAGE = ["储存", "Storage"] as const;
const SIZE = ["规格", "Size"] as const;
const INGREDIENTS = ["配料", "Ingredients"] as const;

function a(label: Label, valueZh: string, valueEn: string = valueZh): AttributeSeed {
  return { labelZh: label[0], labelEn: label[1], valueZh, valueEn };
}

function v(sku: string, nameZh: string, nameEn: string, yuan: number, stock: number, weightGrams: number): VariantSeed {
  return { sku, nameZh, nameEn, priceFen: Math.round(yuan * 100), stock, weightGrams };
}

const sizes = (sku: string, yuan: number, stocks: number[], grams: number, names = ["S", "M", "L", "XL"]) =>
  names.map((n, i) => v(`${sku}-${n}`, n, n, yuan, stocks[i], grams));

const duzuo: ProductSeed[] = [
  {
    slug: "duzuo-glutinous-rice-wine",
    workshop: "duzuo-rice-wine",
    category: "rice-wine",
    titleZh: "钟埭老法糯米酒",
    titleEn: "Zhongdai traditional glutinous rice wine",
    descriptionZh: "本地糯米浸泡、蒸饭、拌曲，在大缸里发酵四十天，论斤打装。口感清甜带微酸，冰镇或温热都好喝。",
    descriptionEn:
      "Local glutinous rice soaked, steamed, mixed with wine yeast and fermented forty days in big vats, then filled by the jin. Sweet with a light tang; good chilled or warmed.",
    attributes: [a(NET, "500 ml/斤", "500 ml per jin"), a(ALCOHOL, "12%vol"), a(SHELF, "180天", "180 days")],
    variants: [
      v("DZ-RW-1J", "1斤装", "1 jin", 28, 320, 700),
      v("DZ-RW-5J", "5斤装", "5 jin", 128, 80, 3200),
      v("DZ-RW-10J", "10斤坛装", "10 jin jar", 238, 25, 6500),
    ],
  },
  {
    slug: "duzuo-zongzi-flower-rice-wine",
    workshop: "duzuo-rice-wine",
    category: "rice-wine",
    titleZh: "粽子花米酒",
    titleEn: "Zongzi-flower rice wine",
    descriptionZh: "应一位老主顾的要求酿成的米酒，带粽叶和桂花的清香。可按您的口味调甜度，并在坛贴上写一句话。",
    descriptionEn:
      "First brewed at a regular customer's request, with the scent of zongzi leaves and osmanthus. We adjust the sweetness to your taste and can write a message on the jar label.",
    attributes: [a(NET, "500 ml/斤", "500 ml per jin"), a(ALCOHOL, "10%vol"), a(SHELF, "180天", "180 days")],
    customisable: true,
    customisationPromptZh: "甜度（微甜/标准/偏甜），以及想写在坛贴上的一句话",
    customisationPromptEn: "Sweetness (light / standard / sweet) and a message for the jar label",
    variants: [v("DZ-ZF-1J", "1斤装", "1 jin", 58, 120, 700), v("DZ-ZF-3J", "3斤装", "3 jin", 158, 40, 2000)],
  },
  {
    slug: "duzuo-sakura-rice-wine",
    workshop: "duzuo-rice-wine",
    category: "rice-wine",
    titleZh: "樱花米酒",
    titleEn: "Sakura rice wine",
    descriptionZh: "春天把樱花瓣泡进新酿的米酒，酒色淡粉，入口有花香。适合朋友小聚或当伴手礼。",
    descriptionEn:
      "Spring cherry blossoms steeped in new rice wine: pale pink, with a floral nose. A good bottle for a get-together or as a gift.",
    attributes: [a(NET, "500 ml"), a(ALCOHOL, "8%vol"), a(SHELF, "365天", "365 days")],
    variants: [
      v("DZ-SK-1B", "1瓶", "1 bottle", 68, 90, 900),
      v("DZ-SK-2B", "双瓶礼盒", "Gift box of 2", 128, 35, 2000),
    ],
  },
  {
    slug: "duzuo-sakura-rice-cake",
    workshop: "duzuo-rice-wine",
    category: "local-food",
    titleZh: "樱花酒酿糕",
    titleEn: "Sakura fermented-rice cakes",
    descriptionZh: "用自家酒酿发面，蒸出来松软带酒香，顶上点一朵樱花。微波加热一分钟即可。",
    descriptionEn:
      "Steamed cakes raised with the workshop's own fermented rice: soft, with a hint of wine and a cherry blossom on top. Warm for a minute in the microwave.",
    attributes: [a(NET, "6个/盒（约360 g）", "6 per box (about 360 g)"), a(SHELF, "冷冻90天", "90 days frozen")],
    variants: [v("DZ-CK-6", "6个装", "Box of 6", 36, 150, 450), v("DZ-CK-12", "12个装", "Box of 12", 66, 60, 850)],
  },
  {
    slug: "duzuo-new-vat-rice-wine-2027",
    workshop: "duzuo-rice-wine",
    category: "rice-wine",
    titleZh: "2027新年新缸糯米酒（预售）",
    titleEn: "2027 New-Year new-vat rice wine (pre-order)",
    descriptionZh: "第4缸糯米正在浸泡，约三周后开缸装瓶，按下单顺序发货。去年四缸酒未酿先售罄，想喝新酒请趁早。",
    descriptionEn:
      "Vat No. 4 is soaking now; it opens in about three weeks and ships in order of purchase. Last year all four vats sold out before the wine was made.",
    attributes: [
      a(NET, "500 ml/斤", "500 ml per jin"),
      a(ALCOHOL, "12%vol"),
      a(["开缸", "Vat opens"], "约3周后", "In about 3 weeks"),
    ],
    preorder: true,
    batch: { nameZh: "第4缸 糯米酒", nameEn: "Vat No. 4 rice wine", readyInDays: 21, capacity: 200 },
    variants: [v("DZ-NV-1J", "1斤装", "1 jin", 38, 200, 700), v("DZ-NV-5J", "5斤装", "5 jin", 168, 40, 3200)],
  },
];

const nanyang: ProductSeed[] = [
  {
    slug: "nanyang-folding-umbrella",
    workshop: "nanyang-umbrella",
    category: "umbrellas",
    titleZh: "三折晴雨伞",
    titleEn: "Three-fold rain-or-shine umbrella",
    descriptionZh: "8骨加固伞架，黑胶涂层晴雨两用，收起只有一本书长。每把由南阳村民在家缝制伞面。",
    descriptionEn:
      "Eight reinforced ribs and a black-coated canopy for sun or rain; folds to the length of a book. Each canopy is sewn at home by a Nanyang villager.",
    attributes: [a(CANOPY, "涤纶黑胶", "Polyester, UV coating"), a(RIBS, "8骨", "8 ribs"), a(SPAN, "98 cm")],
    variants: [
      v("NY-FD-NV", "藏青", "Navy", 59, 260, 380),
      v("NY-FD-PK", "樱粉", "Blossom pink", 59, 180, 380),
      v("NY-FD-GN", "墨绿", "Forest green", 59, 140, 380),
    ],
  },
  {
    slug: "nanyang-long-handle-umbrella",
    workshop: "nanyang-umbrella",
    category: "umbrellas",
    titleZh: "直杆长柄伞",
    titleEn: "Long-handled straight umbrella",
    descriptionZh: "10骨玻纤伞架抗风不翻，实木弯柄握感温润。适合通勤和梅雨季。",
    descriptionEn:
      "Ten fibreglass ribs that resist turning inside out, with a curved solid-wood handle. Made for commuting and the plum-rain season.",
    attributes: [
      a(CANOPY, "高密碰击布", "High-density pongee"),
      a(RIBS, "10骨玻纤", "10 fibreglass ribs"),
      a(SPAN, "112 cm"),
    ],
    variants: [v("NY-LH-BK", "经典黑", "Classic black", 89, 150, 650), v("NY-LH-WR", "酒红", "Wine red", 89, 90, 650)],
  },
  {
    slug: "nanyang-sun-umbrella",
    workshop: "nanyang-umbrella",
    category: "umbrellas",
    titleZh: "防晒小黑伞",
    titleEn: "UPF50+ sun umbrella",
    descriptionZh: "黑胶层隔热防紫外线，伞下明显更凉。胶囊款可放进口袋。",
    descriptionEn:
      "A black coating blocks UV and heat, so it is noticeably cooler underneath. The capsule model fits in a pocket.",
    attributes: [a(["防晒指数", "Sun protection"], "UPF50+"), a(RIBS, "6骨", "6 ribs"), a(SPAN, "92 cm")],
    variants: [v("NY-SN-STD", "五折款", "Five-fold", 79, 200, 260), v("NY-SN-CAP", "胶囊款", "Capsule", 99, 120, 220)],
  },
  {
    slug: "nanyang-oil-paper-umbrella",
    workshop: "nanyang-umbrella",
    category: "crafts",
    titleZh: "手工桐油纸伞",
    titleEn: "Handmade oil-paper umbrella",
    descriptionZh: "竹骨、皮纸、手绘花枝，刷三遍桐油可以遮雨。一把伞要老师傅做三天，每月只做几把。",
    descriptionEn:
      "Bamboo ribs, mulberry paper and a hand-painted branch, brushed three times with tung oil so it keeps off the rain. Each takes a craftsman three days, so only a few are made a month.",
    attributes: [
      a(CANOPY, "皮纸+桐油", "Mulberry paper, tung oil"),
      a(RIBS, "36根竹骨", "36 bamboo ribs"),
      a(SPAN, "84 cm"),
    ],
    variants: [v("NY-OP-PL", "梅花", "Plum blossom", 189, 3, 900), v("NY-OP-LT", "荷花", "Lotus", 189, 5, 900)],
  },
  {
    slug: "nanyang-kids-umbrella",
    workshop: "nanyang-umbrella",
    category: "umbrellas",
    titleZh: "儿童卡通伞",
    titleEn: "Children's cartoon umbrella",
    descriptionZh: "圆头伞骨不伤人，反光边条让孩子在雨天更显眼。按钮轻，小朋友自己就能打开。",
    descriptionEn:
      "Rounded rib tips and a reflective trim so children are seen on rainy days. A light button they can open themselves.",
    attributes: [
      a(CANOPY, "涤纶印花", "Printed polyester"),
      a(["适合年龄", "Ages"], "3–10岁", "3–10"),
      a(SPAN, "80 cm"),
    ],
    variants: [
      v("NY-KD-YL", "小黄鸭", "Yellow duckling", 39, 220, 300),
      v("NY-KD-BL", "小鲸鱼", "Blue whale", 39, 160, 300),
    ],
  },
  {
    slug: "nanyang-golf-umbrella",
    workshop: "nanyang-umbrella",
    category: "umbrellas",
    titleZh: "双人大伞",
    titleEn: "Two-person golf umbrella",
    descriptionZh: "伞面直径130厘米，两个人撑也不湿肩膀。双层透气伞顶，大风天也稳。",
    descriptionEn:
      "A 130 cm canopy keeps two people's shoulders dry, and a vented double top keeps it steady in the wind.",
    attributes: [a(CANOPY, "双层碰击布", "Double pongee"), a(RIBS, "8骨玻纤", "8 fibreglass ribs"), a(SPAN, "130 cm")],
    variants: [v("NY-GF-BW", "蓝白", "Blue and white", 129, 70, 900)],
  },
];

const teaFairy: ProductSeed[] = [
  {
    slug: "jingshan-tea-mingqian",
    workshop: "tea-fairy-jingshan",
    category: "tea",
    titleZh: "径山茶·明前特级",
    titleEn: "Jingshan tea, pre-Qingming special grade",
    descriptionZh: "清明前采的一芽一叶，茶婆婆手工炒制，汤色嫩绿，栗香带兰花香。",
    descriptionEn:
      "One bud and one leaf picked before Qingming and pan-roasted by hand by the tea grannies: a bright green cup with chestnut and orchid notes.",
    attributes: [
      a(HARVEST, "明前（2026年3月）", "Pre-Qingming (March 2026)"),
      a(NET, "50 g / 100 g"),
      a(GRADE, "特级", "Special"),
    ],
    variants: [
      v("TF-MQ-50", "50克罐装", "50 g tin", 298, 60, 200),
      v("TF-MQ-100", "100克罐装", "100 g tin", 568, 30, 320),
    ],
  },
  {
    slug: "jingshan-tea-qingming",
    workshop: "tea-fairy-jingshan",
    category: "tea",
    titleZh: "径山茶·清明一级",
    titleEn: "Jingshan tea, Qingming first grade",
    descriptionZh: "清明前后采摘，滋味比明前更浓，耐泡三四道，日常待客正好。",
    descriptionEn:
      "Picked around Qingming: fuller in taste than the earliest leaves and good for three or four infusions. Right for guests.",
    attributes: [
      a(HARVEST, "清明（2026年4月）", "Qingming (April 2026)"),
      a(NET, "100 g / 250 g"),
      a(GRADE, "一级", "First"),
    ],
    variants: [v("TF-QM-100", "100克", "100 g", 168, 120, 250), v("TF-QM-250", "250克", "250 g", 388, 45, 500)],
  },
  {
    slug: "jingshan-tea-everyday",
    workshop: "tea-fairy-jingshan",
    category: "tea",
    titleZh: "径山口粮茶",
    titleEn: "Jingshan everyday tea",
    descriptionZh: "谷雨前后的茶，村里人自己天天喝的那种，大袋装，实惠耐喝。",
    descriptionEn: "Tea from around Guyu, the kind villagers drink every day, in a big bag at a fair price.",
    attributes: [a(HARVEST, "谷雨", "Guyu (late April)"), a(NET, "250 g / 500 g"), a(GRADE, "二级", "Second")],
    variants: [v("TF-KL-250", "250克", "250 g", 68, 300, 350), v("TF-KL-500", "500克", "500 g", 128, 150, 650)],
  },
  {
    slug: "jingshan-tea-granny-gift",
    workshop: "tea-fairy-jingshan",
    category: "tea",
    titleZh: "茶婆婆手炒茶礼盒",
    titleEn: "Tea granny's hand-roasted gift box",
    descriptionZh: "两罐明前手炒茶配一对青瓷杯，盒里附炒茶婆婆的名字和照片。",
    descriptionEn:
      "Two tins of hand-roasted pre-Qingming tea with a pair of celadon cups; the box names the granny who roasted it, with her photo.",
    attributes: [
      a(HARVEST, "明前", "Pre-Qingming"),
      a(NET, "2 × 75 g"),
      a(["配件", "Includes"], "青瓷杯2只", "2 celadon cups"),
    ],
    variants: [v("TF-GB-1", "礼盒", "Gift box", 598, 25, 1200)],
  },
  {
    slug: "jingshan-tea-face-mask",
    workshop: "tea-fairy-jingshan",
    category: "tea-care",
    titleZh: "径山茶多酚面膜",
    titleEn: "Jingshan tea-polyphenol face mask",
    descriptionZh: "用径山茶提取的茶多酚做的补水面膜，敷15分钟，清爽不黏。",
    descriptionEn:
      "A hydrating sheet mask made with polyphenols from Jingshan tea. Fifteen minutes, fresh and not sticky.",
    attributes: [a(SIZE, "25 ml × 5片", "5 × 25 ml sheets"), a(SHELF, "3年", "3 years")],
    variants: [v("TF-FM-5", "5片装", "Box of 5", 49, 180, 200), v("TF-FM-10", "10片装", "Box of 10", 89, 90, 380)],
  },
  {
    slug: "jingshan-tea-mouth-spray",
    workshop: "tea-fairy-jingshan",
    category: "tea-care",
    titleZh: "绿茶清新口喷",
    titleEn: "Green-tea breath spray",
    descriptionZh: "小小一支放包里，饭后喷两下满口茶香。",
    descriptionEn: "A small bottle for your bag: two sprays after a meal and your breath smells of green tea.",
    attributes: [a(SIZE, "20 ml"), a(INGREDIENTS, "绿茶提取物、薄荷", "Green-tea extract, mint")],
    variants: [v("TF-MS-1", "1支", "1 bottle", 29, 3, 60)],
  },
];

const osprey: ProductSeed[] = [
  {
    slug: "osprey-meat-zongzi",
    workshop: "osprey-team-dinghe",
    category: "local-food",
    titleZh: "鱼鹰优选·塘栖鲜肉粽",
    titleEn: "Osprey Select Tangqi pork zongzi",
    descriptionZh: "丁河村粽子坊的阿姨们现包：糯米、五花肉、老抽，粽叶裹得紧，真空包装。蒸20分钟即可。",
    descriptionEn:
      "Wrapped by the aunties in Dinghe's zongzi room: glutinous rice, pork belly and dark soy, tightly bound in bamboo leaves and vacuum-packed. Steam for 20 minutes.",
    attributes: [a(NET, "每只约140 g", "About 140 g each"), a(STORAGE, "冷藏15天", "15 days chilled")],
    perishable: true,
    variants: [
      v("OS-ZZ-10", "10只装", "Pack of 10", 59, 200, 1500),
      v("OS-ZZ-20", "20只装", "Pack of 20", 108, 90, 2900),
    ],
  },
  {
    slug: "osprey-salted-duck",
    workshop: "osprey-team-dinghe",
    category: "local-food",
    titleZh: "塘栖板鸭",
    titleEn: "Tangqi salted duck",
    descriptionZh: "麻鸭腌制后在运河边风干，咸香紧实。切块蒸熟，配白粥最好。",
    descriptionEn:
      "Local ducks salted and air-dried by the canal: savoury and firm. Steam in pieces; best with plain rice porridge.",
    attributes: [a(NET, "每只约1 kg", "About 1 kg each"), a(SHELF, "冷藏60天", "60 days chilled")],
    variants: [v("OS-DK-1", "1只", "1 duck", 88, 80, 1100), v("OS-DK-2", "2只礼袋", "Gift bag of 2", 168, 30, 2200)],
  },
  {
    slug: "osprey-tea-cakes",
    workshop: "osprey-team-dinghe",
    category: "local-food",
    titleZh: "塘栖茶糕",
    titleEn: "Tangqi tea cakes",
    descriptionZh: "米粉蒸的小方糕，夹豆沙和桂花，是塘栖人喝茶时配的点心。",
    descriptionEn:
      "Little steamed rice-flour squares filled with red-bean paste and osmanthus, the snack Tangqi people eat with their tea.",
    attributes: [a(NET, "12块/盒", "12 per box"), a(SHELF, "常温7天", "7 days")],
    perishable: true,
    variants: [v("OS-TC-12", "12块", "Box of 12", 25, 240, 500)],
  },
  {
    slug: "osprey-loquat-leaf-tea",
    workshop: "osprey-team-dinghe",
    category: "tea",
    titleZh: "发酵枇杷叶茶",
    titleEn: "Fermented loquat-leaf tea",
    descriptionZh: "收周边枇杷果农的枇杷叶，刷毛、揉捻、发酵制成。汤色红亮，润喉。",
    descriptionEn:
      "Leaves bought from the loquat growers nearby, brushed, rolled and fermented. A bright red-brown cup, soothing for the throat.",
    attributes: [a(NET, "100 g"), a(INGREDIENTS, "枇杷叶", "Loquat leaves"), a(SHELF, "24个月", "24 months")],
    variants: [v("OS-LT-1", "1盒", "1 box", 45, 160, 200), v("OS-LT-3", "3盒", "3 boxes", 118, 50, 600)],
  },
  {
    slug: "osprey-silk-floss-quilt",
    workshop: "osprey-team-dinghe",
    category: "crafts",
    titleZh: "清水丝绵被",
    titleEn: "Clear-water silk floss quilt",
    descriptionZh: "非遗清水丝绵工艺：蚕茧在清水里煮、剥、拉成绵，一层层手工铺成被胎，不加胶。",
    descriptionEn:
      "Intangible-heritage craft: cocoons boiled in clear water, opened and stretched by hand into floss, laid layer by layer into a quilt with no glue.",
    attributes: [
      a(["填充", "Filling"], "100%桑蚕丝绵", "100% mulberry silk floss"),
      a(SIZE, "150×200 cm / 200×230 cm"),
    ],
    variants: [
      v("OS-SQ-150", "150×200 cm 1.5 kg", "150×200 cm, 1.5 kg", 899, 12, 2200),
      v("OS-SQ-200", "200×230 cm 2 kg", "200×230 cm, 2 kg", 1199, 6, 2900),
    ],
  },
  {
    slug: "osprey-mulberry-meatballs",
    workshop: "osprey-team-dinghe",
    category: "local-food",
    titleZh: "桑毛肉圆",
    titleEn: "Tangqi mulberry meatballs",
    descriptionZh: "猪肉丸外面滚一层糯米，蒸熟后像毛茸茸的桑果。冷冻发货，蒸15分钟。",
    descriptionEn:
      "Pork balls rolled in glutinous rice that steam up fuzzy like mulberries. Shipped frozen; steam for 15 minutes.",
    attributes: [a(NET, "500 g（约20个）", "500 g (about 20)"), a(STORAGE, "冷冻", "Frozen")],
    perishable: true,
    variants: [v("OS-MB-500", "500克", "500 g", 39, 140, 650)],
  },
];

const berry: ProductSeed[] = [
  {
    slug: "jiande-hongyan-strawberry",
    workshop: "berry-good-market",
    category: "fresh-fruit",
    titleZh: "建德红颜草莓",
    titleEn: "Jiande Hongyan strawberries",
    descriptionZh: "地理标志建德草莓，当天采摘、分拣、冷链发出。果香浓，甜中带一点酸。",
    descriptionEn:
      "Protected-origin Jiande berries picked, sorted and sent by cold chain the same day. Fragrant, sweet with a little tartness.",
    attributes: [
      a(FRUIT, "25–35 g"),
      a(ORIGIN, "建德杨村桥", "Yangcunqiao, Jiande"),
      a(STORAGE, "0–4°C冷藏", "Chilled 0–4 °C"),
    ],
    perishable: true,
    variants: [
      v("BG-HY-2J", "2斤装", "2 jin box", 89, 180, 1400),
      v("BG-HY-3J", "3斤礼盒", "3 jin gift box", 129, 120, 2000),
    ],
  },
  {
    slug: "jiande-zhangji-strawberry",
    workshop: "berry-good-market",
    category: "fresh-fruit",
    titleZh: "建德章姬草莓",
    titleEn: "Jiande Akihime strawberries",
    descriptionZh: "长圆果形，肉软多汁，酸度低，老人孩子都爱吃。",
    descriptionEn: "Long, soft and juicy, with little acidity; children and grandparents love them.",
    attributes: [
      a(FRUIT, "20–30 g"),
      a(ORIGIN, "建德杨村桥", "Yangcunqiao, Jiande"),
      a(STORAGE, "0–4°C冷藏", "Chilled 0–4 °C"),
    ],
    perishable: true,
    variants: [v("BG-ZJ-2J", "2斤装", "2 jin box", 79, 200, 1400), v("BG-ZJ-3J", "3斤装", "3 jin box", 109, 90, 2000)],
  },
  {
    slug: "jiande-white-strawberry",
    workshop: "berry-good-market",
    category: "fresh-fruit",
    titleZh: "淡雪白草莓",
    titleEn: "Awayuki white strawberries",
    descriptionZh: "果皮白里透粉，带桃子香。产量少，每天只分拣出几十盒。",
    descriptionEn:
      "Pale pink-white skin with a peach-like scent. A small crop: only a few dozen boxes are sorted each day.",
    attributes: [
      a(FRUIT, "20–30 g"),
      a(ORIGIN, "建德杨村桥", "Yangcunqiao, Jiande"),
      a(STORAGE, "0–4°C冷藏", "Chilled 0–4 °C"),
    ],
    perishable: true,
    variants: [v("BG-WS-2J", "2斤装", "2 jin box", 119, 3, 1400)],
  },
  {
    slug: "jiande-family-strawberry-box",
    workshop: "berry-good-market",
    category: "fresh-fruit",
    titleZh: "家庭装小果草莓",
    titleEn: "Family box of small strawberries",
    descriptionZh: "个头小一些、味道一样甜的草莓，适合做果酱、奶昔或直接吃。",
    descriptionEn: "Smaller berries with the same sweetness: for jam, smoothies or eating straight from the box.",
    attributes: [
      a(FRUIT, "12–20 g"),
      a(ORIGIN, "建德杨村桥", "Yangcunqiao, Jiande"),
      a(STORAGE, "0–4°C冷藏", "Chilled 0–4 °C"),
    ],
    perishable: true,
    variants: [v("BG-FM-2J", "2斤装", "2 jin box", 49, 260, 1300), v("BG-FM-3J", "3斤装", "3 jin box", 69, 150, 1900)],
  },
];

const DUCK_90 = a(FILL, "白鸭绒90%", "90% white duck down");

const redFeather: ProductSeed[] = [
  {
    slug: "red-feather-short-down-jacket",
    workshop: "red-feather-live",
    category: "clothing",
    titleZh: "女款短款立领羽绒服",
    titleEn: "Women's short stand-collar down jacket",
    descriptionZh: "短款到腰，立领挡风，180克充绒够江南的冬天。面料防泼水，小雨不怕。",
    descriptionEn:
      "Waist-length with a wind-blocking stand collar; 180 g of fill is enough for a Jiangnan winter. Water-repellent shell.",
    attributes: [
      a(FILL_WEIGHT, "180 g"),
      DUCK_90,
      a(FABRIC, "防泼水锦纶", "Water-repellent nylon"),
      a(CUT, "短款宽松", "Short, relaxed"),
    ],
    variants: sizes("RF-SJ", 399, [40, 60, 50, 3], 750),
  },
  {
    slug: "red-feather-long-down-coat",
    workshop: "red-feather-live",
    category: "clothing",
    titleZh: "女款过膝长款羽绒服",
    titleEn: "Women's knee-length down coat",
    descriptionZh: "过膝长度，260克充绒，双向拉链方便走路和骑车。",
    descriptionEn: "Knee-length with 260 g of fill and a two-way zip for walking and cycling.",
    attributes: [
      a(FILL_WEIGHT, "260 g"),
      DUCK_90,
      a(FABRIC, "哑光锦纶", "Matte nylon"),
      a(CUT, "长款收腰", "Long, fitted waist"),
    ],
    variants: sizes("RF-LC", 699, [20, 35, 30, 0], 1300),
  },
  {
    slug: "red-feather-mens-hooded-down",
    workshop: "red-feather-live",
    category: "clothing",
    titleZh: "男款连帽羽绒服",
    titleEn: "Men's hooded down jacket",
    descriptionZh: "可拆帽，220克充绒，内里有手机袋。主播现场量过每个尺码的衣长和胸围。",
    descriptionEn:
      "Detachable hood, 220 g of fill and an inside phone pocket. Our host measured the length and chest of every size on air.",
    attributes: [
      a(FILL_WEIGHT, "220 g"),
      DUCK_90,
      a(FABRIC, "涂层锦纶", "Coated nylon"),
      a(CUT, "常规直筒", "Regular"),
    ],
    variants: sizes("RF-MH", 599, [45, 60, 40, 20], 1100, ["M", "L", "XL", "XXL"]),
  },
  {
    slug: "red-feather-light-down-vest",
    workshop: "red-feather-live",
    category: "clothing",
    titleZh: "轻薄羽绒马甲",
    titleEn: "Lightweight down vest",
    descriptionZh: "80克充绒，可以穿在外套里面，叠起来只有一个拳头大。",
    descriptionEn: "80 g of fill, thin enough to wear under a coat, and packs down to the size of a fist.",
    attributes: [a(FILL_WEIGHT, "80 g"), DUCK_90, a(FABRIC, "超轻尼龙", "Ultralight nylon"), a(CUT, "修身", "Slim")],
    variants: sizes("RF-LV", 299, [70, 90, 80, 40], 350),
  },
  {
    slug: "red-feather-kids-down-jacket",
    workshop: "red-feather-live",
    category: "clothing",
    titleZh: "儿童连帽羽绒服",
    titleEn: "Children's hooded down jacket",
    descriptionZh: "150克充绒，袖口有防风罗纹，反光条让孩子放学路上更安全。",
    descriptionEn: "150 g of fill, windproof ribbed cuffs and reflective strips for the walk home from school.",
    attributes: [
      a(FILL_WEIGHT, "150 g"),
      DUCK_90,
      a(FABRIC, "防泼水涤纶", "Water-repellent polyester"),
      a(CUT, "宽松", "Relaxed"),
    ],
    variants: ["110", "120", "130", "140"].map((n, i) =>
      v(`RF-KD-${n}`, `${n} cm`, `${n} cm`, 329, [30, 40, 40, 25][i], 600),
    ),
  },
  {
    slug: "red-feather-goose-down-parka",
    workshop: "red-feather-live",
    category: "clothing",
    titleZh: "白鹅绒派克大衣（上新准备中）",
    titleEn: "White goose-down parka (coming soon)",
    descriptionZh: "300克白鹅绒，毛领可拆。样衣已到，下周直播上新。",
    descriptionEn:
      "300 g of white goose down with a detachable fur-trim hood. Samples are in; it launches on next week's show.",
    attributes: [
      a(FILL_WEIGHT, "300 g"),
      a(FILL, "白鹅绒90%", "90% white goose down"),
      a(FABRIC, "防风锦纶", "Windproof nylon"),
    ],
    status: "draft",
    variants: sizes("RF-GP", 899, [10, 10, 10, 10], 1500),
  },
];

const zhiweihong: ProductSeed[] = [
  {
    slug: "zhiweihong-brown-sugar-blocks",
    workshop: "zhiweihong-brown-sugar",
    category: "local-food",
    titleZh: "古法红糖块",
    titleEn: "Traditional brown-sugar blocks",
    descriptionZh: "上坪村自种甘蔗榨汁，柴火大锅熬三个多小时，切成小方块。泡水、煮姜茶、做红糖馒头都行。",
    descriptionEn:
      "Juice from Shangping's own cane boiled over a wood fire for three hours, then cut into small blocks. Dissolve in hot water, make ginger tea or bake with it.",
    attributes: [a(INGREDIENTS, "甘蔗汁", "Sugar-cane juice"), a(NET, "400 g / 1 kg"), a(SHELF, "24个月", "24 months")],
    variants: [v("ZW-BK-400", "400克", "400 g", 25, 400, 480), v("ZW-BK-1K", "1千克", "1 kg", 48, 200, 1100)],
  },
  {
    slug: "zhiweihong-ginger-brown-sugar",
    workshop: "zhiweihong-brown-sugar",
    category: "local-food",
    titleZh: "老姜红糖",
    titleEn: "Old-ginger brown sugar",
    descriptionZh: "红糖熬到最后加入本地老姜汁，冬天一杯暖手暖胃。",
    descriptionEn: "Juice of local old ginger stirred in at the end of the boil; a warming cup in winter.",
    attributes: [
      a(INGREDIENTS, "甘蔗汁、老姜", "Cane juice, ginger"),
      a(NET, "300 g"),
      a(SHELF, "18个月", "18 months"),
    ],
    variants: [v("ZW-GG-300", "300克", "300 g", 32, 250, 380)],
  },
  {
    slug: "zhiweihong-brown-sugar-powder",
    workshop: "zhiweihong-brown-sugar",
    category: "local-food",
    titleZh: "红糖粉",
    titleEn: "Brown-sugar powder",
    descriptionZh: "红糖块碾成细粉，撒在豆花、酸奶上或者烘焙都方便。",
    descriptionEn: "Brown sugar ground fine, easy to sprinkle on tofu pudding or yoghurt, or to bake with.",
    attributes: [a(INGREDIENTS, "甘蔗汁", "Sugar-cane juice"), a(NET, "500 g"), a(SHELF, "24个月", "24 months")],
    variants: [v("ZW-PW-500", "500克袋装", "500 g bag", 28, 300, 560)],
  },
  {
    slug: "zhiweihong-gift-box",
    workshop: "zhiweihong-brown-sugar",
    category: "local-food",
    titleZh: "知味红红糖礼盒",
    titleEn: "Zhiweihong brown-sugar gift box",
    descriptionZh: "红糖块、老姜红糖、红糖粉各一份，装在竹编盒里，过年送长辈正合适。",
    descriptionEn:
      "Sugar blocks, ginger sugar and sugar powder in a woven bamboo box: a fitting New Year gift for elders.",
    attributes: [a(NET, "1.2 kg"), a(["包装", "Packaging"], "竹编盒", "Woven bamboo box")],
    variants: [v("ZW-GB-1", "礼盒", "Gift box", 88, 90, 1600)],
  },
];

const xiaotong: ProductSeed[] = [
  {
    slug: "xiaotong-loquat-syrup",
    workshop: "xiaotong-sunshine",
    category: "local-food",
    titleZh: "阳光工坊枇杷露",
    titleEn: "Sunshine loquat syrup",
    descriptionZh: "枇杷果和枇杷叶慢熬成露，冲温水喝，清甜润喉。",
    descriptionEn:
      "Loquat fruit and leaves slowly cooked into a syrup. Stir into warm water for a sweet, soothing drink.",
    attributes: [
      a(NET, "250 ml"),
      a(INGREDIENTS, "枇杷、枇杷叶、冰糖", "Loquat, loquat leaf, rock sugar"),
      a(SHELF, "18个月", "18 months"),
    ],
    variants: [v("XT-SY-1", "1瓶", "1 bottle", 38, 220, 420), v("XT-SY-3", "3瓶装", "3 bottles", 98, 70, 1250)],
  },
  {
    slug: "xiaotong-loquat-paste",
    workshop: "xiaotong-sunshine",
    category: "local-food",
    titleZh: "枇杷膏",
    titleEn: "Loquat paste",
    descriptionZh: "比枇杷露更浓稠，一勺含着慢慢咽，秋冬嗓子干时常备。",
    descriptionEn:
      "Thicker than the syrup: let a spoonful melt slowly. Worth keeping at hand for dry autumn and winter throats.",
    attributes: [a(NET, "200 g"), a(INGREDIENTS, "枇杷、冰糖、麦芽糖", "Loquat, rock sugar, maltose")],
    variants: [v("XT-PS-200", "200克", "200 g", 45, 150, 320)],
  },
  {
    slug: "xiaotong-loquat-honey",
    workshop: "xiaotong-sunshine",
    category: "local-food",
    titleZh: "枇杷花蜜",
    titleEn: "Loquat-blossom honey",
    descriptionZh: "枇杷冬天开花，这时采的蜜颜色浅、带杏仁香，冷了会结晶。",
    descriptionEn: "Loquats flower in winter; the honey from them is pale with an almond scent and sets when cold.",
    attributes: [a(NET, "500 g"), a(SHELF, "24个月", "24 months")],
    variants: [v("XT-HN-500", "500克", "500 g", 58, 110, 700)],
  },
  {
    slug: "xiaotong-fresh-loquats",
    workshop: "xiaotong-sunshine",
    category: "fresh-fruit",
    titleZh: "桐屿白沙枇杷鲜果",
    titleEn: "Tongyu white-flesh loquats",
    descriptionZh: "五六月枇杷节当季现摘，果肉白嫩多汁。当前不在季节，明年开摘第一时间上架。",
    descriptionEn:
      "Picked fresh at the May–June loquat festival, with white, juicy flesh. Out of season now; back as soon as picking starts.",
    attributes: [a(FRUIT, "30–45 g"), a(["上市", "Season"], "5–6月", "May–June")],
    perishable: true,
    variants: [v("XT-FL-3J", "3斤装", "3 jin box", 89, 0, 1800)],
  },
];

const haining: ProductSeed[] = [
  {
    slug: "haining-phalaenopsis",
    workshop: "haining-flowers",
    category: "flowers",
    titleZh: "蝴蝶兰盆栽",
    titleEn: "Potted moth orchids",
    descriptionZh: "带花苞发货，能开两三个月。花农附手写养护卡：一周浇一次水，放散射光处。",
    descriptionEn:
      "Shipped in bud, flowering for two to three months. The grower adds a handwritten card: water weekly, keep in bright shade.",
    attributes: [a(SIZE, "2株/4株", "2 or 4 stems"), a(["花期", "Flowering"], "2–3个月", "2–3 months")],
    perishable: true,
    variants: [v("HN-PH-2", "双株", "2 stems", 128, 60, 1800), v("HN-PH-4", "四株", "4 stems", 238, 25, 3200)],
  },
  {
    slug: "haining-hydrangea",
    workshop: "haining-flowers",
    category: "flowers",
    titleZh: "无尽夏绣球",
    titleEn: "Endless Summer hydrangea",
    descriptionZh: "一年多次开花，酸性土开蓝、碱性土开粉。",
    descriptionEn: "Flowers several times a year: blue in acid soil, pink in alkaline.",
    attributes: [a(SIZE, "加仑盆/大盆", "1-gallon or large pot"), a(["光照", "Light"], "半日照", "Part sun")],
    perishable: true,
    variants: [
      v("HN-HY-G", "加仑盆", "1-gallon pot", 59, 120, 1500),
      v("HN-HY-L", "大盆带花", "Large pot in flower", 99, 40, 3000),
    ],
  },
  {
    slug: "haining-succulent-bowl",
    workshop: "haining-flowers",
    category: "flowers",
    titleZh: "多肉组合盆",
    titleEn: "Succulent bowl",
    descriptionZh: "五种多肉拼在一个陶盆里，半个月浇一次水也能长得好。",
    descriptionEn: "Five succulents in one clay bowl; they thrive on water once a fortnight.",
    attributes: [a(SIZE, "直径15 cm", "15 cm across")],
    perishable: true,
    variants: [v("HN-SC-1", "1盆", "1 bowl", 39, 200, 900)],
  },
  {
    slug: "haining-rose-seedlings",
    workshop: "haining-flowers",
    category: "flowers",
    titleZh: "月季苗",
    titleEn: "Rose seedlings",
    descriptionZh: "两年生嫁接苗，当年就能开花。冬季正是种月季的好时候。",
    descriptionEn: "Two-year grafted plants that flower in their first year. Winter is the right time to plant roses.",
    attributes: [a(SIZE, "两年苗", "2-year plants"), a(["颜色", "Colour"], "红/粉/黄随机", "Red, pink or yellow")],
    perishable: true,
    variants: [v("HN-RS-1", "1株", "1 plant", 29, 300, 600), v("HN-RS-3", "3株", "3 plants", 79, 100, 1700)],
  },
  {
    slug: "haining-jasmine",
    workshop: "haining-flowers",
    category: "flowers",
    titleZh: "双瓣茉莉",
    titleEn: "Double-petal jasmine",
    descriptionZh: "夏天开花满屋香，放在阳台朝南处，花农教您怎么过冬。",
    descriptionEn:
      "Fills a room with scent in summer. Keep it on a south-facing balcony; the grower explains how to see it through winter.",
    attributes: [a(SIZE, "高约30 cm", "About 30 cm tall")],
    perishable: true,
    variants: [v("HN-JS-1", "1盆", "1 pot", 35, 150, 1000)],
  },
];

const zhongdaiSweetRice: ProductSeed[] = [
  {
    slug: "zhongdai-sweet-fermented-rice",
    workshop: "zhongdai-sweet-rice",
    category: "local-food",
    titleZh: "钟埭甜酒酿",
    titleEn: "Zhongdai sweet fermented rice",
    descriptionZh: "糯米拌酒曲发酵两天，米粒软糯，汁水清甜。可直接吃，也可以煮酒酿圆子。",
    descriptionEn:
      "Glutinous rice fermented two days with wine yeast: soft grains in a sweet liquor. Eat as it is or cook with rice balls.",
    attributes: [a(NET, "500 g"), a(STORAGE, "冷藏7天", "7 days chilled")],
    perishable: true,
    status: "draft",
    variants: [v("ZD-JN-500", "500克", "500 g", 18, 50, 650)],
  },
];

export const products: ProductSeed[] = [
  ...duzuo,
  ...nanyang,
  ...teaFairy,
  ...osprey,
  ...berry,
  ...redFeather,
  ...zhiweihong,
  ...xiaotong,
  ...haining,
  ...zhongdaiSweetRice,
];

export function productImage(slug: string): string {
  return `/images/products/${slug}.svg`;
}
