package io.handbill.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/** The admin form signs in through Cognito's hosted UI with what the AdminConfig output gives it. */
class AdminSignInTest {
    private static final Path ADMIN_JS = Repo.ROOT.resolve("infrastructure/local-stack/src/main/resources/admin/admin.js");

    private final SamTemplate template = SamTemplate.load();

    @Test
    void adminConfigOutput_givesEveryCognitoSettingTheFormReads() throws Exception {
        if (!Files.isRegularFile(ADMIN_JS)) {
            abort("no admin form at " + Repo.ROOT.relativize(ADMIN_JS) + " yet");
        }
        JsonNode sub = template.root.at("/Outputs/AdminConfig/Value/Fn::Sub");
        JsonNode config = new ObjectMapper().readTree(sub.get(0).asText());
        Set<String> given = new TreeSet<>();
        config.path("cognito").fieldNames().forEachRemaining(given::add);

        assertThat(config.path("auth").asText()).isEqualTo("cognito");
        assertThat(given).containsAll(settingsTheFormReads());
        assertThat(config.at("/cognito/redirectUri").asText()).endsWith("/admin/");
    }

    @Test
    void appClient_allowsTheCodeFlowBackToTheAdminPage_only() {
        JsonNode client = template.resource("UserPoolClient").path("Properties");

        assertThat(client.path("AllowedOAuthFlows")).hasToString("[\"code\"]");
        assertThat(client.path("GenerateSecret").asBoolean()).as("a browser cannot keep a secret").isFalse();
        assertThat(client.path("AllowedOAuthScopes").toString()).contains("openid", "email");
        assertThat(client.path("CallbackURLs")).hasSize(1);
        assertThat(client.path("CallbackURLs").toString()).contains("/admin/").doesNotContain("localhost");
        assertThat(template.resource("UserPool").at("/Properties/AdminCreateUserConfig/AllowAdminCreateUserOnly")
                .asBoolean()).as("organisers are invited, nobody signs up").isTrue();
    }

    /** The {@code cfg.<name>} settings admin.js reads inside its Cognito sign-in. */
    private static Set<String> settingsTheFormReads() {
        String script = Repo.read(ADMIN_JS);
        int start = script.indexOf("function cognitoAuth");
        assertThat(start).as("cognitoAuth in admin.js").isNotNegative();
        Matcher reads = Pattern.compile("\\bcfg\\.(\\w+)").matcher(script.substring(start));
        Set<String> settings = new TreeSet<>();
        while (reads.find()) {
            settings.add(reads.group(1));
        }
        assertThat(settings).isNotEmpty();
        return settings;
    }
}
