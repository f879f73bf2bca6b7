package io.handbill.render;

import gg.jte.Content;
import gg.jte.TemplateOutput;

/** HTML that has been sanitised (or built by us) and may be written into a page without escaping. */
public record SafeHtml(String html) implements Content {
    public static final SafeHtml EMPTY = new SafeHtml("");

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(html);
    }

    @Override
    public boolean isEmptyContent() {
        return html.isEmpty();
    }
}
