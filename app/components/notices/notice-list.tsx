// The inbox's lines, newest first: unread ones stand out; opening one (a small form) marks it read on the way.
import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";
import type { NoticeView } from "~/domain/notices/notices.server";
import { courierName } from "~/domain/fulfilment/couriers";
import { formatDateTime } from "~/lib/shanghai-time";

function useNoticeText(notice: NoticeView) {
  const { t, i18n } = useTranslation("notices");
  const en = i18n.language === "en";
  if (notice.show) {
    const values = { host: en ? notice.show.hostEn : notice.show.hostZh, title: notice.show.title };
    return { title: t(`kind.${notice.kind}.title`, values), body: t(`kind.${notice.kind}.body`, values) };
  }
  const parcel = notice.parcel!;
  const values = {
    number: parcel.orderNumber,
    workshop: en ? parcel.workshopEn : parcel.workshopZh,
    courier: courierName(parcel.courier, i18n.language),
    tracking: parcel.tracking,
  };
  return { title: t("kind.order_shipped.title", values), body: t("kind.order_shipped.body", values) };
}

function NoticeLine({ notice }: { notice: NoticeView }) {
  const { t, i18n } = useTranslation("notices");
  const text = useNoticeText(notice);
  return (
    <li data-testid="notice" data-read={notice.read ? "1" : "0"}>
      <Form method="post" className="block">
        <input type="hidden" name="intent" value="read" />
        <input type="hidden" name="noticeId" value={notice.id} />
        <input type="hidden" name="redirectTo" value={notice.href} />
        <button
          type="submit"
          className={`block w-full rounded-2xl p-3 text-left ring-1 ${notice.read ? "bg-white ring-stone-200" : "bg-brand-50 ring-brand-600/40"}`}
        >
          <span className="flex items-center justify-between gap-2">
            <span className="font-semibold">{text.title}</span>
            {notice.read ? null : (
              <span className="shrink-0 rounded-full bg-brand-600 px-2 py-0.5 text-xs text-white">
                {t("page.unread")}
              </span>
            )}
          </span>
          <span className="mt-1 block text-sm text-stone-800">{text.body}</span>
          <time dateTime={notice.createdAt} className="mt-1 block text-xs text-stone-600">
            {formatDateTime(notice.createdAt, i18n.language)}
          </time>
        </button>
      </Form>
    </li>
  );
}

export function NoticeList({ notices }: { notices: NoticeView[] }) {
  const { t } = useTranslation("notices");
  if (notices.length === 0) return <p className="mt-6 text-stone-700">{t("page.empty")}</p>;
  return (
    <ul className="mt-4 space-y-2">
      {notices.map((notice) => (
        <NoticeLine key={notice.id} notice={notice} />
      ))}
    </ul>
  );
}
