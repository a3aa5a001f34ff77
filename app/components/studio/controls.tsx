// Form controls of the workshop studio: large targets for a phone in a packing room, each labelled, with its
// error beside it and tied to it for screen readers.
import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { controlAria, FieldShell, type FieldShellProps } from "~/components/ui/field";

export const controlClass =
  "mt-1 block w-full min-h-12 rounded-lg border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50";

type Common = FieldShellProps;

export function TextInput({
  label,
  errors,
  hint,
  id,
  className,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint} className={className}>
      <input {...input} {...controlAria(id, errors, hint)} className={controlClass} />
    </FieldShell>
  );
}

export function TextArea({
  label,
  errors,
  hint,
  id,
  className,
  ...input
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint} className={className}>
      <textarea rows={4} {...input} {...controlAria(id, errors, hint)} className={controlClass} />
    </FieldShell>
  );
}

export function Select({
  label,
  errors,
  hint,
  id,
  className,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint} className={className}>
      <select {...select} {...controlAria(id, errors, hint)} className={controlClass}>
        {children}
      </select>
    </FieldShell>
  );
}

export function Checkbox({
  label,
  hint,
  id,
  className = "",
  ...input
}: Omit<Common, "errors"> & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={className}>
      <label
        htmlFor={id}
        className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-stone-300 bg-white px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
      >
        <input
          {...input}
          type="checkbox"
          id={id}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className="size-5 accent-brand-600"
        />
        <span className="text-base text-stone-900">{label}</span>
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-stone-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

const buttonTone = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border border-stone-300 bg-white text-stone-900 hover:bg-stone-100",
  danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50",
} as const;

export function StudioButton({
  tone = "primary",
  className = "",
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { tone?: keyof typeof buttonTone }) {
  return (
    <button
      className={`inline-flex min-h-12 items-center justify-center gap-2 rounded-full px-5 py-2 text-base font-medium disabled:opacity-60 ${buttonTone[tone]} ${className}`}
      {...props}
    />
  );
}
