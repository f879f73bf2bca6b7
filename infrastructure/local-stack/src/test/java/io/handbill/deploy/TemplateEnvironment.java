package io.handbill.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function's environment variables as strings, the way CloudFormation would hand them to Lambda: a parameter
 * reference becomes its Default (or a sample value, for parameters the deployer must give), a resource reference or
 * attribute a plausible physical name, {@code !Sub} is substituted and {@code !If} follows its condition.
 */
final class TemplateEnvironment {
    /** What a deployer passes for the parameters without a default; each must match its AllowedPattern. */
    static final Map<String, String> SAMPLE_PARAMETERS = Map.of(
            "GroupName", "Leeds DevOps",
            "OrganiserEmail", "organisers@example.org",
            "SenderEmail", "events@example.org");
    private static final Map<String, String> PSEUDO_PARAMETERS = Map.of(
            "AWS::Region", "eu-west-2", "AWS::AccountId", "123456789012", "AWS::Partition", "aws",
            "AWS::StackName", "handbill", "AWS::URLSuffix", "amazonaws.com");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private final SamTemplate template;

    TemplateEnvironment(SamTemplate template) {
        this.template = template;
    }

    Map<String, String> of(String functionId) {
        Map<String, String> variables = new LinkedHashMap<>();
        template.environment(functionId).forEach((name, value) -> variables.put(name, value(value)));
        return variables;
    }

    String value(JsonNode node) {
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.has("Ref")) {
            return ref(node.get("Ref").asText());
        }
        if (node.has("Fn::GetAtt")) {
            JsonNode at = node.get("Fn::GetAtt");
            return attribute(at.get(0).asText(), at.get(1).asText());
        }
        if (node.has("Fn::Sub")) {
            JsonNode sub = node.get("Fn::Sub");
            return substitute(sub.isArray() ? sub.get(0).asText() : sub.asText());
        }
        if (node.has("Fn::If")) {
            JsonNode branches = node.get("Fn::If");
            return value(condition(branches.get(0).asText()) ? branches.get(1) : branches.get(2));
        }
        throw new IllegalArgumentException("No value for " + node + ": teach TemplateEnvironment this intrinsic");
    }

    private String ref(String name) {
        if (PSEUDO_PARAMETERS.containsKey(name)) {
            return PSEUDO_PARAMETERS.get(name);
        }
        JsonNode parameter = template.root.path("Parameters").path(name);
        if (parameter.isMissingNode()) {
            return "handbill-" + existing(name);
        }
        if (parameter.has("Default")) {
            return parameter.get("Default").asText();
        }
        String sample = SAMPLE_PARAMETERS.get(name);
        if (sample == null) {
            throw new IllegalArgumentException("Parameter " + name + " has no Default: add a sample value");
        }
        return sample;
    }

    private String attribute(String resource, String attribute) {
        return "handbill-" + existing(resource) + "-" + attribute;
    }

    private String existing(String resource) {
        if (template.resource(resource).isMissingNode()) {
            throw new IllegalArgumentException(resource + " is neither a parameter nor a resource");
        }
        return resource;
    }

    private String substitute(String text) {
        Matcher variable = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            int dot = name.indexOf('.');
            String value = dot < 0 || name.startsWith("AWS::") ? ref(name)
                    : attribute(name.substring(0, dot), name.substring(dot + 1));
            variable.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return variable.appendTail(out).toString();
    }

    private boolean condition(String name) {
        JsonNode condition = template.root.path("Conditions").path(name);
        if (condition.isMissingNode()) {
            throw new IllegalArgumentException("No condition " + name);
        }
        return holds(condition);
    }

    private boolean holds(JsonNode node) {
        if (node.has("Condition")) {
            return condition(node.get("Condition").asText());
        }
        if (node.has("Fn::Not")) {
            return !holds(node.get("Fn::Not").get(0));
        }
        if (node.has("Fn::Equals")) {
            return value(node.get("Fn::Equals").get(0)).equals(value(node.get("Fn::Equals").get(1)));
        }
        throw new IllegalArgumentException("Cannot evaluate condition " + node);
    }
}
