// The demo shows: two live now, three coming up, two ended with their pin history.
// Every time is in minutes from the moment of seeding (negative = in the past).

export type PinSeed = { product: string; from: number; to: number | null };

export type ChatSeed = { authorName: string; text: string; at: number; userEmail?: string };

export type ShowSeed = {
  host: string; // the host's user email
  title: string;
  coverImage: string;
  status: "scheduled" | "live" | "ended";
  scheduledAt: number;
  startedAt?: number;
  endedAt?: number;
  peakViewers: number;
  lineUp: string[]; // product slugs, in running order
  pins: PinSeed[];
  chat: ChatSeed[];
};

const HOUR = 60;
const DAY = 24 * HOUR;

export const shows: ShowSeed[] = [
  {
    host: "host.tea@cunbo.test",
    title: "茶婆婆径山现场炒茶，明前茶开罐试喝",
    coverImage: "/images/shows/1.svg",
    status: "live",
    scheduledAt: -40,
    startedAt: -35,
    peakViewers: 1386,
    lineUp: [
      "jingshan-tea-mingqian",
      "jingshan-tea-qingming",
      "jingshan-tea-everyday",
      "jingshan-tea-granny-gift",
      "osprey-tea-cakes",
      "osprey-loquat-leaf-tea",
      "jingshan-tea-face-mask",
    ],
    pins: [
      { product: "jingshan-tea-everyday", from: -33, to: -26 },
      { product: "jingshan-tea-qingming", from: -26, to: -15 },
      { product: "osprey-tea-cakes", from: -15, to: -7 },
      { product: "jingshan-tea-mingqian", from: -7, to: null },
    ],
    chat: [
      { authorName: "杭州的小王", text: "婆婆好！炒茶的手法太厉害了", at: -30 },
      { authorName: "余杭老茶客", text: "明前的今年还有吗？去年没抢到", at: -22 },
      { authorName: "李小梅", text: "口粮茶已下单，家里老人天天喝", at: -18, userEmail: "shopper@cunbo.test" },
      { authorName: "上海的阿May", text: "茶糕配明前茶，看着就香", at: -12 },
      { authorName: "宁波的陈老师", text: "婆婆说话真好听，慢慢讲不着急", at: -6 },
      { authorName: "杭州的小王", text: "50克的拍了两罐，送我爸", at: -3 },
    ],
  },
  {
    host: "host.berry@cunbo.test",
    title: "建德草莓大棚现摘，冷链24小时到家",
    coverImage: "/images/shows/2.svg",
    status: "live",
    scheduledAt: -15,
    startedAt: -12,
    peakViewers: 742,
    lineUp: [
      "jiande-hongyan-strawberry",
      "jiande-zhangji-strawberry",
      "jiande-white-strawberry",
      "jiande-family-strawberry-box",
      "duzuo-sakura-rice-cake",
    ],
    pins: [{ product: "jiande-hongyan-strawberry", from: -10, to: -4 }],
    chat: [
      { authorName: "建德本地人", text: "家门口的草莓，支持小杨！", at: -11 },
      { authorName: "苏州的婷婷", text: "苏州能第二天到吗？", at: -9 },
      { authorName: "杭州的小王", text: "白草莓看起来好特别", at: -6 },
      { authorName: "温州的老周", text: "红颜3斤礼盒拍了，送丈母娘", at: -2 },
    ],
  },
  {
    host: "host.umbrella@cunbo.test",
    title: "南阳伞共富价专场：多付的每一分都给做伞人",
    coverImage: "/images/shows/3.svg",
    status: "scheduled",
    scheduledAt: 2 * HOUR,
    peakViewers: 0,
    lineUp: [
      "nanyang-folding-umbrella",
      "nanyang-long-handle-umbrella",
      "nanyang-sun-umbrella",
      "nanyang-golf-umbrella",
      "nanyang-kids-umbrella",
      "nanyang-oil-paper-umbrella",
    ],
    pins: [],
    chat: [],
  },
  {
    host: "host.tea@cunbo.test",
    title: "一日茶农：跟茶婆婆上径山看茶园",
    coverImage: "/images/shows/4.svg",
    status: "scheduled",
    scheduledAt: DAY,
    peakViewers: 0,
    lineUp: [
      "jingshan-tea-granny-gift",
      "jingshan-tea-mingqian",
      "jingshan-tea-mouth-spray",
      "osprey-meat-zongzi",
      "osprey-silk-floss-quilt",
    ],
    pins: [],
    chat: [],
  },
  {
    host: "host.berry@cunbo.test",
    title: "周末市集专场：平湖米酒配海宁鲜花",
    coverImage: "/images/shows/5.svg",
    status: "scheduled",
    scheduledAt: 3 * DAY,
    peakViewers: 0,
    lineUp: [
      "duzuo-glutinous-rice-wine",
      "duzuo-new-vat-rice-wine-2027",
      "duzuo-zongzi-flower-rice-wine",
      "duzuo-sakura-rice-wine",
      "haining-phalaenopsis",
      "haining-hydrangea",
      "haining-rose-seedlings",
    ],
    pins: [],
    chat: [],
  },
  {
    host: "host.umbrella@cunbo.test",
    title: "冬日暖心专场：红羽羽绒服+知味红红糖",
    coverImage: "/images/shows/6.svg",
    status: "ended",
    scheduledAt: -DAY - 2 * HOUR,
    startedAt: -DAY - 2 * HOUR + 3,
    endedAt: -DAY - 30,
    peakViewers: 5210,
    lineUp: [
      "red-feather-short-down-jacket",
      "red-feather-long-down-coat",
      "red-feather-mens-hooded-down",
      "zhiweihong-brown-sugar-blocks",
      "zhiweihong-ginger-brown-sugar",
      "zhiweihong-gift-box",
    ],
    pins: [
      { product: "red-feather-short-down-jacket", from: -DAY - 110, to: -DAY - 92 },
      { product: "zhiweihong-ginger-brown-sugar", from: -DAY - 90, to: -DAY - 75 },
      { product: "red-feather-mens-hooded-down", from: -DAY - 72, to: -DAY - 55 },
      { product: "zhiweihong-gift-box", from: -DAY - 52, to: -DAY - 35 },
    ],
    chat: [],
  },
  {
    host: "host.berry@cunbo.test",
    title: "莓好集市开季第一播！今年第一批红颜草莓",
    coverImage: "/images/shows/7.svg",
    status: "ended",
    scheduledAt: -7 * DAY - 3 * HOUR,
    startedAt: -7 * DAY - 3 * HOUR + 2,
    endedAt: -7 * DAY - HOUR,
    peakViewers: 3968,
    lineUp: [
      "jiande-hongyan-strawberry",
      "jiande-zhangji-strawberry",
      "jiande-family-strawberry-box",
      "xiaotong-loquat-syrup",
      "xiaotong-loquat-paste",
    ],
    pins: [
      { product: "jiande-hongyan-strawberry", from: -7 * DAY - 175, to: -7 * DAY - 150 },
      { product: "jiande-zhangji-strawberry", from: -7 * DAY - 148, to: -7 * DAY - 125 },
      { product: "xiaotong-loquat-syrup", from: -7 * DAY - 122, to: -7 * DAY - 105 },
      { product: "jiande-family-strawberry-box", from: -7 * DAY - 102, to: -7 * DAY - 82 },
      { product: "jiande-hongyan-strawberry", from: -7 * DAY - 80, to: -7 * DAY - 62 },
    ],
    chat: [],
  },
];
