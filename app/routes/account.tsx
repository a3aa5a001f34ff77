// My account: who I am, the roles I hold (and whether each is approved yet), the way to each workspace, and the
// devices I am signed in on (with "log out everywhere").
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { ApprovalBadge } from "~/components/approval-badge";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { logoutEverywhere, requireViewer } from "~/web/auth.server";
import { readForm } from "~/web/read-form.server";
import { getSession, listSessionsOf } from "~/lib/session.server";
import { formatDateTime } from "~/lib/shanghai-time";
import type { RouteHandle } from "~/root";

export const handle: RouteHandle = { i18n: ["account", "checkout"] };
import { pageTitle } from "~/web/page-title.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const [current, sessions] = await Promise.all([getSession(request), listSessionsOf(viewer.id)]);
  return {
    // Session ids are the keys to the sessions themselves: only whether each is this one leaves the server.
    devices: sessions.map((s) => ({
      current: s.id === current.id,
      ip: s.ip,
      userAgent: s.userAgent,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
    })),
    name: viewer.name,
    email: viewer.email,
    isAdmin: viewer.isAdmin,
    host: viewer.host,
    memberships: viewer.memberships.map((m) => ({ role: m.role, workshop: m.workshop })),
    pageTitle: await pageTitle(request, (t) => t("account:account.title")),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const intent = (await readForm(request)).get("intent");
  if (intent !== "logout-everywhere") throw new Response("Unknown action", { status: 400 });
  return logoutEverywhere(request, viewer.id);
}

export default function Account() {
  const { t, i18n } = useTranslation("account");
  const { name, email, isAdmin, host, memberships, devices } = useLoaderData<typeof loader>();
  const en = i18n.language === "en";
  const row = "flex min-h-14 flex-wrap items-center justify-between gap-2 px-4 py-3";
  const link =
    "inline-flex min-h-11 items-center rounded-full bg-brand-600 px-5 font-medium text-white hover:bg-brand-700";
  return (
    <main id="main" className="mx-auto max-w-xl space-y-6 px-4 py-8">
      <h1 className="text-2xl font-semibold">{t("account.title")}</h1>

      <dl className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
        <div className={row}>
          <dt className="text-stone-600">{t("account.name")}</dt>
          <dd className="font-medium">{name}</dd>
        </div>
        <div className={row}>
          <dt className="text-stone-600">{t("account.email")}</dt>
          <dd className="font-medium break-all">{email}</dd>
        </div>
      </dl>

      <Link
        to="/account/orders"
        className="flex min-h-14 items-center justify-between rounded-2xl border border-stone-200 bg-white px-4 py-3 font-medium hover:border-brand-600"
      >
        {t("checkout:myOrders.title")}
        <span aria-hidden="true">›</span>
      </Link>

      <Link
        to="/account/addresses"
        className="flex min-h-14 items-center justify-between gap-2 rounded-2xl border border-stone-200 bg-white px-4 py-3 hover:bg-stone-50"
      >
        <span>
          <span className="block font-medium">{t("account.addresses")}</span>
          <span className="block text-sm text-stone-600">{t("account.addressesHint")}</span>
        </span>
        <span aria-hidden="true" className="text-xl text-stone-500">
          ›
        </span>
      </Link>

      <section aria-labelledby="roles">
        <h2 id="roles" className="text-lg font-semibold">
          {t("account.roles")}
        </h2>
        <ul className="mt-2 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
          <li className={row}>{t("account.role.shopper")}</li>
          {isAdmin ? (
            <li className={row}>
              <span>{t("account.role.admin")}</span>
              <Link to="/admin" className={link}>
                {t("account.goAdmin")}
              </Link>
            </li>
          ) : null}
          {host ? (
            <li className={row}>
              <span>
                <span className="block">{t("account.role.hostName")}</span>
                {host.status !== "approved" ? (
                  <span className="block text-sm text-stone-600">{t(`account.host.${host.status}`)}</span>
                ) : null}
              </span>
              <ApprovalBadge status={host.status} />
            </li>
          ) : null}
          {memberships.map((m) => (
            <li key={m.workshop.id} className={row}>
              <span>
                <span className="block">
                  {t(`account.role.${m.role}`, { workshop: en ? m.workshop.nameEn : m.workshop.nameZh })}
                </span>
                {m.workshop.status !== "approved" ? (
                  <span className="block text-sm text-stone-600">{t(`account.workshop.${m.workshop.status}`)}</span>
                ) : null}
              </span>
              <span className="flex items-center gap-2">
                <ApprovalBadge status={m.workshop.status} />
                <Link
                  to={`/studio/${m.workshop.slug}`}
                  className={link}
                  aria-label={t("account.goStudioOf", { workshop: en ? m.workshop.nameEn : m.workshop.nameZh })}
                >
                  {t("account.goStudio")}
                </Link>
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="devices">
        <h2 id="devices" className="text-lg font-semibold">
          {t("account.devices")}
        </h2>
        <ul className="mt-2 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
          {devices.map((d) => (
            <li key={d.createdAt + (d.userAgent ?? "")} className="space-y-1 px-4 py-3">
              <span className="flex flex-wrap items-center justify-between gap-2">
                <span className="line-clamp-2 text-sm break-all" translate="no">
                  {d.userAgent ?? t("account.device.unknown")}
                </span>
                {d.current ? (
                  <span className="shrink-0 rounded-full bg-leaf-600/10 px-3 py-1 text-sm text-leaf-700">
                    {t("account.device.this")}
                  </span>
                ) : null}
              </span>
              <span className="block text-sm text-stone-600">
                {t("account.device.seen", {
                  date: formatDateTime(d.lastSeenAt, i18n.language),
                  since: formatDateTime(d.createdAt, i18n.language),
                })}
                {d.ip ? ` · ${t("account.device.ip", { ip: d.ip })}` : null}
              </span>
            </li>
          ))}
        </ul>
        <Form method="post" className="mt-3 space-y-2">
          <p className="text-sm text-stone-700">{t("account.logoutEverywhereHint")}</p>
          <button
            type="submit"
            name="intent"
            value="logout-everywhere"
            className="min-h-11 rounded-full border border-red-300 bg-white px-5 text-red-700 hover:bg-red-50"
          >
            {t("account.logoutEverywhere")}
          </button>
        </Form>
      </section>

      <Form method="post" action="/logout">
        <button
          type="submit"
          className="min-h-11 rounded-full border border-stone-300 bg-white px-5 text-stone-800 hover:bg-stone-100"
        >
          {t("common:nav.logout")}
        </button>
      </Form>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
