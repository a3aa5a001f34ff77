// The one error view every route's ErrorBoundary renders: a friendly message in both languages.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const TEXT = {
  404: {
    zh: "页面不存在",
    en: "Page not found",
    bodyZh: "你要找的页面不见了，可能已下架或链接有误。",
    bodyEn: "It may have been taken down, or the link is wrong.",
  },
  403: {
    zh: "没有权限",
    en: "Not allowed",
    bodyZh: "你没有权限查看或修改这里的内容。",
    bodyEn: "You are not allowed to see or change this.",
  },
  400: {
    zh: "请求有误",
    en: "Bad request",
    bodyZh: "提交的内容有误，请返回检查。",
    bodyEn: "Something in the request was wrong; go back and check it.",
  },
  500: {
    zh: "出错了",
    en: "Something went wrong",
    bodyZh: "抱歉，页面出了点问题，请稍后再试。",
    bodyEn: "Sorry, this page ran into a problem. Please try again shortly.",
  },
} as const;

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const text = TEXT[(status in TEXT ? status : status >= 500 ? 500 : 400) as keyof typeof TEXT];
  const detail = isRouteErrorResponse(error) && typeof error.data === "string" && status < 500 ? error.data : null;
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-5xl font-bold text-brand-600">{status}</p>
      <h1 className="mt-4 text-2xl font-semibold">
        {text.zh} <span className="text-stone-500">· {text.en}</span>
      </h1>
      <p className="mt-3 text-stone-700">{text.bodyZh}</p>
      <p className="text-stone-600">{text.bodyEn}</p>
      {detail ? <p className="mt-3 text-sm text-stone-600">{detail}</p> : null}
      <Link to="/" className="mt-8 inline-block rounded-full bg-brand-600 px-6 py-3 font-medium text-white">
        回到首页 · Back to home
      </Link>
    </main>
  );
}
