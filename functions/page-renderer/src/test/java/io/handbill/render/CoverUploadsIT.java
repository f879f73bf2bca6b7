package io.handbill.render;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.handbill.fixtures.Fixtures;
import io.handbill.fixtures.TestClock;
import io.handbill.json.Json;
import io.handbill.model.Event;
import io.handbill.model.Image;
import io.handbill.model.SitePaths;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.handbill.render.TestEvents.NOW;
import static io.handbill.render.TestEvents.SITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code POST /api/uploads} through its handler, then the browser's part done over real HTTP: the presigned PUT to
 * S3Proxy (which checks SigV4 query signatures), and the picture publishing through the renderer's resized copies.
 */
@ExtendWith(LocalAwsExtension.class)
class CoverUploadsIT {
    private static final Map<String, String> ORGANISER = AdminRequests.ORGANISER;

    private final LocalAws aws;
    private final AdminToolsHandler handler;
    private final HttpClient http = HttpClient.newHttpClient();

    CoverUploadsIT(LocalAws aws) {
        this.aws = aws;
        this.handler = new AdminToolsHandler(AdminToolsConfig.from(environment()), aws.dynamoDb(), aws.s3(),
                new TestClock(NOW));
    }

    @Test
    void thePresignedPut_storesThePicture_andItPublishesInItsResizedCopies() throws Exception {
        byte[] png = png(1600, 900);

        JsonNode upload = start("{\"contentType\":\"image/png\",\"bytes\":" + png.length + "}");
        HttpResponse<String> put = put(upload.path("uploadUrl").asText(), "image/png", png);

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        String key = upload.path("key").asText();
        assertThat(key).matches("media/[0-9a-f]{32}\\.png");
        assertThat(upload.path("url").asText()).isEqualTo("/" + key);
        assertThat(upload.path("publicUrl").asText()).isEqualTo(SITE.url("/" + key));
        HeadObjectResponse stored = aws.s3().headObject(r -> r.bucket(aws.bucketName()).key(key));
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(stored.contentLength()).isEqualTo(png.length);

        Event withCover = Fixtures.seedEvent().toBuilder()
                .draft(d -> d.cover(new Image(upload.path("url").asText(), "The room"))).build();
        aws.eventStore().create(withCover);
        List<String> written = RenderPagesHandler.publisher(AdminToolsConfig.from(environment()).renderer(),
                aws.dynamoDb(), aws.s3(), Clock.fixed(NOW, ZoneOffset.UTC)).publish(List.of(withCover.id())).written();
        for (int width : Picture.WIDTHS) {
            assertThat(written).contains(SitePaths.key(SitePaths.mediaVariant("/" + key, width)));
        }
    }

    @Test
    void thePut_mustBeTheTypeItWasSignedFor_andNothingIsStoredOtherwise() throws Exception {
        byte[] png = png(10, 10);
        JsonNode upload = start("{\"contentType\":\"image/png\",\"bytes\":" + png.length + "}");

        HttpResponse<String> otherType = put(upload.path("uploadUrl").asText(), "text/html", png);

        assertThat(otherType.statusCode()).isEqualTo(403);
        assertThatThrownBy(() -> aws.s3().headObject(r -> r.bucket(aws.bucketName())
                .key(upload.path("key").asText()))).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void otherTypes_tooLargeFiles_andStrangers_areRefused() throws Exception {
        var webp = handler.handleRequest(request("{\"contentType\":\"image/webp\",\"bytes\":1000}", ORGANISER), null);
        var huge = handler.handleRequest(request("{\"contentType\":\"image/jpeg\",\"bytes\":" + (10L * 1024 * 1024 + 1)
                + "}", ORGANISER), null);
        var anonymous = handler.handleRequest(request("{\"contentType\":\"image/jpeg\",\"bytes\":1000}", null), null);
        var outsider = handler.handleRequest(request("{\"contentType\":\"image/jpeg\",\"bytes\":1000}",
                AdminRequests.READER), null);

        assertThat(webp.getStatusCode()).isEqualTo(400);
        assertThat(fields(webp)).containsExactly("contentType");
        assertThat(huge.getStatusCode()).isEqualTo(400);
        assertThat(fields(huge)).containsExactly("bytes");
        assertThat(anonymous.getStatusCode()).isEqualTo(401);
        assertThat(outsider.getStatusCode()).isEqualTo(403);
        assertThat(aws.s3().listObjectsV2(r -> r.bucket(aws.bucketName())).contents()).isEmpty();
    }

    private Map<String, String> environment() {
        var environment = new HashMap<>(aws.environment());
        environment.putAll(Map.of("SITE_URL", SITE.siteUrl(), "GROUP_NAME", SITE.groupName(),
                "ORGANISER_EMAIL", SITE.organiserEmail()));
        return environment;
    }

    private JsonNode start(String body) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request(body, ORGANISER), null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return Json.MAPPER.readTree(response.getBody());
    }

    private HttpResponse<String> put(String url, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> fields(APIGatewayV2HTTPResponse response) throws Exception {
        return Json.MAPPER.readTree(response.getBody()).path("errors").findValuesAsText("field");
    }

    private static byte[] png(int width, int height) throws Exception {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static APIGatewayV2HTTPEvent request(String body, Map<String, String> claims) {
        return AdminRequests.post("/api/uploads", body, claims, null);
    }
}
