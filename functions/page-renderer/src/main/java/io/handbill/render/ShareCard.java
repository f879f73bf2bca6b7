package io.handbill.render;

import io.handbill.model.Event;
import io.handbill.model.HumanTime;
import io.handbill.model.SiteConfig;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the picture a shared link of an event without one shows: title, date and group on the site's colours, as a
 * {@value Picture#WIDTH}×{@value Picture#HEIGHT} PNG. Headless Java2D with a bundled font (DejaVu Sans Bold), so it
 * needs no fonts installed; text the font cannot show is drawn with the JDK's logical sans-serif font.
 */
final class ShareCard {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final Font BUNDLED = bundledFont();
    private static final Color BACKGROUND = new Color(0x0b57a4);
    private static final Color BAND = new Color(0x5c9ad8);
    private static final int MARGIN = 72;
    private static final int MAX_TITLE_LINES = 3;

    /** What a card shows; equal texts draw equal cards, which is what its address hashes. */
    record Text(String title, String when, String group) {
        static Text of(Event e, SiteConfig site) {
            return new Text(e.displayTitle(), HumanTime.day(e.zonedStart()) + " · " + HumanTime.hours(e),
                    site.groupName());
        }
    }

    private ShareCard() {
    }

    static byte[] png(Text text) {
        BufferedImage image = new BufferedImage(Picture.WIDTH, Picture.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            // flat colours: a gradient made every row of pixels different, the PNG almost three times larger (126 KB)
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, Picture.WIDTH, Picture.HEIGHT);
            g.setColor(BAND);
            g.fillRect(0, Picture.HEIGHT - 16, Picture.WIDTH, 16);
            g.fillRect(MARGIN, MARGIN + 52, 96, 6);

            g.setColor(new Color(0xdbe9f8));
            g.setFont(font(text.group(), 34f));
            g.drawString(fit(text.group(), g.getFontMetrics(), Picture.WIDTH - 2 * MARGIN), MARGIN, MARGIN + 30);

            g.setColor(Color.WHITE);
            float size = 72f;
            List<String> lines;
            do {
                g.setFont(font(text.title(), size));
                lines = wrap(text.title(), g.getFontMetrics(), Picture.WIDTH - 2 * MARGIN);
                size -= 6f;
            } while (lines.size() > MAX_TITLE_LINES && size >= 48f);
            FontMetrics title = g.getFontMetrics();
            int y = MARGIN + 150 + title.getAscent() - title.getHeight();
            for (int i = 0; i < Math.min(lines.size(), MAX_TITLE_LINES); i++) {
                String line = i == MAX_TITLE_LINES - 1 && lines.size() > MAX_TITLE_LINES
                        ? fit(lines.get(i) + " " + lines.get(i + 1), title, Picture.WIDTH - 2 * MARGIN)
                        : lines.get(i);
                y += title.getHeight();
                g.drawString(line, MARGIN, y);
            }

            g.setColor(new Color(0xdbe9f8));
            g.setFont(font(text.when(), 38f));
            g.drawString(fit(text.when(), g.getFontMetrics(), Picture.WIDTH - 2 * MARGIN), MARGIN,
                    Picture.HEIGHT - MARGIN);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Font font(String text, float size) {
        Font font = BUNDLED.canDisplayUpTo(text) == -1 ? BUNDLED : new Font(Font.SANS_SERIF, Font.BOLD, 1);
        return font.deriveFont(size);
    }

    /** Words in lines no wider than {@code width}; a word wider than a line is cut with an ellipsis. */
    static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
            } else {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                }
                line.setLength(0);
                line.append(fit(word, metrics, width));
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text, cut at a code point with "…" when it is wider than {@code width}. */
    static String fit(String text, FontMetrics metrics, int width) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        int end = text.length();
        while (end > 0 && metrics.stringWidth(text.substring(0, end) + "…") > width) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    private static Font bundledFont() {
        try (InputStream in = ShareCard.class.getResourceAsStream("/site/fonts/DejaVuSans-Bold.ttf")) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
