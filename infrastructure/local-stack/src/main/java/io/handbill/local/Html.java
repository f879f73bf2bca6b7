package io.handbill.local;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Escaping for the few pages the local stack writes itself (outbox). */
final class Html {
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");

    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Escapes plain text and turns its http(s) URLs into links. */
    static String linkified(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        Matcher matcher = URL.matcher(text);
        int last = 0;
        while (matcher.find()) {
            out.append(escape(text.substring(last, matcher.start())));
            String url = escape(matcher.group());
            out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            last = matcher.end();
        }
        return out.append(escape(text.substring(last))).toString();
    }

    /** A whole page in the local stack's plain style. */
    static String page(String title, String body) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml">
                <style>
                body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1b1b1b}
                table{border-collapse:collapse;width:100%%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
                pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem;border-radius:4px}
                a{color:#0b57d0}button{font:inherit;padding:.4rem .9rem}
                iframe{width:100%%;height:32rem;border:1px solid #ccc}
                .muted{color:#555}
                </style>
                </head>
                <body>
                %s
                </body>
                </html>
                """.formatted(escape(title), body);
    }
}
