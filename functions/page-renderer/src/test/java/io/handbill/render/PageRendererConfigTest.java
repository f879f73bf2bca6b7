package io.handbill.render;

import io.handbill.model.SiteConfig;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRendererConfigTest {
    private static final Map<String, String> GOOD = Map.of("EVENTS_TABLE", "events", "PAGES_BUCKET", "pages",
            "SITE_URL", "https://events.example.org/", "GROUP_NAME", "Leeds DevOps",
            "ORGANISER_EMAIL", "organisers@example.org");

    @Test
    void parsesAGoodEnvironment() {
        assertThat(PageRendererConfig.from(GOOD)).isEqualTo(new PageRendererConfig("events", "pages",
                new SiteConfig("https://events.example.org", "Leeds DevOps", "organisers@example.org")));
    }

    @Test
    void eachMissingVariable_failsNamingIt() {
        for (String name : GOOD.keySet()) {
            var without = new HashMap<>(GOOD);
            without.remove(name);
            assertThatThrownBy(() -> PageRendererConfig.from(without)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Environment variable " + name + " is not set");
        }
    }
}
