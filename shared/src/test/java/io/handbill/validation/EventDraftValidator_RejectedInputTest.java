package io.handbill.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handbill.fixtures.Fixtures;
import io.handbill.json.Json;
import io.handbill.model.EventDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Input that binds but must not be stored: odd years, times that do not exist, code points pages cannot carry. */
class EventDraftValidator_RejectedInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"1999-12-31T19:00:00", "0000-09-26T18:45:00", "+999999999-09-26T18:45:00",
            "-999999999-09-26T18:45:00", "2101-01-01T18:00:00"})
    void startOutsideTheSaneYears_isOutOfRange(String start) {
        var draft = seedWith(n -> n.put("start", start).put("end", start.replace("T18:45", "T21:00")
                .replace("T19:00", "T21:00").replace("T18:00", "T21:00")).remove("agenda"));

        assertThat(fields(draft)).contains("start:out_of_range", "end:out_of_range");
    }

    @Test
    void firstAndLastYear_areAccepted() {
        assertThat(fields(seedWith(n -> n.put("start", "2000-01-01T18:00:00").put("end", "2000-01-01T21:00:00")
                .remove("agenda")))).isEmpty();
        assertThat(fields(seedWith(n -> n.put("start", "2100-12-31T18:00:00").put("end", "2100-12-31T21:00:00")
                .remove("agenda")))).isEmpty();
    }

    @Test
    void agendaTimesInTheSpringForwardGap_areRejectedOnTheItem() {
        var draft = seedWith(n -> {
            n.put("start", "2026-03-29T00:00:00").put("end", "2026-03-29T05:00:00");
            n.putArray("agenda").addObject().put("start", "2026-03-29T00:30:00").put("title", "Doors")
                    .put("kind", "DOORS");
            ((ObjectNode) n.withArray("agenda").addObject()).put("start", "2026-03-29T01:30:00")
                    .put("end", "2026-03-29T01:45:00").put("title", "In the gap").put("kind", "OTHER");
            n.withArray("agenda").addObject().put("start", "2026-03-29T03:00:00").put("end", "2026-03-29T01:59:00")
                    .put("title", "Ends in the gap").put("kind", "OTHER");
        });

        assertThat(fields(draft)).contains("agenda[1].start:nonexistent_time", "agenda[1].end:nonexistent_time",
                "agenda[2].end:nonexistent_time").doesNotContain("agenda[0].start:nonexistent_time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0085", "\u0080", "\u009f", "\u007f", "\u0000", "\u000b", "\u000c", "\ufffe", "\uffff",
            "\ufdd0", "\ufdef", "\ud83f\udffe", "\udbff\udfff", "\ufffd", "\ud800", "\udc00x"})
    void forbiddenCodePoints_areRejectedInEveryTextField(String bad) {
        var draft = seedWith(n -> {
            n.put("title", "Leeds " + bad + " DevOps");
            n.put("description", "Intro\n" + bad);
            ((ObjectNode) n.get("venue")).put("name", bad + "ODI");
            ((ObjectNode) n.withArray("speakers").get(0)).put("bio", "bio " + bad);
            ((ObjectNode) n.withArray("agenda").get(0)).put("title", "Doors " + bad);
        });

        assertThat(fields(draft)).containsExactlyInAnyOrder("title:invalid_characters",
                "description:invalid_characters", "venue.name:invalid_characters",
                "speakers[0].bio:invalid_characters", "agenda[0].title:invalid_characters");
    }

    @Test
    void tabsLineBreaksAndOtherPlanes_areAllowed() {
        var draft = seedWith(n -> n.put("title", "Leeds\tDevOps \ud83d\ude80 caf\u00e9 \u4e2d\u6587")
                .put("description", "Line one\r\nLine two\n\n* item"));

        assertThat(fields(draft)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/404.html", "/robots.txt", "/admin/index.html", "/admin/config.json", "/admin/",
            "/index.html", "/feed.xml", "/sitemap.xml", "/calendar.ics", "/events/x/", "/events", "/api/events",
            "/assets/site.css", "/page/2/", "/page", "/outbox/", "/local/reminders/run", "/Admin/index.html",
            "/%61dmin/config.json", "/ROBOTS.TXT", "/feed.xml/", "/404.html/x", "/events%2Fx"})
    void aliasesOnPathsTheSiteOwns_areReserved(String alias) {
        assertThat(fields(seedWith(n -> n.putArray("aliases").add("/old/ok").add(alias))))
                .containsExactly("aliases[1]:reserved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "//x", "/a//b", "/a/../b", "/..", "/a/.", "/%2e%2e/admin", "/%zz", "/%c3",
            "/a%00b", "/a b", "relative", "/a?b", "/a#b"})
    void aliasesThatAreNoPlainPath_areInvalid(String alias) {
        assertThat(fields(seedWith(n -> n.putArray("aliases").add(alias)))).containsExactly("aliases[0]:invalid_format");
    }

    @Test
    void aliasesOfOneObject_areDuplicates() {
        var draft = seedWith(n -> n.putArray("aliases").add("/old/post").add("/old/post/").add("/old/%70ost")
                .add("/old/page.html").add("/old/Post"));

        assertThat(fields(draft)).containsExactly("aliases[1]:duplicate", "aliases[2]:duplicate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://x.org/\"onmouseover=\"alert(1)", "https://x.org/a b", "https://x.org/<b>",
            "https://x.org/a>b", "https://x.org/a|b", "https://x.org/{x}", "https://x.org/a^b", "https://x.org/`",
            "https://x.org/a\\b", "https://x.org/\u0085", "https://x.org/\u202eevil", "https://x.org/\u00a0",
            "https://x.org/\ufffe", "https://user:pw@x.org/", "https://x.org@evil.org/", "https://x.org:99999/",
            "https://x.org:0/", "https://x.org:/", "https://-x.org/", "https://x..org/", "https://x_y.org/",
            "https:x.org", "https:/x.org", "https://999.1.1.1/", "https://x.org/#a#b", "https://x.org/%zz",
            "https://x.org/%4", "https://[zz]/", "https://x[1].org/", "ftp://x.org/", "//x.org/", "https://"})
    void urlsThatAreNotValid_areRejected(String url) {
        assertThat(fields(seedWith(n -> n.put("codeOfConductUrl", url)))).containsExactly("codeOfConductUrl:invalid_url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://k\u00f6ln.de/stra\u00dfe", "https://[::1]:8443/x", "http://192.168.0.1/",
            "https://www.meetup.com/Leeds-DevOps/events/243296620/?a=b&c=d#x", "HTTPS://EXAMPLE.ORG",
            "https://example.org./", "https://example.org/%E2%82%AC", "https://example.org:8080",
            "https://xn--kln-sna.de/", "https://example.org/a(b)!$&'*+,;=:@~"})
    void validUrls_areAccepted(String url) {
        assertThat(fields(seedWith(n -> n.put("codeOfConductUrl", url)))).isEmpty();
    }

    private static EventDraft seedWith(Consumer<ObjectNode> change) {
        try {
            ObjectNode seed = (ObjectNode) Json.MAPPER.readTree(Fixtures.seedJson());
            change.accept(seed);
            return Json.MAPPER.treeToValue(seed, EventDraft.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fields(EventDraft draft) {
        return EventDraftValidator.validate(draft).stream().map(e -> e.field() + ":" + e.code()).toList();
    }
}
