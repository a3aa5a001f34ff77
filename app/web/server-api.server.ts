// What the process (server/) calls in the app. entry.server.tsx exports it, and server/ reads it from the Remix
// build (build.entry.module), never from source: the serving process then holds one copy of every app module,
// and so of every process-wide object (pool, gates, memos, timers) and of every error class.
import { sweepOwedRefunds, workOwedRefund } from "../domain/payments/owed-refunds.server";
import { escalateOverdueRequests } from "../domain/after-sales/answers.server";
import { receiveStripeWebhook } from "../domain/payments/stripe-webhook.server";
import { postChat } from "../domain/live/chat.server";
import { drawLuckyBag, sweepLuckyBags } from "../domain/promotions/lucky-bag-results.server";
import { DomainError } from "../domain/errors.server";
import { installedEventPublisher, installEventPublisher } from "../domain/events.server";
import { rearmRunningDeals } from "../domain/live/flash-deals.server";
import { getLiveState } from "../domain/live/live-state.server";
import { tokensMatch } from "../domain/orders/orders.server";
import { expireOrder, sweepLapsedOrders } from "../domain/checkout/reservations.server";
import { confirmOverdueReceipts } from "../domain/fulfilment/receipt.server";
import { workNoticeJob } from "../domain/notices/notices.server";
import { vapid } from "../lib/vapid.server";
import { runSettlement } from "../domain/payouts/settlement.server";
import { sendPayout } from "../domain/payouts/send-payout.server";
import { registerPayoutAdapters } from "./payout-provider-config.server";
import { viewerFromCookie } from "./auth.server";
import { refusalOf } from "./domain-error-answer.server";
import { publishAccess, watchAccess } from "./broadcast-access.server";
import { sessionIceServers } from "./ice-servers.server";
import { announceBroadcast, closeRecording, openRecording } from "../domain/live/recordings.server";
import { HLS_PATH, RECORDINGS_PATH } from "../domain/live/recording-paths";
import { BUY_NOW_PATH } from "../domain/checkout/buy-now-client";
import { claimAnswer, COUPON_CLAIM_PATH } from "./coupon-claim-answer.server";
import { CROSS_SITE_REFUSAL_PATH } from "./cross-site-refusal";
import { submitCheckout } from "./checkout-submission.server";
import { db, disconnectDb } from "../lib/db.server";
import { env } from "../lib/env.server";
import { installJobQueue, JOB } from "../lib/jobs.server";
import { showRoom } from "../domain/live/live-state";
import { localeFromCookie } from "../lib/locale.server";
import { shareRateLimits } from "../lib/rate-limits.server";
import { sessionStorage } from "../lib/session.server";
import { TokenBuckets } from "../lib/token-bucket";

// The process sends payouts through whichever adapter PAYOUT_PROVIDER names (manual needs none).
registerPayoutAdapters();

export const serverApi = {
  env,
  db,
  disconnectDb,
  sessionStorage,
  DomainError,
  refusalOf,
  // The buy-now endpoint (server/buy-now.ts).
  BUY_NOW_PATH,
  // The origin check's refusal page (server/index.ts).
  CROSS_SITE_REFUSAL_PATH,
  submitCheckout,
  // The coupon-claim endpoint (server/coupon-claim.ts).
  COUPON_CLAIM_PATH,
  claimAnswer,
  viewerFromCookie,
  localeFromCookie,
  // The Stripe webhook (server/webhooks.ts).
  receiveStripeWebhook,
  // The job queue (server/jobs.ts).
  JOB,
  installJobQueue,
  expireOrder,
  sweepLapsedOrders,
  workOwedRefund,
  sweepOwedRefunds,
  escalateOverdueRequests,
  confirmOverdueReceipts,
  workNoticeJob,
  vapid,
  drawLuckyBag,
  sweepLuckyBags,
  runSettlement,
  sendPayout,
  // socket.io (server/realtime.ts and its rooms).
  installPublisher: installEventPublisher,
  installedPublisher: installedEventPublisher,
  shareRateLimits,
  rearmRunningDeals,
  getLiveState,
  postChat,
  showRoom,
  tokensMatch,
  TokenBuckets,
  // WHIP/WHEP (server/media/).
  publishAccess,
  watchAccess,
  sessionIceServers,
  // Recording and HLS (server/media/recorder.ts).
  announceBroadcast,
  openRecording,
  closeRecording,
  RECORDINGS_PATH,
  HLS_PATH,
};

export type ServerApi = typeof serverApi;
