package io.handbill.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which resource needs which, as CloudFormation will see it after the SAM transform: a function needs what its
 * properties, Globals and policies name (its events become separate resources), and an HTTP API needs every
 * function it integrates. A cycle here is a deploy that fails before creating anything.
 */
final class ResourceGraph {
    private final Map<String, Set<String>> needs = new LinkedHashMap<>();

    ResourceGraph(JsonNode template) {
        JsonNode resources = template.path("Resources");
        resources.fieldNames().forEachRemaining(id -> needs.put(id, new TreeSet<>()));
        resources.fields().forEachRemaining(entry -> {
            String id = entry.getKey();
            JsonNode resource = entry.getValue();
            String type = resource.path("Type").asText();
            JsonNode properties = resource.path("Properties").deepCopy();
            if (SamTemplate.FUNCTION.equals(type)) {
                ((ObjectNode) properties).remove("Events");
                add(id, template.path("Globals").path("Function"));
                resource.path("Properties").path("Events").forEach(event -> {
                    if ("HttpApi".equals(event.path("Type").asText())) {
                        String api = event.path("Properties").path("ApiId").path("Ref").asText();
                        needs.computeIfAbsent(api, key -> new TreeSet<>()).add(id);
                    }
                });
            }
            if ("AWS::Serverless::HttpApi".equals(type)) {
                add(id, template.path("Globals").path("HttpApi"));
            }
            add(id, properties);
            resource.path("DependsOn").forEach(dependency -> needs.get(id).add(dependency.asText()));
            if (resource.path("DependsOn").isTextual()) {
                needs.get(id).add(resource.path("DependsOn").asText());
            }
        });
        needs.values().forEach(set -> set.retainAll(needs.keySet()));
    }

    private void add(String id, JsonNode node) {
        needs.get(id).addAll(SamTemplate.referencedNames(node));
    }

    /** One dependency cycle as a path that returns to its start, or an empty list. */
    List<String> findCycle() {
        Set<String> done = new HashSet<>();
        for (String start : needs.keySet()) {
            List<String> cycle = search(start, new ArrayDeque<>(), new HashSet<>(), done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private List<String> search(String node, Deque<String> path, Set<String> onPath, Set<String> done) {
        if (onPath.contains(node)) {
            var cycle = new ArrayList<String>();
            boolean inCycle = false;
            for (String step : (Iterable<String>) path::descendingIterator) {
                inCycle |= step.equals(node);
                if (inCycle) {
                    cycle.add(step);
                }
            }
            cycle.add(node);
            return cycle;
        }
        if (!done.add(node)) {
            return List.of();
        }
        path.push(node);
        onPath.add(node);
        for (String next : needs.getOrDefault(node, Set.of())) {
            List<String> cycle = search(next, path, onPath, done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.pop();
        onPath.remove(node);
        return List.of();
    }
}
