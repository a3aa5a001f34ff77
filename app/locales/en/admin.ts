// Words of the admin pages: approving workshops and hosts, and refunds that keep failing.
import type zh from "../zh-CN/admin";

const admin: Record<keyof typeof zh, string> = {
  title: "Admin",
  "pending.workshops": "Workshops awaiting approval ({{count}})",
  "pending.hosts": "Hosts awaiting approval ({{count}})",
  "pending.none": "Nothing is waiting.",
  "all.workshops": "All workshops ({{count}})",
  "all.hosts": "All hosts ({{count}})",
  applied: "applied {{date}}",
  owner: "Owner: {{name}} ({{email}})",
  products: "Products: {{count}}",
  shows: "Shows: {{count}}",
  "decide.approved": "Approve",
  "decide.rejected": "Reject",
  "decide.approvedLabel": "Approve {{name}}",
  "decide.rejectedLabel": "Reject {{name}}",
  "done.workshop-approved": "Workshop approved: its products now show in the store.",
  "done.workshop-rejected": "Workshop rejected: its products are not shown in the store.",
  "done.host-approved": "Host approved: they can go live now.",
  "done.host-rejected": "Host rejected.",
  "done.saved": "Updated",
  dashboardLink: "Market dashboard: sales and village funds",
  "endSessions.title": "Sign someone out everywhere",
  "endSessions.hint":
    "For a stolen phone, a taken-over account or a suspended seller: every device they are signed in on must log in again.",
  "endSessions.emailLabel": "Their email",
  "endSessions.submit": "End all their sessions",
  "endSessions.email": "Enter a valid email address",
  "endSessions.unknown": "No account uses this email",
  "done.sessions-ended": "All of this person's sessions have ended: every device must log in again.",
  refundsLink: "Refunds that keep failing ({{count}})",
  payoutsLink: "Settlements and payouts",
  "refunds.back": "← Back to admin",
  "refunds.title": "Refunds that keep failing ({{count}})",
  "refunds.intro":
    "These buyers paid after their order's hold lapsed and the goods were sold, so every fen goes back; the payment provider refused the refund through every retry. Find out why, then try again.",
  "refunds.none": "No refund is failing.",
  "refunds.order": "Order {{number}} · {{amount}} owed",
  "refunds.detail": "{{provider}} · tried {{attempts}} times · since {{since}}",
  "refunds.retry": "Try again",
  "refunds.retryLabel": "Try the refund of order {{number}} again",
  "refunds.done.made": "Refund made: the order is marked refunded.",
  "refunds.done.queued": "It failed again and is queued to be retried.",
  "refunds.notFound": "That refund is not waiting to be made.",
};

export default admin;
