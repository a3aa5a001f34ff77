// Which parcels a print or export covers: the ticked ones (?ids=a&ids=b or ?ids=a,b), else the filtered queue.
// `selection` says the request came from the ticked-parcels toolbar.
// Ticked ids must all be this workshop's: one that is not makes the whole request a 404.
import { InvalidInput, NotFound } from "../errors.server";
import { EXPORT_LIMIT, filteredParcels, parcelsByIds, parseQueueFilters } from "./queue.server";

export async function selectedParcels(workshopId: string, params: URLSearchParams, now = new Date()) {
  const ids = [
    ...new Set(
      params
        .getAll("ids")
        .flatMap((value) => value.split(","))
        .map((value) => value.trim())
        .filter(Boolean),
    ),
  ];
  // The toolbar's "print ticked" marks itself, so ticking nothing is a mistake rather than "print everything".
  if (params.has("selection") && ids.length === 0) throw new InvalidInput("fulfil:error.noneSelected");
  if (ids.length > EXPORT_LIMIT) throw new InvalidInput("fulfil:error.tooMany", { max: EXPORT_LIMIT });
  if (ids.length === 0) return filteredParcels(workshopId, parseQueueFilters(params), now);
  const parcels = await parcelsByIds(workshopId, ids, now);
  if (parcels.length !== ids.length) throw new NotFound("fulfil:error.notFound");
  return parcels;
}
