package io.handbill.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handbill.model.Event;
import io.handbill.model.Image;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import static io.handbill.render.TestEvents.SITE;
import static org.assertj.core.api.Assertions.assertThat;

class PageRenderer_PicturesTest {
    private static final String UPLOAD = "/media/0123456789abcdef0123456789abcdef.jpg";
    private final PageRenderer renderer = new PageRenderer(SITE, "https://example.org/logo.png");

    @Test
    void uploadedCover_isShownFromItsResizedCopies_andSharedAt1200() throws Exception {
        Event event = withCover(new Image(UPLOAD, "Forty people listening to a talk"));
        Document page = page(event);

        Element cover = page.selectFirst(".event-head img.cover");
        assertThat(cover.attr("src")).isEqualTo("/media/0123456789abcdef0123456789abcdef-720.jpg");
        assertThat(cover.attr("srcset")).isEqualTo("/media/0123456789abcdef0123456789abcdef-720.jpg 720w, "
                + "/media/0123456789abcdef0123456789abcdef-1200.jpg 1200w");
        assertThat(cover.attr("alt")).isEqualTo("Forty people listening to a talk");
        assertThat(cover.attr("width")).isEqualTo("1200");
        String large = "https://events.example.org/media/0123456789abcdef0123456789abcdef-1200.jpg";
        assertThat(page.select("meta[property=og:image]").attr("content")).isEqualTo(large);
        assertThat(page.select("meta[property=og:image:alt]").attr("content"))
                .isEqualTo("Forty people listening to a talk");
        assertThat(new ObjectMapper().readTree(page.selectFirst("script[type=application/ld+json]").data())
                .path("image").get(0).asText()).isEqualTo(large);
        assertThat(renderer.eventPictures(event)).extracting(DerivedObject::key, DerivedObject::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("media/0123456789abcdef0123456789abcdef-1200.jpg",
                                "media/0123456789abcdef0123456789abcdef.jpg"),
                        org.assertj.core.groups.Tuple.tuple("media/0123456789abcdef0123456789abcdef-720.jpg",
                                "media/0123456789abcdef0123456789abcdef.jpg"));
    }

    @Test
    void linkedCover_isUsedAsItIs_andNothingIsMade() {
        Event event = withCover(new Image("https://photos.example/meetup.jpg", null));
        Document page = page(event);

        assertThat(page.selectFirst("img.cover").attr("src")).isEqualTo("https://photos.example/meetup.jpg");
        assertThat(page.selectFirst("img.cover").attr("alt")).isEmpty();
        assertThat(page.select("meta[property=og:image]").attr("content"))
                .isEqualTo("https://photos.example/meetup.jpg");
        assertThat(renderer.eventPictures(event)).isEmpty();
    }

    @Test
    void withoutCover_theShareCardIsDrawn_andItsAddressChangesOnlyWithTitleOrDate() throws Exception {
        Event event = TestEvents.seed();
        List<DerivedObject> card = renderer.eventPictures(event);

        assertThat(card).singleElement().satisfies(c -> assertThat(c.key())
                .matches("events/" + event.slug() + "/card-[0-9a-f]{12}\\.png"));
        assertThat(page(event).select("img.cover")).as("the card repeats the heading: not on the page").isEmpty();
        SiteObject png = card.get(0).make().apply(null);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(630);
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(png.cacheControl()).contains("immutable");

        Event described = event.toBuilder().draft(d -> d.description("Something else entirely")).build();
        Event retitled = event.toBuilder().draft(d -> d.title("Another title")).build();
        Event moved = event.toBuilder().draft(d -> d.start(d.build().start().plusDays(7))
                .end(d.build().end().plusDays(7))).build();
        assertThat(renderer.eventPictures(described).get(0).key()).isEqualTo(card.get(0).key());
        assertThat(renderer.eventPictures(retitled).get(0).key()).isNotEqualTo(card.get(0).key());
        assertThat(renderer.eventPictures(moved).get(0).key()).isNotEqualTo(card.get(0).key());
    }

    @Test
    void resizedCopies_areCroppedToTheShareShape() throws Exception {
        BufferedImage tall = new BufferedImage(800, 1000, BufferedImage.TYPE_INT_RGB);
        tall.getGraphics().setColor(Color.ORANGE);
        tall.getGraphics().fillRect(0, 0, 800, 1000);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(tall, "jpeg", jpeg);

        for (int width : Picture.WIDTHS) {
            BufferedImage copy = ImageIO.read(new ByteArrayInputStream(
                    ImageVariants.resized(jpeg.toByteArray(), width, false)));
            assertThat(copy.getWidth()).isEqualTo(width);
            assertThat(copy.getHeight()).isEqualTo(Math.round(width * 630f / 1200));
        }
    }

    @Test
    void groupLogo_isInTheHeaderOfEveryPage_andTheIndexSharesIt() {
        Document index = Jsoup.parse(renderer.indexPages(List.of(TestEvents.seed()), TestEvents.NOW).get(0).text());

        assertThat(index.select(".site-name img.logo").attr("src")).isEqualTo("https://example.org/logo.png");
        assertThat(index.select("meta[property=og:image]").attr("content")).isEqualTo("https://example.org/logo.png");
        assertThat(page(TestEvents.seed()).select(".site-name img.logo")).hasSize(1);
    }

    private static Event withCover(Image cover) {
        return TestEvents.seed().toBuilder().draft(d -> d.cover(cover)).build();
    }

    private Document page(Event event) {
        return Jsoup.parse(renderer.eventPages(event).get(0).text());
    }
}
