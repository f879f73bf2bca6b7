package io.handbill.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.handbill.fixtures.Fixtures;
import io.handbill.http.AdminGroupConfig;
import io.handbill.json.Json;
import io.handbill.log.CapturedStdout;
import io.handbill.store.InMemoryEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class EventApiHandler_LoggingAndPrimingTest {
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    private final EventApiHandler handler = Handlers.eventApi(store, idempotency, Clock.systemUTC());
    @RegisterExtension
    final CapturedStdout stdout = CapturedStdout.eachTest();

    @Test
    void eachRequest_logsOneJsonLine_withoutTheBody() throws Exception {
        handler.handleRequest(ApiEvents.organiser("POST", "/api/events").json(Fixtures.seedJson()).build(), null);

        String out = stdout.text();
        assertThat(out).hasLineCount(1).doesNotContain("Kubernetes", "Bryan");
        JsonNode line = Json.MAPPER.readTree(out);
        assertThat(line.get("requestId").asText()).isEqualTo("Cb1dZhW0LPEEJ7w=");
        assertThat(line.get("route").asText()).isEqualTo("POST /api/events");
        assertThat(line.get("status").asInt()).isEqualTo(201);
        assertThat(line.get("latencyMs").isIntegralNumber()).isTrue();
        assertThat(line.get("level").asText()).isEqualTo("INFO");
    }

    @Test
    void priming_runsTheRequestPath_andStoresNothing() {
        Priming.run(handler, AdminGroupConfig.DEFAULT);

        assertThat(store.all()).isEmpty();
        assertThat(idempotency.all()).isEmpty();
        assertThat(store.siteVersion().value()).isZero();
        assertThat(stdout.text()).contains("\"route\":\"GET /api/events/{id}\"",
                "\"status\":404");
    }
}
