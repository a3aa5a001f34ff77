// Editing one of the shopper's own addresses; anyone else's (or none) is not found.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import { AddressBookForm } from "~/components/address-book-form";
import { GeneralErrorBoundary } from "~/components/general-error-boundary";
import { getAddress, updateAddress } from "~/domain/accounts/addresses.server";
import { DomainError } from "~/domain/errors.server";
import { addressFormAction } from "~/web/address-form-action.server";
import { requireViewer } from "~/web/auth.server";
import { domainMessage } from "~/web/checkout-request.server";
import type { RouteHandle } from "~/root";
import { pageTitle } from "~/web/page-title.server";

export const handle: RouteHandle = { i18n: ["account", "checkout"] };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Cunbo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  try {
    return {
      address: await getAddress(viewer.id, (params.addressId ?? "").slice(0, 64)),
      pageTitle: await pageTitle(request, (t) => t("account:address.edit")),
    };
  } catch (error) {
    if (error instanceof DomainError) throw new Response(await domainMessage(request, error), { status: 404 });
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const addressId = (params.addressId ?? "").slice(0, 64);
  return addressFormAction(request, (input, options) => updateAddress(viewer.id, addressId, input, options), "saved");
}

export default function EditAddress() {
  const { t } = useTranslation("account");
  const { address } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 px-4 py-8">
      <h1 className="text-2xl font-semibold">{t("address.edit")}</h1>
      <AddressBookForm
        lastResult={useActionData<typeof action>()}
        defaultValue={{
          contactName: address.recipientName,
          phone: address.phone,
          province: address.province,
          city: address.city,
          district: address.district,
          street: address.street,
        }}
        canMakeDefault={!address.isDefault}
      />
    </main>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
