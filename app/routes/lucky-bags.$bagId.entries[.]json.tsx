// A drawn lucky bag's tickets as JSON, sorted as the draw sorts them: the input to recompute its winners.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { luckyBagEntries } from "~/domain/promotions/lucky-bag-results.server";
import { luckyBagView } from "~/domain/promotions/lucky-bags.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const bagId = params.bagId ?? "";
  const [bag, entries] = await Promise.all([luckyBagView(bagId), luckyBagEntries(bagId)]);
  if (!bag || !entries) return new Response("Not drawn", { status: 404 });
  const body = {
    bag: bag.id,
    seedCommit: bag.seedCommit,
    seed: bag.seed,
    winnersCount: bag.winnersCount,
    winners: bag.winners?.map((w) => w.ticket) ?? [],
    tickets: entries.map((e) => e.ticket),
    names: entries.map((e) => e.name),
  };
  return new Response(JSON.stringify(body), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=60" },
  });
}
