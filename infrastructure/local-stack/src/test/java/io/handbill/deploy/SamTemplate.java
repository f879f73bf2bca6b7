package io.handbill.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** template.yaml as parsed JSON, with the questions the checks ask of it. */
final class SamTemplate {
    static final String FUNCTION = "AWS::Serverless::Function";
    private static final Pattern CODE_URI = Pattern.compile("functions/([a-z0-9-]+)/target/([a-z0-9-]+)\\.jar");

    private static SamTemplate loaded;
    final JsonNode root;

    private SamTemplate(JsonNode root) {
        this.root = root;
    }

    static synchronized SamTemplate load() {
        if (loaded == null) {
            try {
                loaded = new SamTemplate(CloudFormationYaml.read(Repo.TEMPLATE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }

    JsonNode resource(String logicalId) {
        return root.path("Resources").path(logicalId);
    }

    Map<String, JsonNode> resourcesOfType(String type) {
        var found = new LinkedHashMap<String, JsonNode>();
        root.path("Resources").fields().forEachRemaining(entry -> {
            if (type.equals(entry.getValue().path("Type").asText())) {
                found.put(entry.getKey(), entry.getValue());
            }
        });
        return found;
    }

    /** The logical ids of the template's functions, sorted: a module's jar may serve more than one. */
    static List<String> functionIds() {
        return load().resourcesOfType(FUNCTION).keySet().stream().sorted().toList();
    }

    /** The functions of template.yaml that HTTP API routes invoke, sorted. */
    static List<String> httpFunctionIds() {
        return load().httpRoutes().stream().map(HttpRoute::functionId).distinct().sorted().toList();
    }

    /** The module named by {@code functions/<module>/target/<module>.jar}, or the raw CodeUri when it isn't one. */
    String module(String functionId) {
        String codeUri = resource(functionId).path("Properties").path("CodeUri").asText();
        Matcher matcher = CODE_URI.matcher(codeUri);
        return matcher.matches() ? matcher.group(1) : codeUri;
    }

    String handler(String functionId) {
        return property(functionId, "Handler").asText();
    }

    /** A function property, falling back to Globals.Function as SAM does. */
    JsonNode property(String functionId, String name) {
        JsonNode own = resource(functionId).path("Properties").path(name);
        return own.isMissingNode() ? root.path("Globals").path("Function").path(name) : own;
    }

    /** Environment variables as SAM merges them: Globals first, the function's own on top. */
    Map<String, JsonNode> environment(String functionId) {
        var variables = new LinkedHashMap<String, JsonNode>();
        root.path("Globals").path("Function").path("Environment").path("Variables").fields()
                .forEachRemaining(entry -> variables.put(entry.getKey(), entry.getValue()));
        resource(functionId).path("Properties").path("Environment").path("Variables").fields()
                .forEachRemaining(entry -> variables.put(entry.getKey(), entry.getValue()));
        return variables;
    }

    Map<String, JsonNode> events(String functionId) {
        var events = new LinkedHashMap<String, JsonNode>();
        resource(functionId).path("Properties").path("Events").fields()
                .forEachRemaining(entry -> events.put(entry.getKey(), entry.getValue()));
        return events;
    }

    Set<String> eventTypes(String functionId) {
        var types = new TreeSet<String>();
        events(functionId).values().forEach(event -> types.add(event.path("Type").asText()));
        return types;
    }

    /** Every HttpApi event of every function, with the authorizer that applies (event's own, else the API default). */
    List<HttpRoute> httpRoutes() {
        var routes = new ArrayList<HttpRoute>();
        resourcesOfType(FUNCTION).keySet().forEach(functionId -> events(functionId).forEach((name, event) -> {
            if ("HttpApi".equals(event.path("Type").asText())) {
                JsonNode properties = event.path("Properties");
                String apiId = properties.path("ApiId").path("Ref").asText();
                JsonNode ownAuthorizer = properties.path("Auth").path("Authorizer");
                String authorizer = ownAuthorizer.isMissingNode()
                        ? resource(apiId).path("Properties").path("Auth").path("DefaultAuthorizer").asText("NONE")
                        : ownAuthorizer.asText();
                routes.add(new HttpRoute(properties.path("Method").asText().toUpperCase(),
                        properties.path("Path").asText(), functionId, module(functionId), authorizer, properties));
            }
        }));
        return routes;
    }

    /** Names this node refers to: Ref targets, GetAtt resources and ${Name} or ${Name.Attr} inside Fn::Sub. */
    static Set<String> referencedNames(JsonNode node) {
        var names = new TreeSet<String>();
        collectReferences(node, names);
        return names;
    }

    private static void collectReferences(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            var object = (ObjectNode) node;
            if (object.has("Ref") && object.get("Ref").isTextual()) {
                names.add(object.get("Ref").asText());
            }
            if (object.has("Fn::GetAtt")) {
                JsonNode getAtt = object.get("Fn::GetAtt");
                names.add(getAtt.isArray() ? getAtt.get(0).asText() : getAtt.asText().split("\\.")[0]);
            }
            if (object.has("Fn::Sub")) {
                JsonNode sub = object.get("Fn::Sub");
                String text = sub.isArray() ? sub.get(0).asText() : sub.asText();
                Matcher matcher = Pattern.compile("\\$\\{([^!}][^}.]*)").matcher(text);
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
                if (sub.isArray()) {
                    sub.get(1).fieldNames().forEachRemaining(names::remove);
                    collectReferences(sub.get(1), names);
                }
            }
            object.fields().forEachRemaining(entry -> {
                if (!entry.getKey().equals("Fn::Sub")) {
                    collectReferences(entry.getValue(), names);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, names));
        }
    }

    record HttpRoute(String method, String path, String functionId, String module, String authorizer,
                     JsonNode properties) {
        String key() {
            return method + " " + path;
        }
    }
}
