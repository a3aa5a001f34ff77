// Words of the workshop, host, admin dashboards and the public impact page.
const dashboard = {
  title: "",
} as const;

export default dashboard;
