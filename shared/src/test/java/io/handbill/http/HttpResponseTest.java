package io.handbill.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.json.Json;
import io.handbill.validation.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HttpResponseTest {
    private static final Map<String, String> COMMON = Map.of("X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");

    @Test
    void json_isNotStored_andCarriesTheCommonHeaders() throws Exception {
        APIGatewayV2HTTPResponse response = HttpResponse.json(200, Map.of("status", "pending")).header("ETag", "\"3\"")
                .toApiGateway();

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsAllEntriesOf(COMMON).containsEntry("Content-Type", "application/json")
                .containsEntry("Cache-Control", "no-store").containsEntry("ETag", "\"3\"")
                .doesNotContainKeys("Content-Security-Policy", "Strict-Transport-Security");
        assertThat(Json.MAPPER.readTree(response.getBody()).get("status").asText()).isEqualTo("pending");
        assertThat(response.getIsBase64Encoded()).isFalse();
    }

    @Test
    void problem_isRfc9457_withTheFieldErrors_andTheExceptionsHeaders() throws Exception {
        var e = new ProblemException(Problem.invalid(List.of(new FieldError("email", "invalid", "Enter an address"))),
                Map.of("WWW-Authenticate", "Bearer"));

        APIGatewayV2HTTPResponse response = HttpResponse.problem(e).toApiGateway();

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsAllEntriesOf(COMMON)
                .containsEntry("Content-Type", "application/problem+json").containsEntry("Cache-Control", "no-store")
                .containsEntry("WWW-Authenticate", "Bearer");
        var body = Json.MAPPER.readTree(response.getBody());
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("title").asText()).isEqualTo("Bad Request");
        assertThat(body.get("detail").asText()).isEqualTo("One field is invalid.");
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("email");
        assertThat(body.get("errors").get(0).get("code").asText()).isEqualTo("invalid");
        assertThat(body.get("errors").get(0).get("message").asText()).isEqualTo("Enter an address");
    }

    @Test
    void html_isLockedDown() {
        APIGatewayV2HTTPResponse response = HttpResponse.html(410, "<!DOCTYPE html><title>x</title>",
                ContentSecurityPolicy.forPage("abc")).toApiGateway();

        assertThat(response.getStatusCode()).isEqualTo(410);
        assertThat(response.getHeaders()).containsAllEntriesOf(COMMON)
                .containsEntry("Content-Type", "text/html; charset=utf-8")
                .containsEntry("Cache-Control", "no-store")
                .containsEntry("Content-Security-Policy", "default-src 'none'; "
                        + "style-src 'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='; img-src 'self'; "
                        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                .containsEntry("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
                .containsEntry("X-Frame-Options", "DENY");
    }

    @Test
    void aPageWithoutInlineStyles_allowsNoStyleAtAll() {
        assertThat(ContentSecurityPolicy.forPage().value()).contains("style-src 'none';").doesNotContain("unsafe");
    }

    @Test
    void calendar_mayBeCached_andAHeadKeepsTheHeadersWithoutTheBody() {
        APIGatewayV2HTTPResponse head = HttpResponse.calendar(null).cacheControl("public, max-age=300")
                .header("Content-Disposition", "inline; filename=\"calendar.ics\"").toApiGateway();

        assertThat(head.getBody()).isNull();
        assertThat(head.getHeaders()).containsAllEntriesOf(COMMON)
                .containsEntry("Content-Type", "text/calendar; charset=utf-8")
                .containsEntry("Cache-Control", "public, max-age=300")
                .containsEntry("Content-Disposition", "inline; filename=\"calendar.ics\"");
    }

    @Test
    void csv_isADownload() {
        APIGatewayV2HTTPResponse response = HttpResponse.csv("email\r\n", "subscribers.csv").toApiGateway();

        assertThat(response.getBody()).isEqualTo("email\r\n");
        assertThat(response.getHeaders()).containsAllEntriesOf(COMMON)
                .containsEntry("Content-Type", "text/csv; charset=utf-8").containsEntry("Cache-Control", "no-store")
                .containsEntry("Content-Disposition", "attachment; filename=\"subscribers.csv\"");
    }

    @Test
    void empty_hasNoBodyAndNoContentType() {
        APIGatewayV2HTTPResponse response = HttpResponse.empty(304).header("ETag", "\"1\"").toApiGateway();

        assertThat(response.getStatusCode()).isEqualTo(304);
        assertThat(response.getBody()).isNull();
        assertThat(response.getHeaders()).containsAllEntriesOf(COMMON).containsEntry("ETag", "\"1\"")
                .containsEntry("Cache-Control", "no-store").doesNotContainKey("Content-Type");
    }
}
