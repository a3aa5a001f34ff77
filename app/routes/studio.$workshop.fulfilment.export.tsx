// A resource route (no component and so no ErrorBoundary, or Remix would render the page instead).
// The filtered queue (or the ticked parcels) of this workshop as CSV for a courier's booking system.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { selectedParcels } from "~/domain/fulfilment/parcel-selection.server";
import { queueCsv } from "~/domain/fulfilment/queue-export.server";
import { requireWorkshopMember } from "~/web/auth.server";
import { getLocale } from "~/lib/locale.server";
import { shanghaiDay } from "~/lib/shanghai-time";
import { domainErrorResponse } from "~/web/domain-error-answer.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop } = await requireWorkshopMember(request, params.workshop ?? "");
  const locale = await getLocale(request);
  try {
    const parcels = await selectedParcels(workshop.id, new URL(request.url).searchParams);
    return new Response(queueCsv(parcels, locale), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="parcels-${workshop.slug}-${shanghaiDay(new Date())}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return domainErrorResponse(error, locale);
  }
}
