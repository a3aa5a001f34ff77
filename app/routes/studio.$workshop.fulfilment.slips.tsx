// A resource route (no component and so no ErrorBoundary, or Remix would render the page instead).
// Packing slips as a PDF (one page per parcel) for the ticked parcels or the filtered queue of this workshop.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { packingSlipsPdf } from "~/domain/fulfilment/packing-slips.server";
import { selectedParcels } from "~/domain/fulfilment/parcel-selection.server";
import { requireWorkshopMember } from "~/web/auth.server";
import { env } from "~/lib/env.server";
import { getLocale, translator } from "~/lib/locale.server";
import { shanghaiDay } from "~/lib/shanghai-time";
import { domainErrorResponse } from "~/web/domain-error-answer.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop } = await requireWorkshopMember(request, params.workshop ?? "");
  const url = new URL(request.url);
  const locale = await getLocale(request);
  const t = translator(locale);
  try {
    const parcels = await selectedParcels(workshop.id, url.searchParams);
    if (parcels.length === 0) return new Response(t("fulfil:queue.empty"), { status: 404 });
    const pdf = await packingSlipsPdf({ parcels, workshop, locale, origin: env().PUBLIC_URL ?? url.origin });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="packing-slips-${workshop.slug}-${shanghaiDay(new Date())}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return domainErrorResponse(error, locale);
  }
}
