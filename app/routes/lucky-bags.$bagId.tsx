// A lucky bag's public result page: the prize, the winners, the winner's own claim (an address from their book,
// within 24 hours), and how anyone can check the draw (the commitment, the revealed seed, the tickets, a snippet).
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import * as z from "zod";
import { AddressLines } from "~/components/address-fields";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { usePick } from "~/components/live/use-pick";
import { listAddresses } from "~/domain/accounts/addresses.server";
import { claimPrize } from "~/domain/promotions/lucky-bag-claims.server";
import { luckyBagResult } from "~/domain/promotions/lucky-bag-results.server";
import { DRAW_SNIPPET } from "~/domain/promotions/lucky-bag-rules";
import { formatShanghai } from "~/lib/shanghai-time";
import type { RouteHandle } from "~/root";
import { getUserId, requireViewer } from "~/web/auth.server";
import { domainErrorReply } from "~/web/domain-error-answer.server";
import { invariantResponse } from "~/web/http.server";
import { pageTitle } from "~/web/page-title.server";
import { readForm } from "~/web/read-form.server";

export const handle: RouteHandle = { i18n: ["account", "checkout", "fulfil", "live", "luckybag"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const userId = await getUserId(request);
  const result = await luckyBagResult(params.bagId ?? "", userId);
  invariantResponse(result, "Lucky bag not found");
  const expired = Boolean(result.myWin && Date.parse(result.myWin.claimBy) <= Date.now());
  const claimable = result.myWin && !result.myWin.claimedAt && !result.myWin.returnedAt && !expired;
  return {
    ...result,
    expired,
    addresses: claimable && userId ? await listAddresses(userId) : [],
    snippet: DRAW_SNIPPET,
    pageTitle: await pageTitle(request, (t) => t("luckybag:result.pageTitle")),
  };
}

const ClaimSchema = z.object({
  intent: z.literal("claim"),
  addressId: z.string("luckybag:error.address").min(1, "luckybag:error.address").max(64, "luckybag:error.address"),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const submission = parseWithZod(await readForm(request), { schema: ClaimSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await luckyBagResult(params.bagId ?? "", viewer.id);
  invariantResponse(result?.myWin, "Not a winner", { status: 403 });
  try {
    const order = await claimPrize(result.myWin.id, viewer.id, submission.value.addressId);
    return redirect(`/orders/${order.orderId}?${new URLSearchParams({ token: order.accessToken })}`);
  } catch (error) {
    return domainErrorReply(error, request, ({ message }) => ({
      result: submission.reply({ formErrors: [message] }),
    }));
  }
}

export default function LuckyBagResultPage() {
  const { view, showTitle, host, workshop, donor, myTicket, myWin, expired, addresses, snippet } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("luckybag");
  const { pick, locale } = usePick();
  const prize = pick(view.prize.titleZh, view.prize.titleEn);
  const errors = actionData?.result.error;
  const formError = errors?.[""]?.[0] ?? errors?.addressId?.map((key) => t(key)).join(" ");
  const won = myWin !== null;
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-5 px-4 py-5">
      <header className="space-y-1">
        <p className="text-sm text-stone-600">
          <span data-as-written>{showTitle}</span> · {pick(host.nameZh, host.nameEn)}
        </p>
        <h1 className="text-xl font-semibold">{t("result.title", { prize })}</h1>
        <p className="text-sm">
          {pick(view.prize.variantNameZh, view.prize.variantNameEn)} ·{" "}
          {t("room.winners", { count: view.winnersCount, units: view.prize.unitsPerWinner })}
        </p>
        <p className="text-sm text-stone-600">
          {donor === "host"
            ? t("result.donorHost")
            : t("result.donorWorkshop", { workshop: pick(workshop.nameZh, workshop.nameEn) })}
        </p>
      </header>

      {view.drawnAt ? (
        <section aria-labelledby="winners" className="space-y-2 rounded-2xl bg-white p-4 ring-1 ring-stone-200">
          <h2 id="winners" className="font-semibold">
            {t("result.winners", { time: formatShanghai(view.drawnAt, locale), count: view.entriesCount })}
          </h2>
          {view.winners!.length ? (
            <ol className="flex flex-wrap gap-2 text-sm">
              {view.winners!.map((w) => (
                <li key={w.ticket} className="rounded-full bg-amber-100 px-3 py-1">
                  <span lang="zh-CN" translate="no" data-as-written>
                    {w.name}
                  </span>{" "}
                  <code className="text-xs text-stone-600">{w.ticket}</code>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm">{t("room.noEntries")}</p>
          )}
          {myTicket && !won ? <p className="text-sm">{t("result.notWon", { ticket: myTicket })}</p> : null}
        </section>
      ) : (
        <p className="rounded-2xl bg-amber-50 p-4 text-sm">
          {t("result.running", { time: formatShanghai(view.endsAt, locale) })}
        </p>
      )}

      {myWin ? (
        <section aria-labelledby="claim" className="space-y-3 rounded-2xl bg-amber-50 p-4 ring-1 ring-amber-200">
          <h2 id="claim" className="font-semibold">
            {t("room.youWon", { prize })}
          </h2>
          {myWin.claimedAt && myWin.orderId ? (
            <p className="text-sm">
              {t("result.claimed")}{" "}
              <Link to={`/orders/${myWin.orderId}`} className="text-brand-700 underline">
                {t("result.seeOrder")}
              </Link>
            </p>
          ) : myWin.returnedAt || expired ? (
            <p className="text-sm">{t("result.expired")}</p>
          ) : (
            <Form method="post" className="space-y-3" aria-describedby={formError ? "claim-error" : undefined}>
              <input type="hidden" name="intent" value="claim" />
              <p className="text-sm">{t("result.claimBy", { time: formatShanghai(myWin.claimBy, locale) })}</p>
              {addresses.length ? (
                <fieldset className="space-y-2">
                  <legend className="text-sm font-medium">{t("result.address")}</legend>
                  {addresses.map((a) => (
                    <label key={a.id} className="flex items-start gap-2 rounded-xl bg-white p-3 ring-1 ring-stone-200">
                      <input type="radio" name="addressId" value={a.id} defaultChecked={a.isDefault} className="mt-1" />
                      <span>
                        <AddressLines address={a} />
                      </span>
                    </label>
                  ))}
                </fieldset>
              ) : (
                <p className="text-sm">{t("result.noAddress")}</p>
              )}
              <Link to="/account/addresses/new" className="block text-sm text-brand-700 underline">
                {t("result.addAddress")}
              </Link>
              {formError ? (
                <p id="claim-error" role="alert" className="text-sm text-red-700">
                  {formError}
                </p>
              ) : null}
              {addresses.length ? (
                <button
                  type="submit"
                  className="min-h-11 w-full rounded-full bg-red-600 px-4 text-sm font-semibold text-white"
                >
                  {t("result.claim")}
                </button>
              ) : null}
            </Form>
          )}
        </section>
      ) : null}

      <section aria-labelledby="verify" className="space-y-2 text-sm">
        <h2 id="verify" className="font-semibold">
          {t("verify.title")}
        </h2>
        <p>{t("verify.how")}</p>
        <dl className="space-y-1">
          <dt className="font-medium">{t("verify.commit")}</dt>
          <dd>
            <code className="break-all" data-testid="seed-commit">
              {view.seedCommit}
            </code>
          </dd>
          <dt className="font-medium">{t("verify.seed")}</dt>
          <dd>
            {view.seed ? (
              <code className="break-all" data-testid="seed">
                {view.seed}
              </code>
            ) : (
              t("verify.seedLater")
            )}
          </dd>
        </dl>
        {view.drawnAt ? (
          <p>
            <a href={`/lucky-bags/${view.id}/entries.json`} className="text-brand-700 underline" download>
              {t("verify.entries", { count: view.entriesCount })}
            </a>
          </p>
        ) : null}
        <p>{t("verify.run")}</p>
        <pre
          tabIndex={0}
          className="overflow-x-auto rounded-xl bg-stone-900 p-3 text-xs text-stone-100"
          translate="no"
          aria-label={t("verify.code")}
        >
          <code>{snippet}</code>
        </pre>
        <p>{t("verify.then")}</p>
        <pre className="rounded-xl bg-stone-900 p-3 text-xs text-stone-100" translate="no">
          <code>{`await draw(seed, tickets, ${view.winnersCount})`}</code>
        </pre>
      </section>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
