// Words of the workshop, host, admin dashboards and the public impact page.
import type zh from "../zh-CN/dashboard";

const dashboard: Record<keyof typeof zh, string> = {
  title: "",
};

export default dashboard;
