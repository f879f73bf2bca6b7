package io.handbill.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class FunctionHandlersTest {
    private static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";
    private static final String STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";
    private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events.";
    /** The aws-lambda-java-events type each event source delivers, and the response type it expects back. */
    private static final Map<String, List<String>> EVENT_TYPES = Map.of(
            "HttpApi", List.of(EVENTS + "APIGatewayV2HTTPEvent", EVENTS + "APIGatewayV2HTTPResponse"),
            "DynamoDB", List.of(EVENTS + "DynamodbEvent", EVENTS + "StreamsEventResponse"),
            "ScheduleV2", List.of(EVENTS + "ScheduledEvent"));

    private final SamTemplate template = SamTemplate.load();

    @Test
    void everyModuleUnderFunctions_isATemplateFunction_andEachFunctionItsOwnHandler() {
        List<String> templateModules = SamTemplate.functionIds().stream().map(template::module).distinct().sorted()
                .toList();
        List<String> handlers = SamTemplate.functionIds().stream().map(template::handler).toList();

        assertThat(templateModules).as("CodeUri modules of the AWS::Serverless::Functions")
                .containsExactlyElementsOf(Repo.functionModules());
        assertThat(handlers).as("Handler of each AWS::Serverless::Function").doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("io.handbill.deploy.SamTemplate#functionIds")
    void codeUri_isTheShadedJarTheModuleBuilds(String functionId) {
        String module = template.module(functionId);
        assertThat(template.resource(functionId).at("/Properties/CodeUri").asText())
                .isEqualTo("functions/" + module + "/target/" + module + ".jar");

        String pom = Repo.read(Repo.functionModule(module).resolve("pom.xml"));
        assertThat(pom).contains("<finalName>" + module + "</finalName>").contains("<artifactId>maven-shade-plugin</artifactId>");
    }

    @ParameterizedTest
    @MethodSource("io.handbill.deploy.SamTemplate#functionIds")
    void handler_isALambdaHandlerInItsOwnModule_takingWhatItsEventsDeliver(String functionId) {
        String module = template.module(functionId);
        String handler = template.handler(functionId);
        assertThat(handler).as(functionId + " Handler").matches("[a-z][\\w.]*\\.[A-Z]\\w*::handleRequest");
        String className = HandlerClasses.className(handler);
        FunctionEnvironmentTest.requireLanded(module);
        assertThat(Repo.functionSources(module).resolve(className.replace('.', '/') + ".java"))
                .as(className + " in functions/" + module).matches(Files::isRegularFile);

        Class<?> handlerClass = HandlerClasses.load(handler, module);

        assertThat(Modifier.isAbstract(handlerClass.getModifiers())).isFalse();
        assertThat(handlerClass.getConstructors()).as("public constructors of " + className)
                .anyMatch(constructor -> constructor.getParameterCount() == 0);
        if (implementsInterface(handlerClass, STREAM_HANDLER)) {
            return;
        }
        ParameterizedType requestHandler = requestHandlerType(handlerClass)
                .orElseGet(() -> fail(className + " implements neither RequestHandler nor RequestStreamHandler"));
        Type[] io = requestHandler.getActualTypeArguments();
        for (String source : deliveredShapes(functionId)) {
            List<String> expected = EVENT_TYPES.get(source);
            assertThat(expected).as("known event source " + source).isNotNull();
            assertThat(io[0].getTypeName()).as(className + " input for " + source + " events").isEqualTo(expected.get(0));
            boolean hasResponseType = switch (source) {
                case "HttpApi" -> true;
                case "DynamoDB" -> reportsBatchItemFailures(functionId);
                default -> false;
            };
            if (hasResponseType) {
                assertThat(io[1].getTypeName()).as(className + " output for " + source + " events").isEqualTo(expected.get(1));
            }
        }
    }

    /**
     * The event source types of the function, except that a schedule whose input is shaped as an API Gateway
     * request (it names a {@code routeKey}, such as event-api's series refresh) delivers what an HttpApi does.
     */
    private java.util.Set<String> deliveredShapes(String functionId) {
        var shapes = new java.util.TreeSet<String>();
        template.events(functionId).values().forEach(event -> {
            String type = event.path("Type").asText();
            boolean httpShaped = "ScheduleV2".equals(type)
                    && event.at("/Properties/Input").asText().contains("\"routeKey\"");
            shapes.add(httpShaped ? "HttpApi" : type);
        });
        return shapes;
    }

    private boolean reportsBatchItemFailures(String functionId) {
        return template.events(functionId).values().stream().map(event -> event.at("/Properties/FunctionResponseTypes"))
                .flatMap(types -> StreamSupport.stream(types.spliterator(), false))
                .map(JsonNode::asText).anyMatch("ReportBatchItemFailures"::equals);
    }

    private static boolean implementsInterface(Class<?> type, String interfaceName) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> implemented : c.getInterfaces()) {
                if (implemented.getName().equals(interfaceName) || implementsInterface(implemented, interfaceName)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<ParameterizedType> requestHandlerType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type implemented : c.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized
                        && parameterized.getRawType().getTypeName().equals(REQUEST_HANDLER)) {
                    return Optional.of(parameterized);
                }
            }
        }
        return Optional.empty();
    }
}
