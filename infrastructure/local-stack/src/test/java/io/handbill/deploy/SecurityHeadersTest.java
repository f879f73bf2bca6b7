package io.handbill.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.handbill.local.SecurityHeaders;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything CloudFront serves from the pages bucket carries security headers, and they are exactly the ones the
 * local stack sends ({@link SecurityHeaders}), so what the browser test proves locally holds when deployed.
 */
class SecurityHeadersTest {
    private static final String BUCKET_ORIGIN = "https://${PagesBucket.RegionalDomainName}";
    private final SamTemplate template = SamTemplate.load();
    private final JsonNode distribution = template.resource("SiteDistribution").at("/Properties/DistributionConfig");

    @Test
    void everyBehaviourServingTheBucket_hasAResponseHeadersPolicyOfThisTemplate() {
        for (JsonNode behaviour : pagesBehaviours()) {
            String policy = behaviour.at("/ResponseHeadersPolicyId/Ref").asText();
            assertThat(template.resource(policy).path("Type").asText())
                    .as(behaviour.path("PathPattern").asText("default behaviour"))
                    .isEqualTo("AWS::CloudFront::ResponseHeadersPolicy");
        }
    }

    @Test
    void theSiteAndItsAssets_getTheSiteHeaders_theAdminFormTheAdminHeaders() {
        assertThat(headersOf(distribution.path("DefaultCacheBehavior"))).isEqualTo(SecurityHeaders.SITE);
        assertThat(headersOf(behaviour("/assets/*"))).isEqualTo(SecurityHeaders.SITE);
        Map<String, String> admin = new LinkedHashMap<>(headersOf(behaviour("/admin/*")));
        // deployed, the form PUTs cover uploads to the bucket's own endpoint; locally the stack's front takes them
        String csp = admin.get("Content-Security-Policy");
        assertThat(csp).contains(" https://*.amazoncognito.com " + BUCKET_ORIGIN + ";");
        admin.put("Content-Security-Policy", csp.replace(" " + BUCKET_ORIGIN, ""));
        assertThat(admin).isEqualTo(SecurityHeaders.ADMIN);
    }

    @Test
    void noPolicyAllowsInlineScripts_andTheAdminFormCannotBeFramed() {
        for (String csp : List.of(SecurityHeaders.SITE_CSP, SecurityHeaders.ADMIN_CSP)) {
            assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval", "*;");
        }
        assertThat(SecurityHeaders.ADMIN_CSP).contains("frame-ancestors 'none'");
        assertThat(SecurityHeaders.ADMIN).containsEntry("X-Frame-Options", "DENY");
    }

    @Test
    void theAdminBehaviour_servesTheBucketUncached_withDirectoryIndexes() {
        JsonNode admin = behaviour("/admin/*");
        assertThat(admin.path("TargetOriginId").asText()).isEqualTo("pages");
        assertThat(admin.path("CachePolicyId").asText()).as("Managed-CachingDisabled")
                .isEqualTo("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
        assertThat(admin.at("/FunctionAssociations/0/FunctionARN").toString()).contains("DirectoryIndexFunction");
    }

    /** The headers a policy makes CloudFront send, spelled as a response carries them. */
    private Map<String, String> headersOf(JsonNode behaviour) {
        JsonNode config = template.resource(behaviour.at("/ResponseHeadersPolicyId/Ref").asText())
                .at("/Properties/ResponseHeadersPolicyConfig/SecurityHeadersConfig");
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode csp = config.at("/ContentSecurityPolicy/ContentSecurityPolicy");
        headers.put("Content-Security-Policy", csp.has("Fn::Sub") ? csp.path("Fn::Sub").asText() : csp.asText());
        JsonNode hsts = config.path("StrictTransportSecurity");
        headers.put("Strict-Transport-Security", "max-age=" + hsts.path("AccessControlMaxAgeSec").asInt()
                + (hsts.path("IncludeSubdomains").asBoolean() ? "; includeSubDomains" : "")
                + (hsts.path("Preload").asBoolean() ? "; preload" : ""));
        if (config.has("ContentTypeOptions")) {
            headers.put("X-Content-Type-Options", "nosniff");
        }
        headers.put("X-Frame-Options", config.at("/FrameOptions/FrameOption").asText());
        headers.put("Referrer-Policy", config.at("/ReferrerPolicy/ReferrerPolicy").asText());
        for (JsonNode override : List.of(config.path("ContentSecurityPolicy"), hsts, config.path("ContentTypeOptions"),
                config.path("FrameOptions"), config.path("ReferrerPolicy"))) {
            assertThat(override.path("Override").asBoolean()).as("overrides what the origin sends").isTrue();
        }
        return headers;
    }

    private JsonNode behaviour(String pathPattern) {
        for (JsonNode behaviour : distribution.path("CacheBehaviors")) {
            if (behaviour.path("PathPattern").asText().equals(pathPattern)) {
                return behaviour;
            }
        }
        throw new AssertionError("no CloudFront behaviour for " + pathPattern);
    }

    private List<JsonNode> pagesBehaviours() {
        List<JsonNode> behaviours = new ArrayList<>(List.of(distribution.path("DefaultCacheBehavior")));
        distribution.path("CacheBehaviors").forEach(b -> {
            if (b.path("TargetOriginId").asText().equals("pages")) {
                behaviours.add(b);
            }
        });
        return behaviours;
    }
}
