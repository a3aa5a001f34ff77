// The demo workshops: the common prosperity workshops of ../shared/WORKSHOPS.md, with their reported facts.

export type WorkshopSeed = {
  slug: string;
  nameZh: string;
  nameEn: string;
  villageZh: string;
  villageEn: string;
  districtZh: string;
  districtEn: string;
  storyZh: string;
  storyEn: string;
  shipFromZh: string;
  shipFromEn: string;
  shipWithinHours: number | null;
  coldChain: boolean;
  premiumRateBp: number;
  villageFundRateBp: number;
  workersCount: number;
  factsZh: string[];
  factsEn: string[];
  status: "approved" | "pending";
};

export const workshops: WorkshopSeed[] = [
  {
    slug: "duzuo-rice-wine",
    nameZh: "杜做酒坊",
    nameEn: "Duzuo Rice-Wine Workshop",
    villageZh: "钟埭村",
    villageEn: "Zhongdai village",
    districtZh: "平湖市",
    districtEn: "Pinghu",
    storyZh:
      "钟埭村的杜做酒坊用本地糯米按老法子酿米酒，论斤卖，有老主顾一次就订了20斤。去年一家酒坊卖出约一万斤，四缸浸着的糯米还没酿成酒就被预订一空。村里六家这样的家庭酒坊每年为村民带来三四十万元收入，酒文化馆和酿酒体验也把游客引进了村。",
    storyEn:
      "In Zhongdai village the Duzuo workshops brew rice wine from local glutinous rice the old way and sell it by the jin; one regular ordered 20 jin at once. Last year one workshop sold about 10,000 jin, and its four vats of soaking rice were pre-sold before the wine was even made. Six family workshops like it bring villagers ¥300–400k a year, and a wine-culture hall and brewing visits draw tourists to the village.",
    shipFromZh: "浙江平湖 钟埭村",
    shipFromEn: "Zhongdai village, Pinghu, Zhejiang",
    shipWithinHours: null,
    coldChain: false,
    premiumRateBp: 600,
    villageFundRateBp: 300,
    workersCount: 14,
    factsZh: ["一家酒坊年销约1万斤", "4缸糯米酒未酿先售罄", "6家家庭酒坊年增收30–40万元", "酒文化馆与酿酒体验"],
    factsEn: [
      "~10,000 jin sold by one workshop last year",
      "4 vats pre-sold before brewing",
      "6 family workshops earn villagers ¥300–400k a year",
      "Wine-culture hall and brewing visits",
    ],
    status: "approved",
  },
  {
    slug: "nanyang-umbrella",
    nameZh: "南阳伞·共富工坊",
    nameEn: "Nanyang Umbrella Workshop",
    villageZh: "南阳街道",
    villageEn: "Nanyang subdistrict",
    districtZh: "萧山区",
    districtEn: "Xiaoshan",
    storyZh:
      "萧山南阳有100多家伞企、2万多名工人，年产能3亿把伞。南阳伞·共富工坊以一个中心工坊加15个村级交流站的方式，把缝伞的活送到村民家门口。工坊定下高于市场价的“共富价”，多出来的钱直接给做伞的人；共富直播间已开播2133场，卖出499.4万把伞。",
    storyEn:
      "Nanyang in Xiaoshan has 100+ umbrella firms, 20,000+ workers and capacity for 300 million umbrellas a year. The Nanyang Umbrella workshop runs a hub plus 15 village exchange stations, so villagers sew umbrellas at home. It sets a “common-prosperity price” above market value and passes the difference to the workers; its live rooms have run 2,133 broadcasts and sold 4.994 million umbrellas.",
    shipFromZh: "浙江杭州 萧山南阳",
    shipFromEn: "Nanyang, Xiaoshan, Hangzhou, Zhejiang",
    shipWithinHours: null,
    coldChain: false,
    premiumRateBp: 2200,
    villageFundRateBp: 250,
    workersCount: 260,
    factsZh: [
      "100+家伞企、2万+从业者",
      "1个中心工坊+15个村级交流站",
      "共富价高于市场价22%",
      "直播2133场，售伞499.4万把",
    ],
    factsEn: [
      "100+ umbrella firms, 20,000+ workers",
      "1 hub + 15 village exchange stations",
      "Common-prosperity price 22 % above market",
      "2,133 broadcasts, 4.994 M umbrellas sold",
    ],
    status: "approved",
  },
  {
    slug: "tea-fairy-jingshan",
    nameZh: "茶仙子工坊",
    nameEn: "Tea Fairy Workshop",
    villageZh: "径山村",
    villageEn: "Jingshan village",
    districtZh: "余杭区",
    districtEn: "Yuhang",
    storyZh:
      "径山村是径山茶的故乡。茶仙子工坊请村里的老茶农当主播，茶婆婆们在镜头前炒茶、泡茶、讲茶，带动23户低收入老人家庭增收。工坊按“导师带主播、主播带农户”的办法培养了25名村播，开播120多场，线上销售超过200万元，还做茶面膜、茶精油、茶口喷等约百款茶产品。",
    storyEn:
      "Jingshan village is the home of Jingshan tea. The Tea Fairy workshop puts the village's elderly tea makers in front of the camera: the “tea grannies” roast, brew and explain their tea live, lifting 23 low-income elderly households. Following “mentors coach hosts, hosts bring in farmers”, it has trained 25 village hosts who ran 120+ broadcasts and sold ¥2 M+ online, alongside some 100 tea products from face masks to essential oil.",
    shipFromZh: "浙江杭州 余杭径山村",
    shipFromEn: "Jingshan village, Yuhang, Hangzhou, Zhejiang",
    shipWithinHours: null,
    coldChain: false,
    premiumRateBp: 800,
    villageFundRateBp: 300,
    workersCount: 48,
    factsZh: ["带动23户低收入老人家庭", "25名村播、120+场直播", "线上销售200万元+", "导师带主播，主播带农户"],
    factsEn: [
      "23 low-income elderly households lifted",
      "25 village hosts, 120+ broadcasts",
      "¥2 M+ sold online",
      "Mentors coach hosts, hosts bring in farmers",
    ],
    status: "approved",
  },
  {
    slug: "osprey-team-dinghe",
    nameZh: "鱼鹰团工坊",
    nameEn: "Osprey Team Workshop",
    villageZh: "丁河村",
    villageEn: "Dinghe village",
    districtZh: "临平区塘栖镇",
    districtEn: "Tangqi, Linping",
    storyZh:
      "丁河村是塘栖的江南水乡。鱼鹰团工坊把一座4000平方米的老厂房改成米、酒、粽、丝、鱼、枇杷六个功能区，吸纳106名村民就业，人均每月增收6800元。72名村民学会了当主播，粽子、板鸭、茶糕、清水丝绵等57种本地产品统一用“鱼鹰优选”品牌，通过直播和社区团购卖出去。",
    storyEn:
      "Dinghe is a canal village in Tangqi. The Osprey Team workshop turned a 4,000 m² former factory into six zones (rice, brewing, zongzi, silk, fish and loquat) and employs 106 villagers, who each earn ¥6,800 more a month. 72 villagers have trained as hosts, and 57 local products, from zongzi and salted duck to heritage silk floss, sell under one brand, Osprey Select 鱼鹰优选, by livestream and community group buying.",
    shipFromZh: "浙江杭州 临平塘栖丁河村",
    shipFromEn: "Dinghe village, Tangqi, Linping, Zhejiang",
    shipWithinHours: 48,
    coldChain: false,
    premiumRateBp: 500,
    villageFundRateBp: 300,
    workersCount: 106,
    factsZh: ["4000㎡老厂房，六大功能区", "吸纳106名村民就业", "人均月增收6800元", "培训72名村民主播"],
    factsEn: [
      "4,000 m² former factory in six zones",
      "106 villagers employed",
      "+¥6,800 a month per worker",
      "72 villagers trained as hosts",
    ],
    status: "approved",
  },
  {
    slug: "berry-good-market",
    nameZh: "莓好集市",
    nameEn: "Berry Good Market",
    villageZh: "塘村",
    villageEn: "Tangcun village",
    districtZh: "建德市杨村桥镇",
    districtEn: "Yangcunqiao, Jiande",
    storyZh:
      "建德草莓是国家地理标志产品。莓好集市是塘村的冷链分拣中心，收果、分拣、包装、销售一条龙，每天以高于别处15%的价格从果农手里收购约2.8万斤草莓，并和果农签保底收购合同。草莓娇嫩，下单后24小时内冷链发出；11月到次年4月一季线上卖出3800多万元，分拣工每月收入4000元以上。",
    storyEn:
      "Jiande strawberries carry a protected geographical indication. Berry Good Market is Tangcun's cold-chain sorting centre: it collects, sorts, packs and sells, buying about 28,000 jin a day from growers at 15 % above what others pay, under guaranteed-purchase contracts. Berries are perishable, so every order leaves by cold chain within 24 hours; the November–April season sold ¥38 M+ online, and sorters earn ¥4,000+ a month.",
    shipFromZh: "浙江建德 杨村桥镇塘村",
    shipFromEn: "Tangcun village, Yangcunqiao, Jiande, Zhejiang",
    shipWithinHours: 24,
    coldChain: true,
    premiumRateBp: 1500,
    villageFundRateBp: 200,
    workersCount: 60,
    factsZh: ["日收购草莓约2.8万斤", "收购价高于别处15%", "一季线上销售3800万元+", "分拣工月入4000元+"],
    factsEn: [
      "~28,000 jin bought from growers a day",
      "Growers paid 15 % above elsewhere",
      "¥38 M+ sold online in one season",
      "Sorters earn ¥4,000+ a month",
    ],
    status: "approved",
  },
  {
    slug: "red-feather-live",
    nameZh: "红羽直播间",
    nameEn: "Red Feather Live Room",
    villageZh: "平湖中国服装城",
    villageEn: "Pinghu China Garment City",
    districtZh: "平湖市",
    districtEn: "Pinghu",
    storyZh:
      "平湖中国服装城有2300多家商户，红羽直播间是这里的培训直播间：商户在这里学当主播，学会在镜头前讲清版型、面料和充绒量。直播间已创造20多个岗位、培训200多人，另有5个直播间正在装修。",
    storyEn:
      "Pinghu China Garment City has 2,300+ merchants, and the Red Feather live room is where they learn to sell live. Hosts practise explaining cut, fabric and fill weight, the facts shown on every pinned card. It has created 20+ jobs and trained 200+ people, and five more live rooms are being fitted.",
    shipFromZh: "浙江平湖 中国服装城",
    shipFromEn: "China Garment City, Pinghu, Zhejiang",
    shipWithinHours: null,
    coldChain: false,
    premiumRateBp: 0,
    villageFundRateBp: 200,
    workersCount: 22,
    factsZh: ["服装城2300+商户", "创造20+个岗位", "培训主播200+人", "另有5个直播间在建"],
    factsEn: [
      "2,300+ merchants in the garment city",
      "20+ jobs created",
      "200+ hosts trained",
      "5 more live rooms being fitted",
    ],
    status: "approved",
  },
  {
    slug: "zhiweihong-brown-sugar",
    nameZh: "知味红·红糖工坊",
    nameEn: "Zhiweihong Brown-Sugar Workshop",
    villageZh: "上坪村",
    villageEn: "Shangping village",
    districtZh: "青田县",
    districtEn: "Qingtian",
    storyZh:
      "青田上坪村种着80亩甘蔗，知味红工坊用老法子把蔗汁熬成红糖，每年产2万多公斤，还出口到意大利。几位在外打工的年轻人回到村里，在直播间里把家乡的红糖卖向全国。",
    storyEn:
      "Shangping village in Qingtian grows 80 mu of sugar cane, and the Zhiweihong workshop boils the juice down into brown sugar the traditional way: 20,000+ kg a year, some of it exported to Italy. Young people who had left for city jobs came home to sell it on live streams.",
    shipFromZh: "浙江青田 上坪村",
    shipFromEn: "Shangping village, Qingtian, Zhejiang",
    shipWithinHours: null,
    coldChain: false,
    premiumRateBp: 800,
    villageFundRateBp: 300,
    workersCount: 15,
    factsZh: ["甘蔗种植80亩", "年产红糖2万+公斤", "出口意大利", "返乡青年直播带货"],
    factsEn: [
      "80 mu of sugar cane",
      "20,000+ kg of sugar a year",
      "Exported to Italy",
      "Young people came home to sell it live",
    ],
    status: "approved",
  },
  {
    slug: "xiaotong-sunshine",
    nameZh: "小稠村阳光工坊",
    nameEn: "Xiaotong Sunshine Workshop",
    villageZh: "小稠村",
    villageEn: "Xiaotong village",
    districtZh: "路桥区桐屿街道",
    districtEn: "Tongyu, Luqiao",
    storyZh:
      "桐屿漫山都是枇杷树。阳光工坊请村民把自家的枇杷熬成枇杷露、枇杷膏，用本地品牌统一包装出售。每年枇杷节，区里在村里办集市，游客边摘枇杷边逛摊位，直播间同时在线上卖。",
    storyEn:
      "Loquat trees cover the hills of Tongyu. The Sunshine workshop has villagers cook their loquats into syrup and paste, packed and sold under a local brand. Every year the district's loquat festival brings a market to the village, while the live room sells the same produce online.",
    shipFromZh: "浙江台州 路桥桐屿",
    shipFromEn: "Tongyu, Luqiao, Taizhou, Zhejiang",
    shipWithinHours: 48,
    coldChain: false,
    premiumRateBp: 500,
    villageFundRateBp: 250,
    workersCount: 20,
    factsZh: ["村民自家枇杷统一收购", "本地品牌统一包装", "枇杷节集市+直播间"],
    factsEn: [
      "Loquats bought from villagers' own trees",
      "Packed under one local brand",
      "Loquat-festival market plus live room",
    ],
    status: "approved",
  },
  {
    slug: "haining-flowers",
    nameZh: "海宁长安花卉合作社",
    nameEn: "Haining Flower Co-op",
    villageZh: "长安镇",
    villageEn: "Chang'an town",
    districtZh: "海宁市",
    districtEn: "Haining",
    storyZh:
      "海宁长安镇的花卉合作社开了共富直播间，已培训130多位花农在镜头前卖花。蝴蝶兰、绣球、月季苗从大棚直接发货，花农自己在直播里讲怎么养。",
    storyEn:
      "The flower co-op in Chang'an, Haining runs shared live rooms where 130+ farmers have learned to sell flowers and garden plants on camera. Orchids, hydrangeas and rose seedlings ship straight from the greenhouses, and the growers explain on air how to look after them.",
    shipFromZh: "浙江海宁 长安镇",
    shipFromEn: "Chang'an, Haining, Zhejiang",
    shipWithinHours: 48,
    coldChain: false,
    premiumRateBp: 300,
    villageFundRateBp: 200,
    workersCount: 130,
    factsZh: ["培训花农主播130+人", "共享直播间免费使用", "大棚直发"],
    factsEn: [
      "130+ farmers trained to sell live",
      "Shared live rooms, free to use",
      "Shipped straight from the greenhouse",
    ],
    status: "approved",
  },
  {
    // Awaiting approval, so the admin has one to review.
    slug: "zhongdai-sweet-rice",
    nameZh: "钟埭村酒酿坊",
    nameEn: "Zhongdai Sweet-Rice Workshop",
    villageZh: "钟埭村",
    villageEn: "Zhongdai village",
    districtZh: "平湖市",
    districtEn: "Pinghu",
    storyZh:
      "钟埭村有六家家庭酒坊，这一家专做甜酒酿：本地糯米拌上酒曲发酵，现做现卖。工坊正在申请加入村播，想把酒酿卖给村外的老主顾。",
    storyEn:
      "Zhongdai village has six family rice-wine workshops; this one makes sweet fermented rice (jiuniang) from local glutinous rice, made to order. It has applied to join Cunbo to reach regulars beyond the village.",
    shipFromZh: "浙江平湖 钟埭村",
    shipFromEn: "Zhongdai village, Pinghu, Zhejiang",
    shipWithinHours: 48,
    coldChain: false,
    premiumRateBp: 500,
    villageFundRateBp: 300,
    workersCount: 5,
    factsZh: ["钟埭村六家家庭酒坊之一", "本地糯米现做酒酿"],
    factsEn: ["One of Zhongdai's six family workshops", "Jiuniang made to order from local rice"],
    status: "pending",
  },
];
