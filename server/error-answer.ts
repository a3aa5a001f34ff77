// The last word on an error that escaped a middleware (a body parser's 413, a malformed header): its status
// and a plain reason, never the stack trace Express's default handler prints outside production.
import type { ErrorRequestHandler } from "express";

export const answerErrorsPlainly: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const given = Number((error as { status?: unknown; statusCode?: unknown }).status ?? error?.statusCode);
  const status = given >= 400 && given < 600 ? given : 500;
  if (status >= 500) console.error("Request failed:", error);
  const reason =
    status === 413
      ? "请求的内容太大了。· What was sent is too large."
      : status < 500
        ? "请求有误。· The request is malformed."
        : "出错了，请稍后再试。· Something went wrong; please try again shortly.";
  res.status(status).type("text/plain").set("Cache-Control", "no-store").send(reason);
};
