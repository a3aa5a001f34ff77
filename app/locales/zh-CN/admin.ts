// Words of the admin pages: approving workshops and hosts.
const admin = {
  title: "平台管理",
  "pending.workshops": "待审核工坊（{{count}}）",
  "pending.hosts": "待审核主播（{{count}}）",
  "pending.none": "没有待审核的申请。",
  "all.workshops": "全部工坊（{{count}}）",
  "all.hosts": "全部主播（{{count}}）",
  applied: "申请于 {{date}}",
  owner: "负责人：{{name}}（{{email}}）",
  products: "{{count}} 件商品",
  shows: "{{count}} 场直播",
  "decide.approved": "通过",
  "decide.rejected": "拒绝",
  "decide.approvedLabel": "通过 {{name}}",
  "decide.rejectedLabel": "拒绝 {{name}}",
  "done.workshop-approved": "已通过该工坊：它的商品现在会在店铺里显示。",
  "done.workshop-rejected": "已拒绝该工坊：它的商品不会在店铺里显示。",
  "done.host-approved": "已通过该主播：现在可以开播了。",
  "done.host-rejected": "已拒绝该主播。",
  "done.saved": "已更新",
  dashboardLink: "全市场看板：销售额、各村集体收入",
} as const;

export default admin;
