package io.handbill.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

class HttpRoutesTest {
    /** Organiser-only paths (the brief's admin routes); every other route is public. */
    private static final List<String> ADMIN_PREFIXES = List.of("/api/events", "/api/series", "/api/subscribers", "/api/preview",
            "/api/uploads");
    /** Public routes under an admin prefix: an event's RSVP counts, shown on its public page. */
    private static final List<String> PUBLIC_UNDER_ADMIN = List.of("GET /api/events/{id}/availability");
    private static final String AUTHORIZER = "Organisers";

    private final SamTemplate template = SamTemplate.load();

    @Test
    void adminRoutes_requireTheCognitoJwt_publicRoutesNone() {
        assertThat(template.httpRoutes()).isNotEmpty().allSatisfy(route -> {
            boolean admin = ADMIN_PREFIXES.stream().anyMatch(route.path()::startsWith)
                    && !PUBLIC_UNDER_ADMIN.contains(route.key());
            assertThat(route.authorizer()).as(route.key()).isEqualTo(admin ? AUTHORIZER : "NONE");
        });
    }

    @Test
    void theAuthorizer_trustsOnlyThisStacksUserPoolAndAdminClient() {
        JsonNode jwt = template.resource("HttpApi").at("/Properties/Auth/Authorizers/" + AUTHORIZER + "/JwtConfiguration");

        assertThat(SamTemplate.referencedNames(jwt.path("issuer"))).contains("UserPool");
        assertThat(jwt.path("audience")).hasSize(1);
        assertThat(SamTemplate.referencedNames(jwt.path("audience"))).containsExactly("UserPoolClient");
        assertThat(template.resource("OrganisersGroup").at("/Properties/GroupName").asText()).isEqualTo("organisers");
        for (String authorising : List.of("EventApiFunction", "AdminToolsFunction", "SubscriptionsFunction")) {
            assertThat(template.environment(authorising).get("ADMIN_GROUP")).as(authorising)
                    .hasToString("{\"Ref\":\"OrganisersGroup\"}");
        }
    }

    @Test
    void corsAllowsTheSiteOriginOnly() {
        JsonNode origins = template.resource("HttpApi").at("/Properties/CorsConfiguration/AllowOrigins");

        assertThat(origins).hasSize(1);
        assertThat(origins.toString()).doesNotContain("\"*\"").contains("https://${SiteDomain}");
    }

    @Test
    void publicRoutes_areThrottled() {
        template.httpRoutes().stream().filter(route -> route.authorizer().equals("NONE")).forEach(route -> {
            JsonNode settings = route.properties().path("RouteSettings");
            assertThat(settings.path("ThrottlingBurstLimit").asInt()).as(route.key() + " burst").isPositive();
            assertThat(settings.path("ThrottlingRateLimit").asDouble()).as(route.key() + " rate").isPositive();
        });
    }

    @Test
    void everyRoute_reachesTheApiThroughCloudFront_andPagesStayWithTheBucket() {
        List<Pattern> apiBehaviours = new ArrayList<>();
        template.resource("SiteDistribution").at("/Properties/DistributionConfig/CacheBehaviors").forEach(behaviour -> {
            if (behaviour.path("TargetOriginId").asText().equals("api")) {
                apiBehaviours.add(Pattern.compile(Pattern.quote(behaviour.path("PathPattern").asText())
                        .replace("*", "\\E.*\\Q")));
            }
        });

        assertThat(template.httpRoutes()).allSatisfy(route -> assertThat(apiBehaviours)
                .as(route.key()).anyMatch(p -> p.matcher(route.path().replaceAll("\\{[^}]+}", "x.ics")).matches()));
        for (String page : List.of("/", "/index.html", "/events/leeds-devops/", "/events/leeds-devops/index.html",
                "/feed.xml", "/assets/site.css", "/admin/")) {
            assertThat(apiBehaviours).as(page).noneMatch(p -> p.matcher(page).matches());
        }
    }

    @ParameterizedTest
    @MethodSource("io.handbill.deploy.SamTemplate#httpFunctionIds")
    void templateRoutes_areExactlyTheHandlersRoutes(String functionId) {
        String module = template.module(functionId);
        FunctionEnvironmentTest.requireLanded(module);
        Class<?> handlerClass = HandlerClasses.load(template.handler(functionId), module);
        Map<String, Set<String>> tables = RouteTables.exposedBy(handlerClass);
        Set<String> inTemplate = templateRoutesOf(functionId);
        if (!tables.isEmpty()) {
            var table = tables.entrySet().iterator().next();
            assertThat(table.getValue()).as("routes in " + table.getKey() + " vs template.yaml")
                    .containsExactlyInAnyOrderElementsOf(inTemplate);
            return;
        }
        Set<String> literals = RouteTables.literalsIn(Repo.functionSources(module));
        assertThat(literals).as("route keys in functions/" + module + " sources that template.yaml does not route")
                .isSubsetOf(inTemplate);
        if (!literals.containsAll(inTemplate)) {
            abort(handlerClass.getSimpleName() + " exposes no route table and its sources name only " + literals
                    + " of " + inTemplate + ": add public static final List<String> ROUTES to check it");
        }
    }

    @Test
    void templateRoutes_areExactlyTheLocalStacksApiRoutes() {
        if (Repo.javaFiles(Repo.LOCAL_STACK_SOURCES).isEmpty()) {
            abort("infrastructure/local-stack has no main sources yet: nothing to compare");
        }
        Set<String> local = new TreeSet<>();
        RouteTables.classesUnder(Repo.LOCAL_STACK_CLASSES)
                .forEach(type -> RouteTables.exposedBy(type).values().forEach(local::addAll));
        routeTablesTheLocalStackReuses().forEach(local::addAll);
        local.removeIf(key -> !servedByTheHttpApi(key));
        if (local.isEmpty()) {
            abort("infrastructure/local-stack declares no API routes yet (expected a public static route table)");
        }

        Set<String> all = template.httpRoutes().stream().map(SamTemplate.HttpRoute::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(local).as("API routes of the local stack vs template.yaml").containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void localStackRoutes_goToTheHandlerTheTemplateNames() {
        Map<String, String> local = new TreeMap<>();
        RouteTables.classesUnder(Repo.LOCAL_STACK_CLASSES).forEach(type -> local.putAll(RouteTables.handlersByRoute(type)));
        if (local.isEmpty()) {
            abort("the local stack exposes no route table naming handlers yet");
        }
        Map<String, String> templateHandlers = new TreeMap<>();
        template.httpRoutes().forEach(route -> templateHandlers.put(route.key(),
                HandlerClasses.className(template.handler(route.functionId()))));

        assertThat(local).isEqualTo(templateHandlers);
    }

    /** Handler route tables the local stack's sources name, e.g. {@code EventApiHandler.ROUTES}. */
    private List<Set<String>> routeTablesTheLocalStackReuses() {
        String localSources = Repo.javaFiles(Repo.LOCAL_STACK_SOURCES).stream().map(Repo::read).collect(Collectors.joining("\n"));
        return SamTemplate.httpFunctionIds().stream().filter(id -> Repo.hasLanded(template.module(id))).flatMap(id -> {
            String handler = template.handler(id);
            return RouteTables.exposedBy(HandlerClasses.load(handler, template.module(id))).entrySet().stream()
                    .filter(table -> localSources.contains(table.getKey().replaceAll("\\(\\)$", "")))
                    .map(Map.Entry::getValue);
        }).toList();
    }

    private static boolean servedByTheHttpApi(String routeKey) {
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        return path.startsWith("/api/") || path.equals("/calendar.ics") || path.startsWith("/events/");
    }

    private Set<String> templateRoutesOf(String functionId) {
        return template.httpRoutes().stream().filter(route -> route.functionId().equals(functionId))
                .map(SamTemplate.HttpRoute::key).collect(Collectors.toCollection(TreeSet::new));
    }
}
