package io.handbill.sync;

import com.sun.net.httpserver.HttpServer;
import io.handbill.model.Event;
import io.handbill.model.EventStatus;
import io.handbill.store.EventListing;
import io.handbill.testkit.ChildJvm;
import io.handbill.testkit.DeployableJar;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployable jar itself, in a child JVM configured only by environment variables as Lambda would configure it:
 * proves the shade filters (ical4j without its zone database and zone provider, DynamoDB trimmed to the operations
 * called, the event-api's own classes only) left out nothing a real sync touches.
 */
@ExtendWith(LocalAwsExtension.class)
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "feed-sync.jar");
    private static final Path FEED = Path.of("src/test/resources/feeds/meetup-group.ics");

    @Test
    void shadedJar_syncsTheFeedFromTheEnvironment_intoTheTable(LocalAws aws) throws Exception {
        HttpServer meetup = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] feed = Files.readAllBytes(FEED);
        meetup.createContext("/leeds-devops/events/ical/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/calendar; charset=utf-8");
            exchange.sendResponseHeaders(200, feed.length);
            exchange.getResponseBody().write(feed);
            exchange.close();
        });
        meetup.start();
        try {
            var environment = new HashMap<>(aws.environment());
            environment.putAll(Map.of("FEED_URL", "http://127.0.0.1:" + meetup.getAddress().getPort()
                    + "/leeds-devops/events/ical/", "FEED_TIME_ZONE", "Europe/London"));

            ChildJvm.Result sync = ChildJvm.run(environment, Duration.ofSeconds(90), "-Xshare:off",
                    "-cp", JAR.toString(), SyncFeedHandler.class.getName());

            String log = sync.log();
            assertThat(sync.finished()).as(log).isTrue();
            assertThat(sync.exitValue()).as(log).isZero();
            assertThat(log).contains("SYNCED").doesNotContain("Exception");
            List<Event> events = aws.eventStore().list(new EventListing(null, EventListing.When.ALL, Instant.now(),
                    null, 100)).items();
            assertThat(events).hasSize(12);
            assertThat(events).filteredOn(e -> e.status() == EventStatus.CANCELLED).hasSize(1);
        } finally {
            meetup.stop(0);
        }
    }

    @Test
    void shadedJar_holdsNoApacheOrNettyClient_andStaysUnder12Mb() throws Exception {
        DeployableJar.assertSmallWithoutApacheOrNetty(JAR);
    }
}
