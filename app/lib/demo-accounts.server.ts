// The seeded demo accounts, listed on the log-in page unless DEMO_ACCOUNTS=off (set it in production).
import { DEMO_PASSWORD, demoAccounts as seeded } from "../../prisma/seed-data/people";

export function demoAccounts() {
  if (process.env.DEMO_ACCOUNTS === "off") return null;
  return { password: DEMO_PASSWORD, accounts: seeded };
}
