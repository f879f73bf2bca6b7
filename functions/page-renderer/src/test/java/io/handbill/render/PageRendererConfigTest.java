package io.handbill.render;

import io.handbill.fixtures.RequiredVariables;
import io.handbill.model.SiteConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
        RequiredVariables.eachMissingOneFailsNamingIt(GOOD, PageRendererConfig::from);
    }
}
