package io.handbill.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Least privilege, checked from both sides: each function's declared AWS operations are exactly what its code
 * calls, and its template policies allow each of them on the one resource it is for, and nothing it does not use.
 */
class FunctionPoliciesTest {
    /** The AWS operations each template function calls (HeadObject is s3:GetObject). */
    static final Map<String, Set<String>> OPERATIONS = Map.of(
            "EventApiFunction", Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                    "dynamodb:Query"),
            "PageRendererFunction", Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem",
                    "dynamodb:UpdateItem" /* raises a site version the API left behind */, "s3:GetObject",
                    "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"),
            "AdminToolsFunction", Set.of("dynamodb:GetItem", "s3:PutObject"),
            "IcsFeedFunction", Set.of("dynamodb:GetItem", "dynamodb:Query"),
            "ReminderEmailFunction", Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem",
                    "dynamodb:DeleteItem", "ses:SendEmail", "ssm:GetParameter"),
            "SubscriptionsFunction", Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem",
                    "ses:SendEmail", "ssm:GetParameter"),
            "FeedSyncFunction", Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                    "dynamodb:Query"));
    /** The template resources and parameters a service's grants must be scoped to. */
    static final Map<String, Set<String>> SCOPES = Map.of(
            "dynamodb", Set.of("EventsTable"),
            "s3", Set.of("PagesBucket"),
            "ses", Set.of("SenderEmail", "MailConfigurationSet"),
            "ssm", Set.of("HmacSecretParameterName"));
    /** Metadata actions SAM's policy templates grant on every resource; they read no data. */
    static final Set<String> HARMLESS_ON_ANY_RESOURCE = Set.of("ssm:DescribeParameters");
    private static final List<String> WRITE_VERBS = List.of("Put", "Update", "Delete", "BatchWrite", "Send", "Create");

    private final SamTemplate template = SamTemplate.load();

    @ParameterizedTest
    @MethodSource("io.handbill.deploy.SamTemplate#functionIds")
    void declaredOperations_areExactlyWhatTheCodeCalls(String functionId) {
        String module = template.module(functionId);
        FunctionEnvironmentTest.requireLanded(module);
        String handler = template.handler(functionId);

        assertThat(ReachableSdkCalls.from(HandlerClasses.load(handler, module))).as("AWS operations " + functionId
                + " calls (update OPERATIONS and the template's policies together)")
                .containsExactlyInAnyOrderElementsOf(declared(functionId));
    }

    @ParameterizedTest
    @MethodSource("io.handbill.deploy.SamTemplate#functionIds")
    void policies_allowEachDeclaredOperation_onItsOwnResourceOnly(String functionId) {
        List<PolicyGrants.Grant> grants = grants(functionId);

        for (String operation : declared(functionId)) {
            List<PolicyGrants.Grant> allowing = grants.stream().filter(grant -> grant.allows(operation)).toList();
            assertThat(allowing).as(functionId + " may " + operation).isNotEmpty();
            Set<String> scopedTo = new TreeSet<>();
            allowing.forEach(grant -> {
                assertThat(grant.onAnyResource()).as(grant.source() + " grants " + operation + " on *").isFalse();
                scopedTo.addAll(SamTemplate.referencedNames(grant.resources()));
            });
            assertThat(scopedTo).as("resources of " + operation + " for " + functionId)
                    .containsAll(SCOPES.get(service(operation)));
        }
    }

    @ParameterizedTest
    @MethodSource("io.handbill.deploy.SamTemplate#functionIds")
    void everyPolicy_isUsed_andNoneWritesWhereTheFunctionOnlyReads(String functionId) {
        Set<String> operations = declared(functionId);

        Map<String, List<PolicyGrants.Grant>> bySource = grants(functionId).stream()
                .collect(Collectors.groupingBy(PolicyGrants.Grant::source));
        bySource.forEach((source, statements) -> assertThat(operations)
                .as(functionId + ": " + source + " allows nothing it calls")
                .anyMatch(operation -> statements.stream().anyMatch(grant -> grant.allows(operation))));
        for (PolicyGrants.Grant grant : grants(functionId)) {
            for (String action : grant.actions()) {
                String service = service(action);
                boolean writes = operations.stream().anyMatch(op -> service(op).equals(service) && isWrite(op));
                if (isWrite(action) && !writes) {
                    throw new AssertionError(functionId + " only reads " + service + " but " + grant.source() + " allows " + action);
                }
                if (grant.onAnyResource()) {
                    assertThat(HARMLESS_ON_ANY_RESOURCE).as(grant.source() + " allows " + action + " on *").contains(action);
                }
            }
        }
    }

    private List<PolicyGrants.Grant> grants(String functionId) {
        return PolicyGrants.of(template.resource(functionId).at("/Properties/Policies"));
    }

    private static Set<String> declared(String functionId) {
        assertThat(OPERATIONS).as("declared operations").containsKey(functionId);
        return OPERATIONS.get(functionId);
    }

    private static String service(String action) {
        return action.substring(0, action.indexOf(':'));
    }

    private static boolean isWrite(String action) {
        String name = action.substring(action.indexOf(':') + 1);
        return WRITE_VERBS.stream().anyMatch(name::startsWith);
    }
}
