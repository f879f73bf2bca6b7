package io.handbill.icsfeed;

import com.fasterxml.jackson.databind.JsonNode;
import io.handbill.fixtures.Fixtures;
import io.handbill.json.Json;
import io.handbill.log.CapturedStdout;
import io.handbill.model.SiteConfig;
import io.handbill.store.InMemoryEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IcsFeedHandler_LoggingAndPrimingTest {
    private static final SiteConfig SITE = new SiteConfig("https://events.example.org", "Group", "a@example.org");

    private final InMemoryEventStore memory = new InMemoryEventStore();
    private final CountingEventStore store = new CountingEventStore(memory);
    private final IcsFeedHandler handler = new IcsFeedHandler(store, SITE, Clock.systemUTC(), 365);
    @RegisterExtension
    final CapturedStdout stdout = CapturedStdout.eachTest();

    @Test
    void eachRequest_logsOneJsonLine_withoutTheCalendar() throws Exception {
        memory.create(Fixtures.seedEvent());

        handler.handleRequest(Requests.eventFile("GET", Fixtures.SEED_SLUG + ".ics", Map.of()), null);

        String out = stdout.text();
        assertThat(out).hasLineCount(1).doesNotContain("Kubernetes", "BEGIN:VCALENDAR");
        JsonNode line = Json.MAPPER.readTree(out);
        assertThat(line.get("requestId").asText()).isEqualTo("Rb6hTj9XLPEEJxA=");
        assertThat(line.get("path").asText()).isEqualTo("/events/" + Fixtures.SEED_SLUG + ".ics");
        assertThat(line.get("status").asInt()).isEqualTo(200);
        assertThat(line.get("bytes").asInt()).isPositive();
        assertThat(line.get("latencyMs").isIntegralNumber()).isTrue();
    }

    @Test
    void priming_readsButWritesNothing() {
        memory.bumpSiteVersion(Instant.parse("2026-01-01T00:00:00Z"));

        handler.beforeCheckpoint(null);

        assertThat(store.calls()).containsExactly("siteVersion", "findBySlug");
        assertThat(memory.all()).isEmpty();
        assertThat(memory.siteVersion().value()).isEqualTo(1);
        assertThat(stdout.text()).contains("\"status\":404");
    }
}
