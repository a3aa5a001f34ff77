// The seeded demo accounts: the seed creates them, and the log-in page lists them unless DEMO_ACCOUNTS=off.
export const DEMO_PASSWORD = "cunbo2026";

export type DemoAccount = { email: string; name: string; roleZh: string; roleEn: string };

// Shown on the login page and in the README; all use DEMO_PASSWORD.
export const demoAccounts: DemoAccount[] = [
  { email: "admin@cunbo.test", name: "村播管理员", roleZh: "平台管理员", roleEn: "Platform admin" },
  { email: "shopper@cunbo.test", name: "李小梅", roleZh: "买家", roleEn: "Shopper" },
  { email: "host.tea@cunbo.test", name: "俞桂英", roleZh: "主播·径山茶婆婆", roleEn: "Host: Jingshan tea granny" },
  { email: "host.umbrella@cunbo.test", name: "韩晓芳", roleZh: "主播·南阳伞", roleEn: "Host: Nanyang umbrellas" },
  { email: "host.berry@cunbo.test", name: "杨帆", roleZh: "主播·建德草莓", roleEn: "Host: Jiande strawberries" },
  { email: "host.pending@cunbo.test", name: "陆可欣", roleZh: "待审核主播", roleEn: "Host awaiting approval" },
  {
    email: "staff.duzuo@cunbo.test",
    name: "沈美华",
    roleZh: "工坊负责人·杜做酒坊",
    roleEn: "Workshop owner: Duzuo rice wine",
  },
  {
    email: "staff.berry@cunbo.test",
    name: "方建国",
    roleZh: "工坊负责人·莓好集市",
    roleEn: "Workshop owner: Berry Good Market",
  },
  {
    email: "staff.umbrella@cunbo.test",
    name: "王丽萍",
    roleZh: "工坊负责人·南阳伞",
    roleEn: "Workshop owner: Nanyang Umbrella",
  },
  {
    email: "staff.tea@cunbo.test",
    name: "俞春燕",
    roleZh: "工坊负责人·茶仙子；鱼鹰团员工",
    roleEn: "Workshop owner: Tea Fairy; staff at Osprey Team",
  },
];
