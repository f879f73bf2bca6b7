package io.handbill.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handbill.store.EventKeys;
import io.handbill.store.HandbillTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployment choices template.yaml must keep: each one names why it matters in its assertion. */
class DeploymentShapeTest {
    private final SamTemplate template = SamTemplate.load();
    private final JsonNode globals = template.root.at("/Globals/Function");

    @Test
    void functions_runJava21OnArm64_withSnapStartOnTheirAlias_tracedAndLoggingJson() {
        assertThat(globals.path("Runtime").asText()).isEqualTo("java21");
        assertThat(globals.path("Architectures")).hasToString("[\"arm64\"]");
        assertThat(globals.at("/SnapStart/ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(globals.path("AutoPublishAlias").asText()).as("SnapStart only applies to published versions").isNotBlank();
        assertThat(globals.path("Tracing").asText()).isEqualTo("Active");
        assertThat(globals.at("/LoggingConfig/LogFormat").asText()).isEqualTo("JSON");
    }

    @Test
    void eachFunction_setsMemoryTimeout_publishesOnConfigChange_andLogsToARetainedGroup() {
        template.resourcesOfType(SamTemplate.FUNCTION).forEach((id, function) -> {
            JsonNode properties = function.path("Properties");
            assertThat(properties.path("MemorySize").asInt()).as(id + " MemorySize").isBetween(512, 3008);
            assertThat(properties.path("Timeout").asInt()).as(id + " Timeout").isBetween(3, 900);
            assertThat(properties.path("AutoPublishAliasAllProperties").asBoolean())
                    .as(id + ": an environment change must publish a new version, or the alias keeps the old one").isTrue();
            String logGroup = properties.at("/LoggingConfig/LogGroup/Ref").asText();
            assertThat(template.resource(logGroup).path("Type").asText()).as(id + " log group").isEqualTo("AWS::Logs::LogGroup");
            assertThat(template.resource(logGroup).at("/Properties/RetentionInDays")).hasToString("{\"Ref\":\"LogRetentionDays\"}");
        });
    }

    @Test
    void renderer_readsTheKeysOnlyStream_inBisectedBatches_reportingItemFailures_toTheFailureQueue() {
        JsonNode stream = onlyEvent("PageRendererFunction", "DynamoDB");

        assertThat(stream.path("Stream")).hasToString("{\"Fn::GetAtt\":[\"EventsTable\",\"StreamArn\"]}");
        assertThat(template.resource("EventsTable").at("/Properties/StreamSpecification/StreamViewType").asText()).isEqualTo("KEYS_ONLY");
        assertThat(stream.path("BatchSize").asInt()).isBetween(1, 100);
        assertThat(stream.path("BisectBatchOnFunctionError").asBoolean()).isTrue();
        assertThat(stream.path("FunctionResponseTypes")).hasToString("[\"ReportBatchItemFailures\"]");
        assertThat(stream.at("/DestinationConfig/OnFailure/Type").asText()).isEqualTo("SQS");
        assertThat(stream.at("/DestinationConfig/OnFailure/Destination")).hasToString("{\"Fn::GetAtt\":[\"FailureQueue\",\"Arn\"]}");
        assertThat(stream.path("MaximumRetryAttempts").asInt()).as("a poison record must not block the shard for a day").isBetween(0, 10);
    }

    @Test
    void renderer_isInvokedForEventAndAliasClaimItemsOnly_notForItsOwnOrOtherModulesWrites() throws Exception {
        JsonNode filters = onlyEvent("PageRendererFunction", "DynamoDB").at("/FilterCriteria/Filters");
        assertThat(filters).hasSize(2);
        String id = "0f8fad5b-d9cb-469f-a165-70867728950e";
        String aliasKey = "post/165145694230/meetup/index.html";
        List<String> passed = new ArrayList<>();
        for (JsonNode filter : filters) {
            JsonNode keys = new ObjectMapper().readTree(filter.path("Pattern").asText()).at("/dynamodb/Keys");
            String prefix = keys.at("/" + HandbillTable.PK + "/S/0/prefix").asText();
            String sortKey = keys.at("/" + HandbillTable.SK + "/S/0").asText();
            assertThat(prefix).isNotBlank();
            assertThat(sortKey).isNotBlank();
            // what passes a filter is an event or an alias claim by the renderer's own key test (the store's)
            boolean events = EventKeys.eventId(prefix + id, sortKey).isPresent();
            boolean aliases = EventKeys.aliasKey(prefix + aliasKey, sortKey).isPresent();
            assertThat(events || aliases).as(filter.toString()).isTrue();
            if (events && EventKeys.eventPk(id).startsWith(prefix)) {
                passed.add("events");
            }
            if (aliases && EventKeys.aliasPk(aliasKey).startsWith(prefix)) {
                passed.add("aliases");
            }
        }
        assertThat(passed).as("every event item and every alias claim passes a filter")
                .containsExactlyInAnyOrder("events", "aliases");
    }

    @Test
    void reminders_runEvery15Minutes_onEventBridgeScheduler_withFailuresQueued() {
        JsonNode schedule = onlyEvent("ReminderEmailFunction", "ScheduleV2");

        assertThat(schedule.path("ScheduleExpression").asText()).isEqualTo("rate(15 minutes)");
        assertThat(schedule.at("/DeadLetterConfig/Arn")).hasToString("{\"Fn::GetAtt\":[\"FailureQueue\",\"Arn\"]}");
        assertThat(template.resource("ReminderEmailFunction").at("/Properties/Timeout").asInt())
                .as("a sweep ends before the next one starts").isLessThan(15 * 60);
    }

    @Test
    void failureQueue_hasAnAlarm() {
        assertThat(template.resourcesOfType("AWS::CloudWatch::Alarm").values()).anySatisfy(alarm -> {
            assertThat(alarm.at("/Properties/Namespace").asText()).isEqualTo("AWS/SQS");
            assertThat(alarm.at("/Properties/Dimensions/0/Value")).hasToString("{\"Fn::GetAtt\":[\"FailureQueue\",\"QueueName\"]}");
        });
    }

    @Test
    void pagesBucket_isPrivateVersionedEncrypted_andReadOnlyByThisDistribution() {
        JsonNode bucket = template.resource("PagesBucket").path("Properties");
        assertThat(bucket.path("PublicAccessBlockConfiguration").properties())
                .hasSize(4).allSatisfy(setting -> assertThat(setting.getValue().asBoolean()).as(setting.getKey()).isTrue());
        assertThat(bucket.at("/VersioningConfiguration/Status").asText()).isEqualTo("Enabled");
        assertThat(bucket.at("/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/SSEAlgorithm").asText()).isNotBlank();

        JsonNode read = template.resource("PagesBucketPolicy").at("/Properties/PolicyDocument/Statement/0");
        assertThat(read.at("/Principal/Service").asText()).isEqualTo("cloudfront.amazonaws.com");
        assertThat(read.path("Action").asText()).isEqualTo("s3:GetObject");
        assertThat(SamTemplate.referencedNames(read.at("/Condition/StringEquals"))).contains("SiteDistribution");

        JsonNode pagesOrigin = origin("pages");
        assertThat(pagesOrigin.at("/OriginAccessControlId")).hasToString("{\"Fn::GetAtt\":[\"SiteOriginAccessControl\",\"Id\"]}");
        assertThat(pagesOrigin.at("/S3OriginConfig/OriginAccessIdentity").asText()).as("no legacy OAI").isEmpty();
    }

    @Test
    void cloudFront_sendsApiAndCalendarPathsToTheHttpApi_cachesPagesBrieflyAndAssetsLong() {
        JsonNode config = template.resource("SiteDistribution").at("/Properties/DistributionConfig");
        assertThat(SamTemplate.referencedNames(origin("api").path("DomainName"))).contains("HttpApi");
        Map<String, JsonNode> behaviours = new TreeMap<>();
        config.path("CacheBehaviors").forEach(b -> behaviours.put(b.path("PathPattern").asText(), b));

        assertThat(behaviours).containsKeys("/api/*", "/calendar.ics", "/events/*.ics", "/assets/*");
        for (String apiPath : new String[] {"/api/*", "/calendar.ics", "/events/*.ics"}) {
            assertThat(behaviours.get(apiPath).path("TargetOriginId").asText()).as(apiPath).isEqualTo("api");
        }
        assertThat(behaviours.get("/api/*").path("CachePolicyId").asText()).as("Managed-CachingDisabled")
                .isEqualTo("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
        assertThat(behaviours.get("/api/*").path("AllowedMethods")).hasSize(7);
        assertThat(behaviours.get("/assets/*").path("CachePolicyId").asText()).as("Managed-CachingOptimized")
                .isEqualTo("658327ea-f89d-4fab-a63d-7e88639e58f6");
        assertThat(config.at("/DefaultCacheBehavior/TargetOriginId").asText()).isEqualTo("pages");
        JsonNode pages = template.resource(config.at("/DefaultCacheBehavior/CachePolicyId/Ref").asText())
                .at("/Properties/CachePolicyConfig");
        assertThat(pages.path("MaxTTL").asInt()).as("a publish shows within minutes").isLessThanOrEqualTo(300);
        JsonNode calendars = template.resource(behaviours.get("/calendar.ics").at("/CachePolicyId/Ref").asText())
                .at("/Properties/CachePolicyConfig");
        assertThat(calendars.path("MaxTTL").asInt()).isLessThanOrEqualTo(900);
    }

    @Test
    void mail_goesThroughTheStacksConfigurationSet_fromTheSenderIdentity() {
        assertThat(template.resource("SenderIdentity").at("/Properties/EmailIdentity")).hasToString("{\"Ref\":\"SenderEmail\"}");
        for (String sender : List.of("ReminderEmailFunction", "SubscriptionsFunction")) {
            Map<String, JsonNode> environment = template.environment(sender);
            assertThat(environment.get("SES_CONFIGURATION_SET")).as(sender).hasToString("{\"Ref\":\"MailConfigurationSet\"}");
            assertThat(environment.get("SENDER_EMAIL")).as(sender).hasToString("{\"Ref\":\"SenderEmail\"}");
            assertThat(environment.get("HMAC_SECRET_PARAMETER")).as(sender).hasToString("{\"Ref\":\"HmacSecretParameterName\"}");
        }
    }

    @Test
    void parametersAndOutputs_areTheOnesTheReadmeNames() {
        assertThat(template.root.path("Parameters").properties()).extracting(Map.Entry::getKey)
                .contains("Stage", "SenderEmail", "SiteDomain", "CertificateArn", "ReminderWindows",
                        "HmacSecretParameterName", "TableDeletionProtection");
        assertThat(template.root.path("Outputs").properties()).extracting(Map.Entry::getKey)
                .contains("SiteUrl", "ApiUrl", "AdminUrl", "CalendarUrl", "UserPoolId", "UserPoolClientId");
    }

    private JsonNode onlyEvent(String functionId, String type) {
        var events = template.events(functionId).values().stream().filter(e -> type.equals(e.path("Type").asText())).toList();
        assertThat(events).as(functionId + " " + type + " events").hasSize(1);
        return events.get(0).path("Properties");
    }

    private JsonNode origin(String id) {
        return StreamSupport.stream(template.resource("SiteDistribution")
                        .at("/Properties/DistributionConfig/Origins").spliterator(), false)
                .filter(origin -> origin.path("Id").asText().equals(id)).findFirst().orElseThrow();
    }
}
