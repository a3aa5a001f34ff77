// The demo people: accounts for every role, the village hosts, and who works in which workshop.

export { DEMO_PASSWORD } from "../../app/domain/accounts/demo-accounts.ts";

export type UserSeed = { email: string; name: string; isAdmin?: boolean };

export type HostSeed = {
  email: string;
  displayNameZh: string;
  displayNameEn: string;
  bioZh: string;
  bioEn: string;
  villageZh: string;
  villageEn: string;
  avatar: string;
  commissionRateBp: number;
  status: "approved" | "pending";
};

export type MembershipSeed = { email: string; workshop: string; role: "owner" | "staff" };

export const users: UserSeed[] = [
  { email: "admin@cunbo.test", name: "村播管理员", isAdmin: true },
  // A second admin, so a payout run prepared by one can be approved by another (maker-checker).
  { email: "treasurer@cunbo.test", name: "村播财务", isAdmin: true },
  { email: "shopper@cunbo.test", name: "李小梅" },
  { email: "host.tea@cunbo.test", name: "俞桂英" },
  { email: "host.umbrella@cunbo.test", name: "韩晓芳" },
  { email: "host.berry@cunbo.test", name: "杨帆" },
  { email: "host.pending@cunbo.test", name: "陆可欣" },
  { email: "staff.duzuo@cunbo.test", name: "沈美华" },
  { email: "staff.berry@cunbo.test", name: "方建国" },
  { email: "staff.umbrella@cunbo.test", name: "王丽萍" },
  { email: "staff.tea@cunbo.test", name: "俞春燕" },
];

export const hosts: HostSeed[] = [
  {
    email: "host.tea@cunbo.test",
    displayNameZh: "径山茶婆婆·桂英",
    displayNameEn: "Tea Granny Guiying",
    bioZh: "炒了五十年茶的径山茶婆婆，六十八岁学会了对着手机讲茶。直播里现炒现泡，也卖邻村鱼鹰团的茶糕和枇杷叶茶。",
    bioEn:
      "A Jingshan tea granny who has roasted tea for fifty years and learned to talk to a phone camera at 68. She roasts and brews live, and also sells the Osprey Team's tea cakes and loquat-leaf tea.",
    villageZh: "径山村",
    villageEn: "Jingshan village",
    avatar: "/images/hosts/1.svg",
    commissionRateBp: 800,
    status: "approved",
  },
  {
    email: "host.umbrella@cunbo.test",
    displayNameZh: "南阳伞姐阿芳",
    displayNameEn: "Umbrella Sister A-Fang",
    bioZh: "在南阳伞厂缝了十年伞面，现在是共富直播间的带货主播，也帮平湖的羽绒服和青田的红糖开专场。",
    bioEn:
      "Sewed umbrella canopies in Nanyang for ten years and now hosts in the common-prosperity live room, with special shows for Pinghu down jackets and Qingtian brown sugar too.",
    villageZh: "南阳街道",
    villageEn: "Nanyang subdistrict",
    avatar: "/images/hosts/2.svg",
    commissionRateBp: 1000,
    status: "approved",
  },
  {
    email: "host.berry@cunbo.test",
    displayNameZh: "草莓哥小杨",
    displayNameEn: "Berry Brother Xiao Yang",
    bioZh: "回乡的90后，白天在大棚里摘草莓，晚上在直播间卖。也常带平湖米酒、海宁鲜花和桐屿枇杷露一起上播。",
    bioEn:
      "Came home to the village after college: picks strawberries in the greenhouse by day and sells them live by night, often with Pinghu rice wine, Haining flowers and Tongyu loquat syrup.",
    villageZh: "塘村",
    villageEn: "Tangcun village",
    avatar: "/images/hosts/3.svg",
    commissionRateBp: 600,
    status: "approved",
  },
  {
    email: "host.pending@cunbo.test",
    displayNameZh: "服装城可欣",
    displayNameEn: "Kexin from the Garment City",
    bioZh: "在红羽直播间学了一个月，想开自己的羽绒服专场。",
    bioEn: "Trained for a month in the Red Feather live room and wants to run her own down-jacket shows.",
    villageZh: "平湖中国服装城",
    villageEn: "Pinghu China Garment City",
    avatar: "/images/hosts/4.svg",
    commissionRateBp: 800,
    status: "pending",
  },
];

export const memberships: MembershipSeed[] = [
  { email: "staff.duzuo@cunbo.test", workshop: "duzuo-rice-wine", role: "owner" },
  { email: "staff.berry@cunbo.test", workshop: "berry-good-market", role: "owner" },
  { email: "staff.umbrella@cunbo.test", workshop: "nanyang-umbrella", role: "owner" },
  { email: "staff.tea@cunbo.test", workshop: "tea-fairy-jingshan", role: "owner" },
  { email: "staff.tea@cunbo.test", workshop: "osprey-team-dinghe", role: "staff" },
];
