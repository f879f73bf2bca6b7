package io.handbill.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.handbill.model.EventDraft;
import io.handbill.validation.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

class JsonRequestBodyTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"title\": 42}                                              | title                | wrong_type",
            "{\"agenda\": [{}, {}, {\"start\": \"tomorrow\"}]}          | agenda[2].start      | wrong_type",
            "{\"agenda\": [{\"kind\": \"PARTY\"}]}                      | agenda[0].kind       | invalid_value",
            "{\"venue\": {\"colour\": \"red\"}}                         | venue.colour         | unknown_field",
            "{\"\": 1}                                                    | body                 | unknown_field",
            "{\"tickets\": [{\"label\": \"x\", \"free\": \"yes\"}]}     | tickets[0].free      | wrong_type",
            "{\"tickets\": [{\"label\": \"x\", \"free\": null}]}        | tickets[0].free      | wrong_type",
            "{\"tags\": \"leeds\"}                                      | tags                 | wrong_type",
            "{\"title\": \"a\", \"title\": \"b\"}                       | body                 | malformed_json",
            "{\"title\": \"a\",}                                        | body                 | malformed_json",
            "{\"venue\": {\"name\": \"x\" \"city\": \"y\"}}             | body                 | malformed_json",
            "[1, 2]                                                     | body                 | wrong_type",
            "\"text\"                                                   | body                 | wrong_type",
            "{} {}                                                      | body                 | malformed_json",
            "null                                                       | body                 | wrong_type",
            "{\"start\": \"2017-09-26T18:45:00Z\"}                    | start                | wrong_type",
            "{\"end\": \"2017-09-26T18:45:00+01:00\"}                 | end                  | wrong_type",
            "{\"agenda\": [{}, {\"start\": \"2017-09-26T19:00:00.000Z\"}]} | agenda[1].start | wrong_type",
            "{\"agenda\": [{\"kind\": 1}]}                            | agenda[0].kind       | invalid_value",
            "{\"agenda\": [{\"kind\": \"1\"}]}                       | agenda[0].kind       | invalid_value",
    })
    void badBodies_nameTheField(String body, String field, String code) {
        assertThatThrownBy(() -> JsonRequestBody.read(Requests.withBody("application/json", body), EventDraft.class))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().errors()).extracting(FieldError::field, FieldError::code)
                            .containsExactly(tuple(field, code));
                });
    }

    @Test
    void parserMessages_neverReachTheClient() {
        var e = (ProblemException) catchThrowable(() -> JsonRequestBody.read(
                Requests.withBody("application/json", "{\"title\": \"<script>\" \"x\"}"), EventDraft.class));

        assertThat(e.problem().errors().get(0).message()).doesNotContain("<script>", "Unexpected character");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {"text/plain", "application/x-www-form-urlencoded", "NONE",
            "application/json; charset=latin1"})
    void nonJsonMediaTypes_are415(String contentType) {
        assertThatThrownBy(() -> JsonRequestBody.read(Requests.withBody(contentType, "{}"), EventDraft.class))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(415));
    }

    @ParameterizedTest
    @CsvSource({"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8",
            "application/merge-patch+json"})
    void jsonMediaTypes_areRead(String contentType) {
        EventDraft draft = JsonRequestBody.read(Requests.withBody(contentType, "{\"title\":\"Hi\"}"), EventDraft.class);

        assertThat(draft.title()).isEqualTo("Hi");
    }

    @Test
    void bodyOverTheLimit_is413() {
        String big = "{\"description\": \"" + "x".repeat(JsonRequestBody.MAX_BYTES) + "\"}";

        assertThatThrownBy(() -> JsonRequestBody.read(Requests.withBody("application/json", big), EventDraft.class))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(413));
    }

    @Test
    void base64BodyOverTheLimit_is413() {
        String big = "{\"description\": \"" + "x".repeat(JsonRequestBody.MAX_BYTES) + "\"}";
        var event = APIGatewayV2HTTPEvent.builder()
                .withHeaders(Map.of("content-type", "application/json")).withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString(big.getBytes(StandardCharsets.UTF_8)))
                .build();

        assertThatThrownBy(() -> JsonRequestBody.read(new ApiRequest(event), EventDraft.class))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(413));
    }

    @Test
    void bodyJustUnderTheLimit_isRead() {
        String body = "{\"description\": \"" + "x".repeat(JsonRequestBody.MAX_BYTES - 20) + "\"}";

        assertThat(JsonRequestBody.read(Requests.withBody("application/json", body), EventDraft.class).description())
                .hasSize(JsonRequestBody.MAX_BYTES - 20);
    }

    @Test
    void invalidUtf8_isMalformed_notReadAsReplacementCharacters() {
        byte[] body = "{\"title\": \"caf\u00e9 \"}".getBytes(StandardCharsets.UTF_8);
        body[body.length - 3] = (byte) 0xff;
        var event = APIGatewayV2HTTPEvent.builder()
                .withHeaders(Map.of("content-type", "application/json")).withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString(body))
                .build();

        assertThatThrownBy(() -> JsonRequestBody.read(new ApiRequest(event), EventDraft.class))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactly(tuple("body", "malformed_json")));
    }

    @Test
    void emptyBody_isRequired() {
        assertThatThrownBy(() -> JsonRequestBody.read(Requests.withBody("application/json", ""), EventDraft.class))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactly(tuple("body", "required")));
    }
}
