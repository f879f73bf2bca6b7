package io.handbill.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import io.handbill.local.LocalContext;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child JVM of {@link ColdStartBench}: does what the Lambda Java runtime does on a cold start (load the handler
 * class, run its public no-arg constructor, deserialize the event with the runtime's own serializers, invoke), then
 * prints {@link #DONE} with its CPU time so far and a summary of the response, and exits. Runs on a class path of the function's jar, this
 * class's tiny jar and aws-lambda-java-serialization, nothing else.
 */
public final class ColdStartRunner {
    static final String DONE = "HANDBILL-BENCH-DONE";

    private ColdStartRunner() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> handlerClass = Class.forName(args[0]);
        Path event = Path.of(args[1]);
        Object handler = handlerClass.getConstructor().newInstance();
        Context context = LocalContext.startingNow("handbill-bench", "bench-0001", 30_000);
        String summary;
        try (InputStream input = Files.newInputStream(event)) {
            if (handler instanceof RequestStreamHandler streamHandler) {
                var output = new ByteArrayOutputStream();
                streamHandler.handleRequest(input, output, context);
                summary = abbreviate(output.toString(StandardCharsets.UTF_8));
            } else {
                Method handle = typedHandleRequest(handlerClass);
                Object request = serializer(handle.getParameterTypes()[0]).fromJson(input);
                summary = describe(handle.invoke(handler, request, context));
            }
        }
        long cpuMillis = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
        System.out.println(DONE + " " + cpuMillis + " " + summary);
        System.out.flush();
        System.exit(0);
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Class<?> type) {
        ClassLoader loader = ColdStartRunner.class.getClassLoader();
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(type, loader)
                : (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
    }

    private static Method typedHandleRequest(Class<?> handlerClass) {
        for (Method method : handlerClass.getMethods()) {
            if (method.getName().equals("handleRequest") && !method.isBridge() && method.getParameterCount() == 2
                    && method.getParameterTypes()[1] == Context.class) {
                return method;
            }
        }
        throw new IllegalArgumentException(handlerClass + " has no handleRequest(<event>, Context)");
    }

    /** Status code or batch failures by reflection, so one runner serves every handler's response type. */
    private static String describe(Object response) throws Exception {
        if (response == null) {
            return "null";
        }
        for (Method method : response.getClass().getMethods()) {
            if (method.getName().equals("getStatusCode") && method.getParameterCount() == 0) {
                return "status=" + method.invoke(response);
            }
            if (method.getName().equals("getBatchItemFailures") && method.getParameterCount() == 0) {
                return "batchItemFailures=" + method.invoke(response);
            }
        }
        return abbreviate(String.valueOf(response));
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }
}
