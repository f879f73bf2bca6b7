package io.handbill.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a function's {@code Policies} allow, statement by statement: SAM policy templates expanded from SAM's own
 * definitions (sam-policy-templates.json) with the template's arguments, inline statements as written.
 */
final class PolicyGrants {
    private static final JsonNode POLICY_TEMPLATES = loadPolicyTemplates();

    private PolicyGrants() {
    }

    static List<Grant> of(JsonNode policies) {
        List<Grant> grants = new ArrayList<>();
        for (JsonNode policy : policies) {
            if (policy.isTextual()) {
                grants.add(new Grant("managed policy " + policy.asText(), List.of("*"), JsonNodeFactory.instance.arrayNode().add("*")));
            } else if (policy.has("Statement")) {
                policy.path("Statement").forEach(statement -> grants.add(grant("inline statement "
                        + statement.path("Sid").asText("?"), statement)));
            } else {
                String name = policy.fieldNames().next();
                JsonNode definition = POLICY_TEMPLATES.path("Templates").path(name).path("Definition");
                if (definition.isMissingNode()) {
                    throw new IllegalArgumentException("Unknown SAM policy template " + name);
                }
                JsonNode statements = substitute(definition.path("Statement").deepCopy(), policy.path(name));
                statements.forEach(statement -> grants.add(grant(name, statement)));
            }
        }
        return grants;
    }

    private static Grant grant(String source, JsonNode statement) {
        if (!"Allow".equals(statement.path("Effect").asText())) {
            throw new IllegalArgumentException(source + " is not an Allow statement");
        }
        JsonNode action = statement.path("Action");
        List<String> actions = new ArrayList<>();
        if (action.isArray()) {
            action.forEach(a -> actions.add(a.asText()));
        } else {
            actions.add(action.asText());
        }
        JsonNode resource = statement.path("Resource");
        return new Grant(source, actions, resource.isArray() ? resource : JsonNodeFactory.instance.arrayNode().add(resource));
    }

    /** Replaces the template's {@code {"Ref": "<Parameter>"}} placeholders with the arguments given. */
    private static JsonNode substitute(JsonNode node, JsonNode arguments) {
        if (node.isObject()) {
            if (node.size() == 1 && node.has("Ref") && arguments.has(node.get("Ref").asText())) {
                return arguments.get(node.get("Ref").asText());
            }
            var object = (ObjectNode) node;
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
            fields.forEach(field -> object.set(field.getKey(), substitute(field.getValue(), arguments)));
        } else if (node.isArray()) {
            var array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, substitute(array.get(i), arguments));
            }
        }
        return node;
    }

    private static JsonNode loadPolicyTemplates() {
        try (InputStream in = PolicyGrants.class.getResourceAsStream("/aws/sam-policy-templates.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param resources each resource as written: "*", an ARN string or an intrinsic function
     */
    record Grant(String source, List<String> actions, JsonNode resources) {
        boolean allows(String action) {
            return actions.stream().anyMatch(pattern -> Pattern.compile(
                    pattern.replace("*", ".*"), Pattern.CASE_INSENSITIVE).matcher(action).matches());
        }

        boolean onAnyResource() {
            for (JsonNode resource : resources) {
                if (resource.isTextual() && resource.asText().equals("*")) {
                    return true;
                }
            }
            return false;
        }
    }
}
