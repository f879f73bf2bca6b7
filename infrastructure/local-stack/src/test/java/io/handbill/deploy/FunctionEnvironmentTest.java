package io.handbill.deploy;

import io.handbill.api.EventApiConfig;
import io.handbill.icsfeed.IcsFeedConfig;
import io.handbill.reminder.ReminderEmailConfig;
import io.handbill.render.AdminToolsConfig;
import io.handbill.render.PageRendererConfig;
import io.handbill.subscribe.SubscriptionsConfig;
import io.handbill.sync.FeedSyncConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * template.yaml and the code agree on configuration: each function's environment, as CloudFormation would resolve
 * it, parses through that function's {@code <Function>Config.from}, and the config reads exactly the variables the
 * template sets for it.
 */
class FunctionEnvironmentTest {
    /** Each template function's config, by the function's logical id. */
    static final Map<String, Function<Map<String, String>, Record>> CONFIGS = Map.of(
            "EventApiFunction", EventApiConfig::from,
            "PageRendererFunction", PageRendererConfig::from,
            "AdminToolsFunction", AdminToolsConfig::from,
            "IcsFeedFunction", IcsFeedConfig::from,
            "ReminderEmailFunction", ReminderEmailConfig::from,
            "SubscriptionsFunction", SubscriptionsConfig::from,
            "FeedSyncFunction", FeedSyncConfig::from);
    /** Read by the configs, deliberately left unset in AWS. */
    static final Map<String, String> LOCAL_ONLY = Map.of(
            "HMAC_SECRET", "the local stand-in for HMAC_SECRET_PARAMETER: in AWS the key stays in SSM, not in function configuration");
    /**
     * Set for every function, read outside the configs: LOG_LEVEL by the shared JSON logger as it starts, and
     * JAVA_TOOL_OPTIONS by the JVM itself (the cold-start benchmark measured C1-only as the faster start).
     */
    static final Set<String> READ_BEFORE_THE_CONFIG = Set.of("LOG_LEVEL", "JAVA_TOOL_OPTIONS");

    private final SamTemplate template = SamTemplate.load();
    private final TemplateEnvironment environments = new TemplateEnvironment(template);

    @Test
    void everyTemplateFunction_hasAConfig() {
        assertThat(CONFIGS.keySet()).containsExactlyInAnyOrderElementsOf(SamTemplate.functionIds());
    }

    @ParameterizedTest
    @MethodSource("io.handbill.deploy.SamTemplate#functionIds")
    void theTemplatesEnvironment_parsesThroughTheFunctionsConfig(String functionId) {
        Map<String, String> environment = environments.of(functionId);

        assertThatCode(() -> config(functionId).apply(environment)).as(functionId + " with " + environment)
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("io.handbill.deploy.SamTemplate#functionIds")
    void theConfigReads_exactlyTheVariablesTheTemplateSetsForTheFunction(String functionId) {
        var recording = new RecordingVariables(environments.of(functionId));
        config(functionId).apply(recording);

        Set<String> read = new TreeSet<>(recording.read());
        read.removeAll(LOCAL_ONLY.keySet());
        Set<String> set = new TreeSet<>(template.environment(functionId).keySet());
        set.removeAll(READ_BEFORE_THE_CONFIG);

        assertThat(read).as("variables " + functionId + "'s config reads (left) and sets (right)")
                .isEqualTo(set);
    }

    @ParameterizedTest
    @MethodSource("io.handbill.deploy.SamTemplate#functionIds")
    void withoutAVariableTheTemplateSets_theConfigUsesItsDefault_orFailsNamingIt(String functionId) {
        Map<String, String> complete = environments.of(functionId);
        List<String> required = new ArrayList<>();
        for (String name : complete.keySet()) {
            if (READ_BEFORE_THE_CONFIG.contains(name)) {
                continue;
            }
            Map<String, String> without = new HashMap<>(complete);
            without.remove(name);
            try {
                config(functionId).apply(without);
            } catch (IllegalStateException e) {
                assertThat(e.getMessage()).as("the failure without " + name).contains(name).doesNotContain("\n");
                required.add(name);
            }
        }
        assertThat(required).as("every function needs its table").contains("EVENTS_TABLE");
    }

    @Test
    void localOnlyVariables_areNotSetInTheTemplate() {
        template.resourcesOfType(SamTemplate.FUNCTION).keySet().forEach(id ->
                assertThat(template.environment(id)).doesNotContainKeys(LOCAL_ONLY.keySet().toArray(String[]::new)));
    }

    private static Function<Map<String, String>, Record> config(String functionId) {
        assertThat(CONFIGS).as("configs by template function").containsKey(functionId);
        return CONFIGS.get(functionId);
    }

    static void requireLanded(String module) {
        if (!Repo.hasLanded(module)) {
            abort("functions/" + module + " has no main sources yet: nothing to check until it lands");
        }
    }
}
