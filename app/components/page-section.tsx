// A titled section of a store page, with an optional link at the heading's end.
import { Link } from "@remix-run/react";

export function PageSection({
  title,
  id,
  action,
  children,
  className = "",
}: {
  title: React.ReactNode;
  id: string;
  action?: { to: string; label: string };
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={id} className={`mt-8 ${className}`}>
      <div className="mb-3 flex items-baseline justify-between gap-3">
        <h2 id={id} className="text-lg font-semibold sm:text-xl">
          {title}
        </h2>
        {action ? (
          <Link
            to={action.to}
            className="shrink-0 py-2 text-sm font-medium text-brand-700 underline-offset-4 hover:underline"
          >
            {action.label}
          </Link>
        ) : null}
      </div>
      {children}
    </section>
  );
}
