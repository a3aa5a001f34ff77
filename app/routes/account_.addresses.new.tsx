// Adding an address to the shopper's book.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { AddressBookForm } from "~/components/address-book-form";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { addAddress, listAddresses } from "~/domain/accounts/addresses.server";
import { addressFormAction } from "~/web/address-form-action.server";
import { requireViewer } from "~/web/auth.server";
import type { RouteHandle } from "~/root";
import { pageTitle } from "~/web/page-title.server";

export const handle: RouteHandle = { i18n: ["account", "checkout"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return {
    first: (await listAddresses(viewer.id)).length === 0,
    name: viewer.name,
    pageTitle: await pageTitle(request, (t) => t("account:address.add")),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  return addressFormAction(request, (input, options) => addAddress(viewer.id, input, options), "added");
}

export default function NewAddress() {
  const { t } = useTranslation("account");
  const { first, name } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-8">
      <h1 className="text-2xl font-semibold">{t("address.add")}</h1>
      <AddressBookForm
        lastResult={useActionData<typeof action>()}
        defaultValue={{ contactName: name }}
        canMakeDefault={!first}
      />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
