package io.handbill.deploy;

import io.handbill.api.EventApiConfig;
import io.handbill.icsfeed.IcsFeedConfig;
import io.handbill.reminder.ReminderEmailConfig;
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
    static final Map<String, Function<Map<String, String>, Record>> CONFIGS = Map.of(
            "event-api", EventApiConfig::from,
            "page-renderer", PageRendererConfig::from,
            "ics-feed", IcsFeedConfig::from,
            "reminder-email", ReminderEmailConfig::from,
            "subscriptions", SubscriptionsConfig::from,
            "feed-sync", FeedSyncConfig::from);
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
    void everyFunctionModule_hasAConfig() {
        assertThat(CONFIGS.keySet()).containsExactlyInAnyOrderElementsOf(Repo.functionModules());
    }

    @ParameterizedTest
    @MethodSource("io.handbill.deploy.Repo#functionModules")
    void theTemplatesEnvironment_parsesThroughTheFunctionsConfig(String module) {
        Map<String, String> environment = environments.of(functionId(module));

        assertThatCode(() -> CONFIGS.get(module).apply(environment)).as(module + " with " + environment)
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("io.handbill.deploy.Repo#functionModules")
    void theConfigReads_exactlyTheVariablesTheTemplateSetsForTheFunction(String module) {
        String functionId = functionId(module);
        var recording = new RecordingVariables(environments.of(functionId));
        CONFIGS.get(module).apply(recording);

        Set<String> read = new TreeSet<>(recording.read());
        read.removeAll(LOCAL_ONLY.keySet());
        Set<String> set = new TreeSet<>(template.environment(functionId).keySet());
        set.removeAll(READ_BEFORE_THE_CONFIG);

        assertThat(read).as("variables " + module + "'s config reads (left) and " + functionId + " sets (right)")
                .isEqualTo(set);
    }

    @ParameterizedTest
    @MethodSource("io.handbill.deploy.Repo#functionModules")
    void withoutAVariableTheTemplateSets_theConfigUsesItsDefault_orFailsNamingIt(String module) {
        Map<String, String> complete = environments.of(functionId(module));
        List<String> required = new ArrayList<>();
        for (String name : complete.keySet()) {
            if (READ_BEFORE_THE_CONFIG.contains(name)) {
                continue;
            }
            Map<String, String> without = new HashMap<>(complete);
            without.remove(name);
            try {
                CONFIGS.get(module).apply(without);
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

    private String functionId(String module) {
        String functionId = template.functionIdsByModule().get(module);
        assertThat(functionId).as("template function for functions/" + module).isNotNull();
        return functionId;
    }

    static void requireLanded(String module) {
        if (!Repo.hasLanded(module)) {
            abort("functions/" + module + " has no main sources yet: nothing to check until it lands");
        }
    }
}
