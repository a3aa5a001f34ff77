// Any path no other route matches: a real 404 with the shared error page.
import { GeneralErrorBoundary } from "~/components/general-error-boundary";

export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
