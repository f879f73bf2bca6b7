package io.handbill.local.importer.post;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HugoPostReaderTest {
    private static final Path FILE = Path.of("content/post/bad.md");
    private final HugoPostReader reader = new HugoPostReader();

    @Test
    void tomlSyntaxError_namesFileAndLine() {
        String post = """
                +++
                title = "Meetup"
                date = "2017-09-09T10:01:54+00:00"
                tags = ["leeds", "devops"
                aliases = []
                +++
                body
                """;

        assertThatThrownBy(() -> reader.read(FILE, post)).isInstanceOfSatisfying(MalformedPostException.class, e -> {
            assertThat(e.file()).isEqualTo(FILE);
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.getMessage()).startsWith("content/post/bad.md:5: front matter:");
        });
    }

    @Test
    void yamlSyntaxError_namesFileAndLine() {
        String post = """
                ---
                title: Meetup
                tags: [leeds
                draft: false
                ---
                """;

        assertThatThrownBy(() -> reader.read(FILE, post)).isInstanceOfSatisfying(MalformedPostException.class,
                e -> assertThat(e.getMessage()).isEqualTo("content/post/bad.md:4: front matter: "
                        + "while parsing a flow sequence: expected ',' or ']', but got :"));
    }

    @Test
    void wrongTypeInFrontMatter_namesTheLine() {
        String post = "+++\ntitle = \"Meetup\"\ndraft = \"maybe\"\n+++\n";

        assertThatThrownBy(() -> reader.read(FILE, post)).isInstanceOfSatisfying(MalformedPostException.class,
                e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void unclosedFrontMatter_missingFrontMatter_badDateAndNoTitle_areMalformed() {
        assertThatThrownBy(() -> reader.read(FILE, "+++\ntitle = \"x\"\nbody"))
                .hasMessage("content/post/bad.md:1: front matter opened with +++ is never closed");
        assertThatThrownBy(() -> reader.read(FILE, "<p>Just HTML</p>"))
                .hasMessageStartingWith("content/post/bad.md:1: expected front matter");
        assertThatThrownBy(() -> reader.read(FILE, "---\ntitle: x\ntags: []\ndate: next tuesday\n---\n"))
                .hasMessageStartingWith("content/post/bad.md:4: date \"next tuesday\" is not an ISO date");
        assertThatThrownBy(() -> reader.read(FILE, "+++\ndraft = true\n+++\n"))
                .hasMessage("content/post/bad.md:1: front matter has no title");
    }

    @Test
    void wellFormedPost_splitsFrontMatterAndBody_andKeepsTheFileLine() throws Exception {
        HugoPost post = reader.read(Path.of("content/post/2019-01-15-winter-meetup/index.md"), """
                ---
                title: Winter meetup
                date: 2019-01-02
                draft: true
                layout: event
                ---
                Hello
                """);

        assertThat(post.frontMatter().title()).isEqualTo("Winter meetup");
        assertThat(post.frontMatter().isDraft()).isTrue();
        assertThat(post.published()).isEqualTo(LocalDate.of(2019, 1, 2));
        assertThat(post.slug()).isEqualTo("2019-01-15-winter-meetup");
        assertThat(post.body()).isEqualTo("Hello\n");
        assertThat(post.bodyLine()).isEqualTo(7);
        assertThat(post.format()).isEqualTo(HugoPost.BodyFormat.MARKDOWN);
    }
}
