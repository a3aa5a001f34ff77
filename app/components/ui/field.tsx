// A labelled form field with its error shown beside it and tied to it for screen readers. Errors arrive as
// conform gives them, message keys ("account:error.email"), and are translated here, not by every form.
import type { InputHTMLAttributes, ReactNode } from "react";
import { useTranslation } from "~/lib/i18n-react";

type FieldProps = {
  label: string;
  errors?: string[];
  hint?: string;
} & InputHTMLAttributes<HTMLInputElement> & { id: string };

export type FieldShellProps = { label: string; errors?: string[]; hint?: string; id: string; className?: string };

export const inputClass =
  "mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 aria-[invalid=true]:border-red-600";

/** The ids a control points screen readers to: its error (when there is one) and its hint. */
function describedBy(id: string, invalid: boolean, hint?: string) {
  return [invalid ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

/** What ties a control to its label's error and hint, spread onto the input, textarea or select. */
export function controlAria(id: string, errors?: string[], hint?: string) {
  const invalid = Boolean(errors?.length);
  return { id, "aria-invalid": invalid || undefined, "aria-describedby": describedBy(id, invalid, hint) };
}

/** Label, control, hint and error, in that order: the one layout every form control uses. */
export function FieldShell({
  id,
  label,
  errors,
  hint,
  className,
  children,
}: FieldShellProps & { children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-stone-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function Field({ label, errors, hint, id, className, ...input }: FieldProps) {
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint} className={className}>
      <input {...controlAria(id, errors, hint)} className={inputClass} {...input} />
    </FieldShell>
  );
}

// A namespaced message key; anything else (a message the server already worded) is shown as it is.
const MESSAGE_KEY = /^[a-z]+:[\w.-]+$/;

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-sm text-red-700">
      {errors.map((error) => (MESSAGE_KEY.test(error) ? t(error) : error)).join(" ")}
    </p>
  );
}

export function Button({ className = "", ...props }: React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      className={`inline-flex min-h-11 items-center justify-center rounded-full bg-brand-600 px-5 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60 ${className}`}
      {...props}
    />
  );
}
