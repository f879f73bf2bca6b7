package io.handbill.local.importer.post;

import io.handbill.fixtures.Fixtures;
import io.handbill.json.Json;
import io.handbill.model.AgendaKind;
import io.handbill.model.EventDraft;
import io.handbill.model.Speaker;
import io.handbill.model.Talk;
import io.handbill.model.TicketLink;
import io.handbill.model.Venue;
import io.handbill.validation.EventDraftValidator;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class EventPostParserTest {
    static final Path POSTS = Path.of("src/test/resources/importer");
    private final HugoPostReader reader = new HugoPostReader();
    private final EventPostParser parser = new EventPostParser(ZoneId.of("Europe/London"));

    @Test
    void seedPost_becomesTheHandWrittenExpectedEvent() throws Exception {
        ParsedPost parsed = parse("content/post/2017-09-26-leeds-devops-meetup.md");

        EventDraft expected = Json.read(Fixtures.readText("/importer/seed-expected.json"), EventDraft.class);
        assertThat(parsed.draft()).usingRecursiveComparison().isEqualTo(expected);
        assertThat(parsed.draft()).isEqualTo(expected);
        assertThat(parsed.publish()).isTrue();
        assertThat(EventDraftValidator.validate(parsed.draft())).isEmpty();
    }

    @Test
    void seedPost_reportsWhatItDroppedGuessedAndKept_withTheirLines() throws Exception {
        ParsedPost parsed = parse("content/post/2017-09-26-leeds-devops-meetup.md");

        assertThat(parsed.warnings()).extracting(ImportWarning::toString).containsExactly(
                "line 12: dropped an embedded iframe //eventbrite.co.uk/tickets-external?eid=37624617243&ref=etckt",
                "line 10: the evening ends \"late\": the event's end is set to 23:00, 2 hours after \"Decamp to the "
                        + "Wardrobe\" starts",
                "line 10: kept in the description: \"After our summer break we return on Tuesday 26th September t…\"",
                "line 10: kept in the description: \"Once again Infinity Works have agreed to sponsor the refresh…\"");
    }

    @Test
    void seedPost_agreesWithTheProjectFixtureWhereThePostSaysTheSame() throws Exception {
        EventDraft imported = parse("content/post/2017-09-26-leeds-devops-meetup.md").draft();
        EventDraft entered = Fixtures.seedDraft();

        assertThat(imported.start()).isEqualTo(entered.start());
        assertThat(imported.end()).isEqualTo(entered.end());
        assertThat(imported.agenda()).extracting("start", "end", "title", "kind")
                .isEqualTo(entered.agenda().stream().map(i -> tuple(
                        i.start(), i.end(), i.title(), i.kind())).toList());
        assertThat(imported.talks()).extracting("title", "summary")
                .containsExactlyElementsOf(entered.talks().stream().map(t -> tuple(
                        t.title(), t.summary())).toList());
        assertThat(imported.tickets()).extracting(TicketLink::url)
                .containsExactlyElementsOf(entered.tickets().stream().map(TicketLink::url).toList());
        assertThat(imported.codeOfConductUrl()).isEqualTo(entered.codeOfConductUrl());
        assertThat(imported.aliases()).isEqualTo(entered.aliases());
    }

    @Test
    void yamlFrontMatter_givesTheSameEventAsToml() throws Exception {
        ParsedPost toml = parse("content/post/2017-09-26-leeds-devops-meetup.md");
        ParsedPost yaml = parse("variants/yaml-front-matter.md");

        assertThat(yaml.draft()).usingRecursiveComparison().isEqualTo(toml.draft());
    }

    @Test
    void postWithoutAgenda_takesTheTimeFromTheText_andKeepsTheRestAsSafeMarkdown() throws Exception {
        ParsedPost parsed = parse("content/post/2017-12-14-christmas-social.md");
        EventDraft draft = parsed.draft();

        assertThat(draft.agenda()).isEmpty();
        assertThat(draft.talks()).isEmpty();
        assertThat(draft.start()).isEqualTo(LocalDateTime.parse("2017-12-14T18:30"));
        assertThat(draft.end()).isEqualTo(LocalDateTime.parse("2017-12-14T21:30"));
        assertThat(draft.venue()).isNull();
        assertThat(draft.tickets()).containsExactly(new TicketLink("Meetup",
                "https://www.meetup.com/LeedsDevops/events/245000000/", true, null, null));
        assertThat(draft.description()).isEqualTo("Join us for our **Christmas social** on Thursday 14th December "
                + "from 6:30pm at [North Bar](https://www.northbar.com/), no talks, just drinks & chat.\n\n"
                + "Bring a friend **and** see our policy.");
        assertThat(parsed.warnings()).extracting(ImportWarning::toString).contains(
                "line 11: dropped an embedded script",
                "line 13: dropped a link that is not an absolute http(s) URL: javascript:alert(1)",
                "line 7: the post gives no year: assumed 2017",
                "line 7: no Venue section: the event has no venue",
                "line 7: no agenda and no end time: the event is set to end 3 hours after it starts");
        assertThat(EventDraftValidator.validate(draft)).isEmpty();
    }

    @Test
    void postWithoutADate_isNotAnEvent() throws Exception {
        HugoPost about = titled("about.md", "About us", "We meet monthly in Leeds.\n");

        assertThatThrownBy(() -> parser.parse(about)).isInstanceOf(NotAnEventException.class)
                .hasMessageContaining("about.md").hasMessageContaining("no event date");
    }

    @Test
    void daytimeMarkdownWorkshop_readsTimesOnTheDaytimeRule_andItsSpeakerAndVenue() throws Exception {
        ParsedPost parsed = parse("content/post/2018-03-03-terraform-workshop/index.md");
        EventDraft draft = parsed.draft();

        assertThat(draft.slug()).isEqualTo("2018-03-03-terraform-workshop");
        assertThat(parsed.publish()).isFalse();
        assertThat(draft.agenda()).extracting("start", "end", "kind").containsExactly(
                tuple(at("2018-03-03T09:30"), at("2018-03-03T10:00"), AgendaKind.DOORS),
                tuple(at("2018-03-03T10:00"), at("2018-03-03T12:30"), AgendaKind.TALK),
                tuple(at("2018-03-03T12:30"), at("2018-03-03T13:30"), AgendaKind.BREAK),
                tuple(at("2018-03-03T13:30"), at("2018-03-03T16:00"), AgendaKind.OTHER));
        assertThat(draft.end()).isEqualTo(at("2018-03-03T16:00"));
        assertThat(draft.talks()).containsExactly(new Talk("hands-on-modules", "Hands-on: modules",
                "writing, testing and versioning your own modules.", List.of("jane-smith")));
        assertThat(draft.speakers()).containsExactly(new Speaker("jane-smith", "Jane Smith", "Principal Engineer",
                "Example Cloud", "Jane Smith is a Principal Engineer at Example Cloud, where she looks after the "
                + "platform team's Terraform.", null));
        assertThat(draft.venue()).isEqualTo(new Venue("The Tech Hub", List.of("1 Park Row"), "Leeds", "LS1 5AB",
                null, null, null, null, "Step-free access by the side entrance on Park Lane."));
        assertThat(draft.description()).isEqualTo("## Running order");
        assertThat(EventDraftValidator.validate(draft)).isEmpty();
    }

    @Test
    void ticketLinks_arePricedWhenThePostSaysSo_andKeptInTheDescriptionWhenItSaysNeither() throws Exception {
        HugoPost post = titled("paid.html", "Conference day, Friday 12th October 2018", """
                <p>Tickets cost £25.50 on <a href="https://www.eventbrite.co.uk/e/123">Eventbrite</a>.</p>
                <p>Also listed on <a href="https://www.meetup.com/LeedsDevops/events/999/">meetup.com</a>.</p>
                """);

        ParsedPost parsed = parser.parse(post);

        assertThat(parsed.draft().tickets()).containsExactly(new TicketLink("Eventbrite",
                "https://www.eventbrite.co.uk/e/123", false, new java.math.BigDecimal("25.50"), "GBP"));
        assertThat(parsed.draft().description())
                .isEqualTo("Also listed on [meetup.com](https://www.meetup.com/LeedsDevops/events/999/).");
        assertThat(parsed.warnings()).extracting(ImportWarning::toString).contains("line 5: ticket link "
                + "https://www.meetup.com/LeedsDevops/events/999/ says neither free nor a price: left in the description");
        assertThat(EventDraftValidator.validate(parsed.draft())).isEmpty();
    }

    @Test
    void agendaInOneParagraph_andAnIntroNamingBothSpeakers_readAsAgendaAndDescription() throws Exception {
        HugoPost post = titled("2016-05-10-meetup.html", "Meetup - Tuesday 10th May 2016", """
                <p>An evening with talks from Ana Lopez and Bob Smith.</p>
                <p>6:30 - 7:00 : Doors<br>7:00 - 7:40 : "Chaos days" - Ana Lopez<br>7:45 - 8:30 : Serverless costs -                 Bob Smith<br>8:30 - late : Pub</p>
                <p>Ana Lopez runs the SRE team at Sky Betting. Her talk "Chaos days" - how we break things on purpose.</p>
                <p>Bob Smith is a consultant.</p>
                """);

        EventDraft draft = parser.parse(post).draft();

        assertThat(draft.agenda()).extracting("start", "end", "kind").containsExactly(
                tuple(at("2016-05-10T18:30"), at("2016-05-10T19:00"), AgendaKind.DOORS),
                tuple(at("2016-05-10T19:00"), at("2016-05-10T19:40"), AgendaKind.TALK),
                tuple(at("2016-05-10T19:45"), at("2016-05-10T20:30"), AgendaKind.TALK),
                tuple(at("2016-05-10T20:30"), null, AgendaKind.SOCIAL));
        assertThat(draft.speakers()).extracting("name", "bio").containsExactly(
                tuple("Ana Lopez", "Ana Lopez runs the SRE team at Sky Betting."),
                tuple("Bob Smith", "Bob Smith is a consultant."));
        assertThat(draft.talks()).extracting("title", "summary").containsExactly(
                tuple("Chaos days", "how we break things on purpose."), tuple("Serverless costs", null));
        assertThat(draft.description()).isEqualTo("An evening with talks from Ana Lopez and Bob Smith.");
        assertThat(EventDraftValidator.validate(draft)).isEmpty();
    }

    private static LocalDateTime at(String text) {
        return LocalDateTime.parse(text);
    }

    private ParsedPost parse(String resource) throws Exception {
        return parser.parse(reader.read(POSTS.resolve(resource)));
    }

    /** A post whose TOML front matter holds only its title: what the parser finds comes from {@code body}. */
    private HugoPost titled(String file, String title, String body) throws MalformedPostException {
        return reader.read(Path.of(file), "+++\ntitle = \"" + title + "\"\n+++\n" + body);
    }
}
