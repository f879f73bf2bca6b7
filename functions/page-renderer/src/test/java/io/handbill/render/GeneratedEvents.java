package io.handbill.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handbill.fixtures.Fixtures;
import io.handbill.json.Json;
import io.handbill.model.EventDraft;
import io.handbill.validation.EventDraftValidator;
import io.handbill.validation.FieldError;

import java.util.List;
import java.util.Random;

/**
 * Event drafts with generated text in every field, from a seed so that a failure can be replayed: Markdown and HTML
 * constructs, entities (including ones that decode to code points no page may carry), scripts from every corner of
 * Unicode, the control characters validation lets through, and long runs. Each draft is bound from JSON and checked
 * by {@link EventDraftValidator} as the API does, so every draft is one the API would store.
 */
final class GeneratedEvents {
    private static final String[] MARKUP = {
            "# ", "## ", "###### ", "####### ", "**", "__", "*", "_", "`", "```\n", "~~~\n", "> ", "- ", "* ", "+ ",
            "1. ", "2) ", "---\n", "***\n", "\n\n", "  \n", "\\", "[link](https://example.org/a?b=c&d=e)",
            "[x](javascript:alert(1))", "![img](https://example.org/i.png \"t\")", "<https://example.org/auto>",
            "<b>", "</b>", "<p>", "</p>", "</p></p>", "<div>", "</div>", "<table><tr><td>", "</td></tr></table>",
            "<ul><li>", "</li></ul>", "<li>", "<ol start=\"3\">", "<dl><dt>", "<dd>", "<h1>", "</h2>", "<h7>",
            "<pre>", "</pre>", "<code>", "</code>", "<blockquote>", "<q cite=\"https://example.org/\">", "</q>",
            "<a href=\"https://example.org/\">", "<a href=\"javascript:x\">", "</a>", "<a name=\"x\">",
            "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "<style>p{}</style>", "<br>", "<br/>",
            "<hr>", "<!--", "-->", "<![CDATA[", "]]>", "<?php ?>", "<!DOCTYPE html>", "<svg><g/>", "<math>",
            "<template>", "<form><input>", "<select><option>", "<iframe src=x>", "<p style=\"x\">", "<sub>", "<sup>",
            "&amp;", "&lt;", "&nbsp;", "&copy;", "&bogus;", "&#0;", "&#x0;", "&#1;", "&#x7f;", "&#133;", "&#x85;",
            "&#x9f;", "&#xd800;", "&#xdfff;", "&#xfffe;", "&#xffff;", "&#xfdd0;", "&#x1fffe;", "&#x10ffff;",
            "&#x110000;", "&#128512;", "&#65533;", "&#12;", "|a|b|\n|-|-|\n|1|2|\n", "    indented code\n",
            "\t", "\r\n", "\r", "\n", "<", ">", "&", "\"", "'", "=", "`", "]]", "{{", "}}", "${x}", "@if", "%s",
    };
    private static final int[][] RANGES = {
            {'a', 'z'}, {'A', 'Z'}, {'0', '9'}, {0xC0, 0x17F}, {0x370, 0x3FF}, {0x400, 0x4FF}, {0x5D0, 0x5EA},
            {0x600, 0x6FF}, {0x900, 0x97F}, {0x300, 0x36F}, {0x3040, 0x30FF}, {0x4E00, 0x4FFF}, {0xAC00, 0xAD00},
            {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x10000, 0x1007F}, {0x2000, 0x206F}, {0xA0, 0xBF},
            {0xFE00, 0xFE0F}, {0xE000, 0xE0FF}, {0xFFF0, 0xFFFC}, {0x2028, 0x2029}, {0x200B, 0x200F},
    };

    private final Random random;

    GeneratedEvents(long seed) {
        this.random = new Random(seed);
    }

    /** The next draft, with slug {@code generated-<n>}; bound from JSON and validated as the API would. */
    EventDraft next(int n) {
        try {
            ObjectNode d = (ObjectNode) Json.MAPPER.readTree(Fixtures.seedJson());
            d.put("slug", "generated-" + n);
            d.put("title", text(EventDraftValidator.MAX_TITLE, false));
            d.put("summary", text(EventDraftValidator.MAX_SUMMARY, false));
            d.put("description", text(random.nextInt(10) == 0 ? 12_000 : 3_000, true));
            ObjectNode venue = (ObjectNode) d.get("venue");
            venue.put("name", text(EventDraftValidator.MAX_NAME, false)).put("city", text(60, false))
                    .put("accessNotes", text(600, true));
            ArrayNode lines = venue.putArray("addressLines");
            for (int i = random.nextInt(4); i > 0; i--) {
                lines.add(text(80, false));
            }
            for (var agendaItem : d.withArray("agenda")) {
                ((ObjectNode) agendaItem).put("title", text(120, false));
            }
            for (var talk : d.withArray("talks")) {
                ((ObjectNode) talk).put("title", text(150, false)).put("abstract", text(2_000, true));
            }
            for (var speaker : d.withArray("speakers")) {
                ((ObjectNode) speaker).put("name", text(80, false)).put("role", text(80, false))
                        .put("organisation", text(80, false)).put("bio", text(1_500, true));
            }
            for (var sponsor : d.withArray("sponsors")) {
                ((ObjectNode) sponsor).put("name", text(80, false)).put("provides", text(300, true));
            }
            for (var ticket : d.withArray("tickets")) {
                ((ObjectNode) ticket).put("label", text(80, false));
            }
            d.putArray("aliases").add("/old/" + n + "/" + pathSegment()).add("/post/" + n + ".html");
            EventDraft draft = Json.MAPPER.treeToValue(d, EventDraft.class);
            List<FieldError> errors = EventDraftValidator.validate(draft);
            if (!errors.isEmpty()) {
                throw new IllegalStateException("The generator made a draft validation refuses: " + errors);
            }
            return draft;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text validation lets through: markup, code points from many scripts, tabs and line breaks, sometimes long. */
    String text(int max, boolean multiline) {
        StringBuilder text = new StringBuilder();
        int target = random.nextInt(8) == 0 ? max : 1 + random.nextInt(Math.min(max, 120));
        while (text.length() < target) {
            switch (random.nextInt(6)) {
                case 0, 1 -> text.append(MARKUP[random.nextInt(MARKUP.length)]);
                case 2 -> text.append(" ");
                case 3 -> text.append("x".repeat(1 + random.nextInt(Math.max(1, target / 4))));
                default -> {
                    int[] range = RANGES[random.nextInt(RANGES.length)];
                    text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
                }
            }
        }
        String result = text.length() > max ? cut(text.toString(), max) : text.toString();
        if (!multiline && random.nextBoolean()) {
            result = result.replace('\n', ' ').replace('\r', ' ');
        }
        return result.isBlank() ? "x" + result : result;
    }

    private String pathSegment() {
        String[] pieces = {"a", "Z", "0", "-", "_", ".", "~", "%C3%A9", "%20", "%3C", "%22", "%E2%80%8F", "%F0%9F%98%80"};
        StringBuilder segment = new StringBuilder("p");
        for (int i = random.nextInt(8); i > 0; i--) {
            segment.append(pieces[random.nextInt(pieces.length)]);
        }
        return segment.toString();
    }

    /** At most {@code max} chars, never splitting a surrogate pair. */
    private static String cut(String text, int max) {
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }
}
