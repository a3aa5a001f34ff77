// A share poster as an HTTP answer: the page's cover found on disk (public/ or the uploads folder), the poster drawn,
// and a PNG that chats and browsers may cache for a while.
import path from "node:path";
import { renderPoster, type PosterInput } from "~/domain/notices/poster.server";
import { env } from "~/lib/env.server";
import { domainErrorResponse } from "./domain-error-answer.server";

/** The file behind an image address of ours (/images/…, /uploads/…), or null for anything else. */
export function localImagePath(src: string | null | undefined): string | null {
  if (!src || !src.startsWith("/") || src.startsWith("//")) return null;
  const [root, rest] = src.startsWith("/uploads/")
    ? [path.resolve(env().UPLOAD_DIR), src.slice("/uploads/".length)]
    : [path.resolve("public"), src.slice(1)];
  const file = path.resolve(root, decodeURIComponent(rest.split("?")[0]));
  return file.startsWith(`${root}${path.sep}`) ? file : null;
}

export async function posterResponse(request: Request, input: Omit<PosterInput, "coverPath">, cover: string | null) {
  try {
    const png = await renderPoster({ ...input, coverPath: localImagePath(cover) });
    return new Response(new Uint8Array(png), {
      headers: {
        "Content-Type": "image/png",
        "Content-Length": String(png.length),
        "Cache-Control": "public, max-age=300",
      },
    });
  } catch (error) {
    return domainErrorResponse(error, request);
  }
}
