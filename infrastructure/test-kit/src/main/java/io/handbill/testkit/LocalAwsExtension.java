package io.handbill.testkit;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Gives integration tests real local AWS endpoints: annotate the class with {@code @ExtendWith(LocalAwsExtension.class)}
 * and take a {@link LocalAws} parameter (constructor, {@code @BeforeEach} or test method), or extend
 * {@link LocalAwsTest} for an {@code aws} field.
 *
 * <p>The emulators start once per test JVM and stop when it finishes; before each test the table, bucket and
 * outbox are emptied. By default they are dynalite, S3Proxy and the SES stub ({@link EmbeddedAws}); with
 * {@code -Dhandbill.backend=localstack} DynamoDB and S3 come from LocalStack via Testcontainers, and the tests are
 * skipped, with the reason printed, when no Docker engine exists.
 */
public final class LocalAwsExtension implements ExecutionCondition, BeforeEachCallback, ParameterResolver {
    public static final String BACKEND_PROPERTY = "handbill.backend";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalAwsExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!usesLocalStack()) {
            return ConditionEvaluationResult.enabled("embedded emulators");
        }
        Optional<String> unavailable = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(LocalStackCheck.class, key -> LocalStackCheck.run(), LocalStackCheck.class)
                .reason();
        return unavailable.map(reason -> ConditionEvaluationResult.disabled("LocalStack skipped: " + reason))
                .orElseGet(() -> ConditionEvaluationResult.enabled("LocalStack"));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        localAws(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalAws.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return localAws(context);
    }

    private static LocalAws localAws(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class).aws();
    }

    private static boolean usesLocalStack() {
        return "localstack".equalsIgnoreCase(System.getProperty(BACKEND_PROPERTY, "embedded"));
    }

    /** Looked up once per JVM, and printed once, because the check itself can take seconds. */
    private record LocalStackCheck(Optional<String> reason) {
        static LocalStackCheck run() {
            Optional<String> reason = LocalStackAws.unavailableReason();
            reason.ifPresent(why -> System.out.println("[handbill test-kit] LocalStack integration tests skipped: " + why));
            return new LocalStackCheck(reason);
        }
    }

    /** The emulators of this JVM; JUnit closes it after the last test. */
    private record Running(AwsEmulators emulators, LocalAws aws) implements AutoCloseable {
        static Running start() {
            AwsEmulators emulators;
            if (usesLocalStack()) {
                try {
                    emulators = LocalStackAws.start(Files.createTempDirectory("handbill-outbox-"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                emulators = EmbeddedAws.start(null);
            }
            try {
                return new Running(emulators, LocalAws.on(emulators, LocalAws.TABLE, LocalAws.BUCKET));
            } catch (RuntimeException e) {
                emulators.close();
                throw e;
            }
        }

        @Override
        public void close() {
            emulators.close();
        }
    }
}
