package io.handbill.testkit;

import io.handbill.aws.Env;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * DynamoDB and S3 from LocalStack in a Testcontainers-managed container, with the in-process SES stub (whose outbox
 * and fault controls the tests read). Used when {@code -Dhandbill.backend=localstack} and a Docker engine exists.
 */
record LocalStackAws(LocalStackContainer container, SesStub ses) implements AwsEmulators {
    private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.0.3");

    static LocalStackAws start(Path outbox) {
        LocalStackContainer container = new LocalStackContainer(IMAGE).withServices(Service.DYNAMODB, Service.S3);
        container.start();
        return new LocalStackAws(container, SesStub.start(outbox));
    }

    /** Why LocalStack cannot run here, or empty when a Docker engine answers. */
    static Optional<String> unavailableReason() {
        boolean dockerConfigured = Env.system().optional("DOCKER_HOST", null) != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!dockerConfigured) {
            return Optional.of("no Docker engine (DOCKER_HOST is unset and there is no /var/run/docker.sock)");
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return Optional.of("Testcontainers found no working Docker engine");
        }
        return Optional.empty();
    }

    @Override
    public AwsEndpoints endpoints() {
        return new AwsEndpoints(container.getEndpointOverride(Service.DYNAMODB),
                container.getEndpointOverride(Service.S3), ses.endpoint());
    }

    @Override
    public void close() {
        try {
            ses.close();
        } finally {
            container.stop();
        }
    }
}
