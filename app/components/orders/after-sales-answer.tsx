// One request on the workshop's after-sales tab (or the admin's list) with the answers it may be given:
// approve (the whole or part of the amount), ask for the goods back, refuse with a reason, or retry a refund.
import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { Button, Field, FieldError } from "~/components/ui/field";
import type { DeskRequest } from "~/domain/after-sales/views";
import { yuanInput } from "~/lib/money";
import { formatShanghai } from "~/lib/shanghai-time";
import { AfterSalesCard } from "./after-sales-panel";

export type AnswerError = { id: string; field: string; message: string } | undefined;

export function AfterSalesAnswer({
  request,
  now,
  error,
  header,
}: {
  request: DeskRequest;
  now: string;
  error: AnswerError;
  header?: ReactNode;
}) {
  const { t, i18n } = useTranslation("aftersales");
  const mine = error?.id === request.id ? error : undefined;
  const errorOf = (field: string) => (mine?.field === field ? [mine.message] : undefined);
  const answering = ["requested", "returned", "escalated"].includes(request.status);
  const overdue = answering && request.answerBy < now;
  const id = <input type="hidden" name="id" value={request.id} />;
  return (
    <li
      className="space-y-2 rounded-xl border border-stone-200 bg-white p-3"
      data-testid="desk-request"
      data-id={request.id}
    >
      {header}
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{t("desk.order", { number: request.orderNumber })}</span>
        {answering ? (
          <span className={overdue ? "font-medium text-red-700" : "text-stone-700"}>
            {overdue ? `${t("desk.overdue")} · ` : null}
            {t("desk.deadline", { time: formatShanghai(request.answerBy, i18n.language) })}
          </span>
        ) : null}
      </div>
      <AfterSalesCard request={request} />
      {request.note ? (
        <p data-as-written className="text-sm text-stone-700">
          {request.note}
        </p>
      ) : null}
      <FieldError id={`answer-${request.id}-error`} errors={errorOf("")} />
      {answering ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <Form method="post" className="space-y-2">
            {id}
            <Field
              id={`approve-${request.id}`}
              name="amount"
              inputMode="decimal"
              defaultValue={yuanInput(request.askedFen)}
              label={t("desk.approveAmount", { max: yuanInput(request.askedFen) })}
              errors={errorOf("amount")}
            />
            <Button type="submit" name="intent" value="approve" className="w-full">
              {request.status === "returned" ? t("desk.confirmReturn") : t("desk.approve")}
            </Button>
          </Form>
          {request.status !== "returned" ? (
            <Form method="post" className="flex items-end">
              {id}
              <button
                type="submit"
                name="intent"
                value="ask-return"
                className="min-h-11 w-full rounded-full border border-stone-300 bg-white px-4 text-stone-800"
              >
                {t("desk.askReturn")}
              </button>
            </Form>
          ) : null}
          <Form method="post" className="space-y-2">
            {id}
            <Field
              id={`refuse-${request.id}`}
              name="reason"
              label={t("desk.refuseReason")}
              maxLength={200}
              errors={errorOf("reason")}
            />
            <button
              type="submit"
              name="intent"
              value="refuse"
              className="min-h-11 w-full rounded-full border border-red-300 bg-white px-4 text-red-800"
            >
              {t("desk.refuse")}
            </button>
          </Form>
        </div>
      ) : request.status === "approved" || request.status === "partially_approved" ? (
        <Form method="post">
          {id}
          <Button type="submit" name="intent" value="retry-refund">
            {t("desk.retryRefund")}
          </Button>
        </Form>
      ) : null}
    </li>
  );
}
