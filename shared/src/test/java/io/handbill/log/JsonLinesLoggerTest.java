package io.handbill.log;

import com.fasterxml.jackson.databind.JsonNode;
import io.handbill.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;


import static org.assertj.core.api.Assertions.assertThat;

class JsonLinesLoggerTest {
    @RegisterExtension
    final CapturedStdout stdout = CapturedStdout.eachTest();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void slf4j_bindsThisProvider() {
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(JsonLinesLoggerFactory.class);
    }

    @Test
    void keyValues_becomeTypedFields_onOneLine() throws Exception {
        MDC.put("requestId", "r-1");

        LoggerFactory.getLogger("io.handbill.test").atInfo().addKeyValue("status", 201).addKeyValue("ok", true)
                .addKeyValue("route", "POST /api/events").log("handled {}", "request\nwith \"quotes\"");

        String out = stdout.text();
        assertThat(out).endsWith("\n").hasLineCount(1);
        JsonNode line = Json.MAPPER.readTree(out);
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("message").asText()).isEqualTo("handled request\nwith \"quotes\"");
        assertThat(line.get("requestId").asText()).isEqualTo("r-1");
        assertThat(line.get("status").isInt()).isTrue();
        assertThat(line.get("ok").isBoolean()).isTrue();
        assertThat(line.get("route").asText()).isEqualTo("POST /api/events");
    }

    @Test
    void throwable_isOneEscapedField() throws Exception {
        LoggerFactory.getLogger("io.handbill.test").error("failed", new IllegalStateException("boom"));

        String out = stdout.text();
        assertThat(out).hasLineCount(1);
        JsonNode line = Json.MAPPER.readTree(out);
        assertThat(line.get("error").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(line.get("stackTrace").asText()).contains("JsonLinesLoggerTest");
    }

    @Test
    void libraries_logAtWarnUnlessConfiguredStricter() {
        var levels = new LogLevels(Level.DEBUG);

        assertThat(levels.thresholdFor("io.handbill.api.EventApiHandler")).isEqualTo(Level.DEBUG);
        assertThat(levels.thresholdFor("software.amazon.awssdk.request")).isEqualTo(Level.WARN);
        assertThat(new LogLevels(Level.ERROR).thresholdFor("org.eclipse.jetty")).isEqualTo(Level.ERROR);
        assertThat(LogLevels.parse("nonsense")).isEqualTo(Level.INFO);
    }

    @Test
    void disabledLevels_writeNothing() {
        LoggerFactory.getLogger("io.handbill.test").debug("hidden");
        LoggerFactory.getLogger("software.amazon.awssdk.test").info("hidden");

        assertThat(stdout.text()).isEmpty();
    }
}
