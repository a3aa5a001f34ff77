// A bottom sheet over the stream: a native modal <dialog> (focus kept inside, Esc closes), styled for phones.
import { useEffect, useRef } from "react";

type Props = { open: boolean; onClose: () => void; title: string; closeLabel: string; children: React.ReactNode };

export function Sheet({ open, onClose, title, closeLabel, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onClick={(event) => {
        if (event.target === ref.current) onClose(); // a tap on the backdrop
      }}
      aria-label={title}
      className="m-0 mt-auto max-h-[85dvh] w-full max-w-full rounded-t-3xl bg-white p-0 text-stone-900 backdrop:bg-black/50 sm:mx-auto sm:mb-auto sm:max-w-md sm:rounded-3xl"
    >
      <div className="flex items-center justify-between border-b border-stone-200 px-4 py-3">
        <h2 className="text-base font-semibold">{title}</h2>
        <button
          type="button"
          onClick={onClose}
          className="min-h-11 min-w-11 rounded-full text-2xl leading-none text-stone-600"
          aria-label={closeLabel}
        >
          ×
        </button>
      </div>
      <div className="overflow-y-auto px-4 pt-3 pb-[max(1rem,env(safe-area-inset-bottom))]">
        {open ? children : null}
      </div>
    </dialog>
  );
}
