package io.handbill.aws;

import io.handbill.http.AdminGroupConfig;
import io.handbill.mail.SesConfig;
import io.handbill.model.SiteConfig;
import io.handbill.subscriber.TokenSecretConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings several functions share, each parsed once, here. */
class SharedConfigTest {
    private static final Map<String, String> SITE = Map.of("SITE_URL", "https://events.example.org/",
            "GROUP_NAME", "Leeds DevOps", "ORGANISER_EMAIL", "organisers@example.org");

    @Test
    void site_readsItsThreeVariables_andNamesAMissingOne() {
        assertThat(SiteConfig.from(new Env(SITE)))
                .isEqualTo(new SiteConfig("https://events.example.org", "Leeds DevOps", "organisers@example.org"));
        for (String name : SITE.keySet()) {
            var without = new HashMap<>(SITE);
            without.remove(name);
            assertThatThrownBy(() -> SiteConfig.from(new Env(without))).hasMessageContaining(name);
        }
    }

    @Test
    void ses_defaultsToNoConfigurationSetAndTheSandboxRate() {
        assertThat(SesConfig.from(new Env(Map.of()))).isEqualTo(new SesConfig(null, 1));
        assertThat(SesConfig.from(new Env(Map.of("SES_CONFIGURATION_SET", "mail", "SEND_RATE_PER_SECOND", "14"))))
                .isEqualTo(new SesConfig("mail", 14));
        assertThatThrownBy(() -> SesConfig.from(new Env(Map.of("SEND_RATE_PER_SECOND", "0"))))
                .hasMessageContaining("SEND_RATE_PER_SECOND");
    }

    @Test
    void tokenSecret_takesTheLocalSecret_elseNeedsTheSsmParameterName() {
        var local = TokenSecretConfig.from(new Env(Map.of("HMAC_SECRET", "local-secret")));
        assertThat(local.read()).isEqualTo("local-secret".getBytes(StandardCharsets.UTF_8));
        assertThat(local.toString()).doesNotContain("local-secret");
        assertThat(TokenSecretConfig.from(new Env(Map.of("HMAC_SECRET_PARAMETER", "/handbill/hmac"))))
                .isEqualTo(new TokenSecretConfig(null, "/handbill/hmac"));
        assertThatThrownBy(() -> TokenSecretConfig.from(new Env(Map.of())))
                .hasMessage("Environment variable HMAC_SECRET_PARAMETER is not set");
    }

    @Test
    void adminGroup_defaultsToTheTemplatesCognitoGroup() {
        assertThat(AdminGroupConfig.from(new Env(Map.of())).name()).isEqualTo("organisers");
        assertThat(AdminGroupConfig.from(new Env(Map.of("ADMIN_GROUP", "admins"))).name()).isEqualTo("admins");
    }
}
