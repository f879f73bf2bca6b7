package io.handbill.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

class FunctionEnvironmentTest {
    /** Read by code, deliberately left unset in AWS. */
    static final Map<String, String> LOCAL_ONLY = Map.of(
            "HMAC_SECRET", "the local stand-in for HMAC_SECRET_PARAMETER: in AWS the key stays in SSM, not in function configuration");
    /** The Lambda runtime sets these; the SDK reads AWS_ENDPOINT_URL_* only when pointed at emulators. */
    static final Set<String> PROVIDED_BY_LAMBDA = Set.of("AWS_REGION", "AWS_DEFAULT_REGION",
            "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_LOG_LEVEL", "AWS_LAMBDA_LOG_FORMAT", "AWS_EXECUTION_ENV", "_HANDLER", "LAMBDA_TASK_ROOT",
            "_X_AMZN_TRACE_ID");

    /** Read by the JVM itself, not by our code: the cold-start benchmark measured C1-only as the faster start. */
    static final Set<String> READ_BY_THE_JVM = Set.of("JAVA_TOOL_OPTIONS");

    private final SamTemplate template = SamTemplate.load();

    @ParameterizedTest
    @MethodSource("io.handbill.deploy.Repo#functionModules")
    void everyVariableAFunctionReads_isSetForItInTheTemplate(String module) {
        requireLanded(module);
        String functionId = template.functionIdsByModule().get(module);
        assertThat(functionId).as("template function for functions/" + module).isNotNull();
        Set<String> set = template.environment(functionId).keySet();

        List<String> missing = EnvironmentReads.in(JavaSources.ofFunction(module)).stream()
                .filter(read -> !set.contains(read.name()) && !PROVIDED_BY_LAMBDA.contains(read.name())
                        && !read.name().startsWith("AWS_ENDPOINT_URL") && !LOCAL_ONLY.containsKey(read.name()))
                .map(read -> read.name() + (read.required() ? " (required)" : "") + " read in " + read.where())
                .distinct().toList();

        assertThat(missing).as("variables " + module + " reads that " + functionId + " does not set").isEmpty();
    }

    @Test
    void everyVariableTheTemplateSets_isReadBySomeFunction() {
        Set<String> read = new TreeSet<>();
        List<String> notLanded = Repo.functionModules().stream().filter(module -> !Repo.hasLanded(module)).toList();
        Repo.functionModules().stream().filter(Repo::hasLanded).forEach(module ->
                read.addAll(EnvironmentReads.names(EnvironmentReads.in(JavaSources.ofFunction(module)))));

        Set<String> unread = new TreeSet<>(template.root.at("/Globals/Function/Environment/Variables").properties()
                .stream().map(Map.Entry::getKey).toList());
        template.resourcesOfType(SamTemplate.FUNCTION).keySet().forEach(id -> unread.addAll(template.environment(id).keySet()));
        unread.removeAll(read);
        unread.removeAll(READ_BY_THE_JVM);

        if (!unread.isEmpty() && !notLanded.isEmpty()) {
            abort("Not yet read: " + unread + "; functions without sources yet: " + notLanded);
        }
        assertThat(unread).as("variables set in template.yaml that no function reads").isEmpty();
    }

    @Test
    void localOnlyVariables_areNotSetInTheTemplate() {
        template.resourcesOfType(SamTemplate.FUNCTION).keySet().forEach(id ->
                assertThat(template.environment(id)).doesNotContainKeys(LOCAL_ONLY.keySet().toArray(String[]::new)));
    }

    static void requireLanded(String module) {
        if (!Repo.hasLanded(module)) {
            abort("functions/" + module + " has no main sources yet: nothing to check until it lands");
        }
    }
}
