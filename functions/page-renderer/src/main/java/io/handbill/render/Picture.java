package io.handbill.render;

import io.handbill.model.Event;
import io.handbill.model.Image;
import io.handbill.model.SiteConfig;
import io.handbill.model.SitePaths;
import io.handbill.validation.SafeUrl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The picture an event is shown with, and the one social sites show when its link is shared ({@code og:image},
 * JSON-LD {@code image}): the organiser's upload in its resized copies ({@link #WIDTHS}, cropped to the share shape),
 * an outside link as it is, or, without either, the share card the renderer draws ({@link ShareCard}).
 *
 * @param src       site path or absolute URL for {@code <img src>}
 * @param srcset    the resized copies for {@code <img srcset>}, or {@code null}
 * @param width     intrinsic width when known (uploads and cards), else {@code null}
 * @param height    intrinsic height when known, else {@code null}
 * @param alt       alternative text; empty when it only decorates
 * @param shareUrl  absolute URL for {@code og:image}, the largest copy
 * @param generated true for the drawn card: it repeats the title and date, so the event page does not show it
 */
public record Picture(String src, String srcset, Integer width, Integer height, String alt, String shareUrl,
                      boolean generated) {
    /** Widths of the copies of an upload: 1200 for share cards and wide screens, 720 for phones and lists. */
    public static final List<Integer> WIDTHS = List.of(1200, 720);
    /** The shape social sites crop to (1.91:1), and so the shape of every copy and card. */
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;
    /** Raise when the card's drawing changes, so every card gets a new address. */
    private static final String CARD_VERSION = "1";

    static Picture of(Event e, SiteConfig site) {
        Image cover = e.cover();
        String alt = cover == null || cover.alt() == null ? "" : cover.alt();
        if (cover != null && cover.uploaded()) {
            String large = SitePaths.mediaVariant(cover.url(), WIDTHS.get(0));
            String small = SitePaths.mediaVariant(cover.url(), WIDTHS.get(1));
            return new Picture(small, small + " " + WIDTHS.get(1) + "w, " + large + " " + WIDTHS.get(0) + "w",
                    WIDTH, HEIGHT, alt, site.url(large), false);
        }
        if (cover != null && SafeUrl.isSafe(cover.url())) {
            return new Picture(cover.url(), null, null, null, alt, cover.url(), false);
        }
        String card = SitePaths.eventCard(e.slug(), cardHash(ShareCard.Text.of(e, site)));
        return new Picture(card, null, WIDTH, HEIGHT, "", site.url(card), true);
    }

    static String cardHash(ShareCard.Text text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.join("\n", CARD_VERSION, text.title(), text.when(), text.group())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
