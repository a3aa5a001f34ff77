import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field } from "~/components/ui/field";
import { I18nProvider } from "~/lib/i18n-react";
import account from "~/locales/zh-CN/account";
import common from "~/locales/zh-CN/common";

const i18n = { language: "zh-CN", resources: { account, common } } as const;
const render = (errors?: string[]) =>
  renderToStaticMarkup(
    <I18nProvider value={i18n}>
      <Field id="email" name="email" label="邮箱" errors={errors} />
    </I18nProvider>,
  );

describe("a form field", () => {
  it("translates the message keys it is given and ties them to its input", () => {
    const html = render(["account:error.email"]);
    expect(html).toContain('<p id="email-error" role="alert" class="mt-1 text-sm text-red-700">请输入有效的邮箱</p>');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="email-error"');
  });

  it("shows a message the server already worded as it is, and no error when there is none", () => {
    expect(render(["Stripe: card declined"])).toContain(">Stripe: card declined</p>");
    const html = render();
    expect(html).not.toContain('role="alert"');
    expect(html).not.toContain("aria-invalid");
  });
});
