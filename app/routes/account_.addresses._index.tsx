// The shopper's address book: every saved address, the default first, with edit, delete and "make default".
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import * as z from "zod";
import { AddressLines } from "~/components/address-fields";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { MAX_ADDRESSES } from "~/domain/accounts/address-schema";
import { deleteAddress, listAddresses, makeDefaultAddress } from "~/domain/accounts/addresses.server";
import { DomainError } from "~/domain/errors.server";
import { requireViewer } from "~/web/auth.server";
import { domainMessage } from "~/web/checkout-request.server";
import { readForm } from "~/web/read-form.server";
import type { RouteHandle } from "~/root";
import { pageTitle } from "~/web/page-title.server";

export const handle: RouteHandle = { i18n: ["account", "checkout"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

const NOTICES = ["added", "saved", "deleted", "default"] as const;

const IntentSchema = z.object({
  intent: z.enum(["default", "delete"]),
  addressId: z.string().trim().min(1).max(64),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return {
    addresses: await listAddresses(viewer.id),
    max: MAX_ADDRESSES,
    pageTitle: await pageTitle(request, (t) => t("account:address.title")),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const parsed = IntentSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ error: "Unknown action" }, { status: 400 });
  const { intent, addressId } = parsed.data;
  try {
    if (intent === "default") await makeDefaultAddress(viewer.id, addressId);
    else await deleteAddress(viewer.id, addressId);
  } catch (error) {
    if (error instanceof DomainError)
      return data({ error: await domainMessage(request, error) }, { status: error.status });
    throw error;
  }
  return redirect(`/account/addresses?notice=${intent === "default" ? "default" : "deleted"}`);
}

export default function AddressBook() {
  const { t } = useTranslation("account");
  const { addresses, max } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = NOTICES.find((n) => n === params.get("notice"));
  const button = "min-h-11 rounded-full px-3 text-sm";
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("address.title")}</h1>
        {addresses.length < max ? (
          <Link
            to="/account/addresses/new"
            className="inline-flex min-h-11 items-center rounded-full bg-brand-600 px-5 font-medium text-white hover:bg-brand-700"
          >
            {t("address.add")}
          </Link>
        ) : (
          <span className="text-sm text-stone-600">{t("address.limit", { max })}</span>
        )}
      </div>
      {notice ? (
        <p role="status" className="rounded-lg bg-emerald-50 p-3 text-emerald-900">
          {t(`address.notice.${notice}`)}
        </p>
      ) : null}
      {actionData?.error ? (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {actionData.error}
        </p>
      ) : null}
      {addresses.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-stone-300 bg-white p-6 text-center text-stone-700">
          {t("address.empty")}
        </p>
      ) : (
        <ul
          className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white"
          data-testid="address-list"
        >
          {addresses.map((address) => (
            <li key={address.id} className="space-y-2 px-4 py-3">
              <p className="flex items-start justify-between gap-2">
                <span className="min-w-0">
                  <AddressLines address={address} />
                </span>
                {address.isDefault ? (
                  <span className="shrink-0 rounded-full bg-brand-100 px-3 py-1 text-sm font-medium text-brand-700">
                    {t("address.default")}
                  </span>
                ) : null}
              </p>
              <div className="flex flex-wrap items-center gap-1">
                <Link
                  to={`/account/addresses/${address.id}`}
                  aria-label={t("address.editOf", { name: address.recipientName })}
                  className={`${button} inline-flex items-center border border-stone-300 text-stone-800`}
                >
                  {t("address.edit")}
                </Link>
                {!address.isDefault ? (
                  <Form method="post">
                    <input type="hidden" name="addressId" value={address.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="default"
                      aria-label={t("address.makeDefaultOf", { name: address.recipientName })}
                      className={`${button} border border-brand-600 text-brand-700`}
                    >
                      {t("address.makeDefault")}
                    </button>
                  </Form>
                ) : null}
                <Form method="post" className="ml-auto">
                  <input type="hidden" name="addressId" value={address.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="delete"
                    aria-label={t("address.deleteOf", { name: address.recipientName })}
                    className={`${button} text-red-700 underline`}
                  >
                    {t("address.delete")}
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Link to="/account" className="inline-block min-h-11 py-2.5 text-brand-700 underline">
        {t("address.toAccount")}
      </Link>
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
