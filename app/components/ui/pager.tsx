// The one pager: "previous · page n of m · next" links under a list, each link a real address (works without JS).
import { Link } from "@remix-run/react";

type PagerProps = {
  /** The navigation's accessible name ("搜索结果分页"). */
  label: string;
  prev: { href: string; text: string } | null;
  next: { href: string; text: string } | null;
  /** Where the visitor is ("第 2 / 5 页"), when the number of pages is known. */
  position?: string;
};

const linkClass =
  "inline-flex min-h-11 items-center rounded-full bg-white px-4 text-sm font-medium ring-1 ring-stone-300 hover:bg-stone-100";

export function Pager({ label, prev, next, position }: PagerProps) {
  if (!prev && !next) return null;
  return (
    <nav aria-label={label} className="mt-6 flex items-center justify-between gap-3 sm:justify-center">
      {prev ? (
        <Link to={prev.href} className={linkClass} rel="prev">
          {prev.text}
        </Link>
      ) : (
        <span />
      )}
      {position ? <span className="text-sm text-stone-700">{position}</span> : null}
      {next ? (
        <Link to={next.href} className={linkClass} rel="next">
          {next.text}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
