// A statement's PDF or CSV (?format=pdf|csv), for whoever may see the statement: a file, not a page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { statementFile } from "~/web/statement-page.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return statementFile(request, params.statementId ?? "", new URL(request.url).searchParams.get("format"));
}
