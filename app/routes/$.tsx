// Any path no other route matches: a real 404 with the shared error page.
import { errorMeta, GeneralErrorBoundary } from "~/components/general-error-boundary";

export const meta = errorMeta;

export async function loader() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
