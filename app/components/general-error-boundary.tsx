// The one error view every route's ErrorBoundary renders: a friendly message in the visitor's language (both
// languages only when even the root's data, which carries the language, could not be loaded).
import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { MetaArgs } from "@remix-run/node";
import type { Locale } from "~/lib/i18n";
import type { RootData } from "~/root";

// Kept here rather than in the translations: this view must render when loading the page's translations failed.
const TEXT = {
  "zh-CN": {
    404: { title: "页面不存在", body: "你要找的页面不见了，可能已下架或链接有误。" },
    403: { title: "没有权限", body: "你没有权限查看或修改这里的内容。" },
    400: { title: "请求有误", body: "提交的内容有误，请返回检查。" },
    500: { title: "出错了", body: "抱歉，页面出了点问题，请稍后再试。" },
    home: "回到首页",
    brand: "村播 Cunbo",
  },
  en: {
    404: { title: "Page not found", body: "It may have been taken down, or the link is wrong." },
    403: { title: "Not allowed", body: "You are not allowed to see or change this." },
    400: { title: "Bad request", body: "Something in the request was wrong; go back and check it." },
    500: { title: "Something went wrong", body: "Sorry, this page ran into a problem. Please try again shortly." },
    home: "Back to home",
    brand: "Cunbo",
  },
} as const;

type Shown = 404 | 403 | 400 | 500;
const shownStatus = (status: number): Shown =>
  status === 404 || status === 403 || status === 400 ? status : status >= 500 ? 500 : 400;

/** The <title> of an error page, for a route's meta: `export const meta = errorMeta`. */
export function errorMeta({ matches, error }: MetaArgs) {
  const root = matches.find((match) => match.id === "root")?.data as RootData | undefined;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const text = TEXT[root?.locale ?? "zh-CN"];
  return [{ title: `${text[shownStatus(status)].title} · ${text.brand}` }];
}

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const locale = useRouteLoaderData<RootData>("root")?.locale;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const detail = isRouteErrorResponse(error) && typeof error.data === "string" && status < 500 ? error.data : null;
  if (!isRouteErrorResponse(error)) console.error(error);
  const shown: Locale[] = locale ? [locale] : ["zh-CN", "en"];
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-5xl font-bold text-brand-600">{status}</p>
      {shown.map((lang, index) => (
        <div key={lang} lang={lang}>
          {index === 0 ? (
            <h1 className="mt-4 text-2xl font-semibold">{TEXT[lang][shownStatus(status)].title}</h1>
          ) : (
            <p className="mt-4 text-xl font-semibold text-stone-600">{TEXT[lang][shownStatus(status)].title}</p>
          )}
          <p className="mt-3 text-stone-700">{TEXT[lang][shownStatus(status)].body}</p>
        </div>
      ))}
      {detail ? <p className="mt-3 text-sm text-stone-600">{detail}</p> : null}
      <Link
        to="/"
        className="mt-8 inline-block rounded-full bg-brand-600 px-6 py-3 font-medium text-white"
        lang={shown[0]}
      >
        {TEXT[shown[0]].home}
      </Link>
    </main>
  );
}
