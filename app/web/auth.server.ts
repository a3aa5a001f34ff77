// Who is asking, and the guards routes put in front of what only some people may do.
import { redirect } from "@remix-run/node";
import { getViewer, type Viewer } from "~/domain/accounts/accounts.server";
import { assertCanRunShow, findShowForGuard } from "~/domain/live/shows.server";
import { mergeGuestCart } from "~/domain/checkout/cart.server";
import { db } from "../lib/db.server";
import { endSessionsOf, getSession, sessionStorage } from "../lib/session.server";

export async function getUserId(request: Request): Promise<string | null> {
  const session = await getSession(request);
  const userId = session.get("userId");
  return typeof userId === "string" ? userId : null;
}

export async function getOptionalViewer(request: Request): Promise<Viewer | null> {
  return viewerFromCookie(request.headers.get("Cookie"));
}

/** The signed-in viewer from a Cookie header alone, for handlers that run outside Remix (server/buy-now.ts). */
export async function viewerFromCookie(cookieHeader: string | null): Promise<Viewer | null> {
  const userId = (await sessionStorage.getSession(cookieHeader)).get("userId");
  return typeof userId === "string" ? getViewer(userId) : null;
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
}

export function forbidden(message = "Forbidden"): never {
  throw new Response(message, { status: 403 });
}

export async function requireViewer(request: Request): Promise<Viewer> {
  const viewer = await getOptionalViewer(request);
  if (!viewer) loginRedirect(request);
  return viewer;
}

export async function requireAdmin(request: Request): Promise<Viewer> {
  const viewer = await requireViewer(request);
  if (!viewer.isAdmin) forbidden();
  return viewer;
}

/** The workshop (by slug) the viewer may manage: its member, or an admin. Unknown slug → 404, another's → 403. */
export async function requireWorkshopMember(request: Request, workshopSlug: string) {
  const viewer = await requireViewer(request);
  const workshop = await db.workshop.findUnique({ where: { slug: workshopSlug } });
  if (!workshop) throw new Response("Workshop not found", { status: 404 });
  const isMember = viewer.memberships.some((m) => m.workshop.id === workshop.id);
  if (!isMember && !viewer.isAdmin) forbidden();
  return { viewer, workshop };
}

/** The show the viewer may run: its own approved host, or an admin. Unknown show → 404, anyone else → 403. */
export async function requireShowHost(request: Request, showId: string) {
  const viewer = await requireViewer(request);
  const show = await findShowForGuard(showId);
  if (!show) throw new Response("Show not found", { status: 404 });
  try {
    assertCanRunShow(viewer, show);
  } catch {
    forbidden();
  }
  return { viewer, show };
}

/** An approved host (to schedule shows of their own). */
export async function requireApprovedHost(request: Request) {
  const viewer = await requireViewer(request);
  if (viewer.host?.status !== "approved") forbidden();
  return { viewer, hostId: viewer.host.id };
}

/**
 * Signs a user in on a fresh session: the id a visitor arrived with (perhaps one planted on them) is thrown
 * away, so it never becomes a signed-in session. A guest's cart comes along.
 */
export async function createUserSession(
  request: Request,
  userId: string,
  redirectTo: string,
  clientAddress: string | undefined,
) {
  const previous = await getSession(request);
  const guestCart = previous.get("cartToken");
  if (typeof guestCart === "string") await mergeGuestCart(guestCart, userId);
  await sessionStorage.destroySession(previous);
  const session = await sessionStorage.getSession();
  session.set("userId", userId);
  if (clientAddress) session.set("ip", clientAddress);
  const userAgent = request.headers.get("User-Agent");
  if (userAgent) session.set("userAgent", userAgent);
  return redirect(safeRedirect(redirectTo), {
    headers: { "Set-Cookie": await sessionStorage.commitSession(session) },
  });
}

/** Ends this session for good: its row goes, so a copy of the old cookie opens nothing. */
export async function logout(request: Request) {
  const session = await getSession(request);
  return redirect("/", { headers: { "Set-Cookie": await sessionStorage.destroySession(session) } });
}

/** Ends every session of the signed-in user, this one included, and sends them to log in again. */
export async function logoutEverywhere(request: Request, userId: string) {
  await endSessionsOf(userId);
  const session = await getSession(request);
  return redirect("/login", { headers: { "Set-Cookie": await sessionStorage.destroySession(session) } });
}

/** Only same-site paths, so a crafted link cannot bounce a person to another site after log-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string") return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
