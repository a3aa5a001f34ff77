// How pages see an after-sales request (client-safe: the order page's panel and the workshop's tab render it).
import type { AfterSalesKind, AfterSalesReason, AfterSalesStatus } from "./rules";

export type AfterSalesView = {
  id: string;
  orderId: string;
  fulfilmentOrderId: string;
  kind: AfterSalesKind;
  reason: AfterSalesReason;
  note: string | null;
  photos: string[];
  status: AfterSalesStatus;
  askedFen: number;
  approvedFen: number | null;
  refundedFen: number;
  answerBy: string;
  refusalReason: string | null;
  returnCourier: string | null;
  returnTracking: string | null;
  createdAt: string;
  lines: {
    id: string;
    quantity: number;
    amountFen: number;
    titleZh: string;
    titleEn: string;
    variantNameZh: string;
    variantNameEn: string;
  }[];
  events: { id: string; toStatus: AfterSalesStatus; note: string | null; at: string }[];
};

/** A request as the workshop's tab and the admin's list show it: with its order number and workshop. */
export type DeskRequest = AfterSalesView & {
  orderNumber: string;
  workshop: { nameZh: string; nameEn: string; slug: string };
  escalatedAt: string | null;
};

/** The request form's parcel (what may be claimed, and each line's return policy). */
export type RequestFormView = {
  parcel: { id: string; status: string; workshopId: string };
  openable: boolean;
  deliveredAt: string | null;
  lines: {
    id: string;
    titleZh: string;
    titleEn: string;
    variantNameZh: string;
    variantNameEn: string;
    quantity: number;
    lineTotalFen: number;
    leftFen: number;
    policy: "seven_days" | "perishable" | "custom";
  }[];
};
