// A cart line's − / + stepper: each button posts the new quantity (so it works without JavaScript); the server
// checks the bounds and the stock again.
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n-react";

type Props = { lineId: string; quantity: number; max: number; title: string };

export function QuantityStepper({ lineId, quantity, max, title }: Props) {
  const { t } = useTranslation("checkout");
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("lineId") === lineId;
  const step = "flex h-11 w-11 items-center justify-center text-xl disabled:text-stone-300";
  return (
    <Form method="post" preventScrollReset className="flex items-center rounded-full border border-stone-300 bg-white">
      <input type="hidden" name="intent" value="update" />
      <input type="hidden" name="lineId" value={lineId} />
      <button
        type="submit"
        name="quantity"
        value={quantity - 1}
        disabled={quantity <= 1 || busy}
        aria-label={t("cart.less", { title })}
        className={`${step} rounded-l-full`}
      >
        −
      </button>
      <output
        aria-label={t("cart.quantityOf", { title })}
        aria-live="polite"
        className="min-w-8 text-center tabular-nums"
      >
        {quantity}
      </output>
      <button
        type="submit"
        name="quantity"
        value={quantity + 1}
        disabled={quantity >= max || busy}
        aria-label={t("cart.more", { title })}
        className={`${step} rounded-r-full`}
      >
        +
      </button>
    </Form>
  );
}
