package io.handbill.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateSchemaTest {
    /** Keywords SAM's schema adds for its own tooling; they constrain nothing. */
    private static final List<String> SAM_ANNOTATIONS = List.of("__samPassThrough", "markdownDescription");
    private static JsonSchema samSchema;
    private final SamTemplate template = SamTemplate.load();

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = TemplateSchemaTest.class.getResourceAsStream("/aws/sam.schema.json")) {
            JsonNode schema = new ObjectMapper().readTree(in);
            JsonMetaSchema draft = JsonSchemaFactory.getInstance(SpecVersionDetector.detect(schema))
                    .getMetaSchema(schema.path("$schema").asText(), null);
            JsonMetaSchema samDraft = JsonMetaSchema.builder(draft)
                    .keywords(SAM_ANNOTATIONS.stream().map(NonValidationKeyword::new).toList()).build();
            samSchema = JsonSchemaFactory.builder().defaultMetaSchemaIri(samDraft.getIri()).metaSchema(samDraft).build()
                    .getSchema(schema);
        }
    }

    @Test
    void template_parsesWithShortFormIntrinsics() {
        assertThat(template.root.path("Transform").asText()).isEqualTo("AWS::Serverless-2016-10-31");
        assertThat(template.resource("PageRendererFunction").at("/Properties/Events/TableChanges/Properties/Stream"))
                .hasToString("{\"Fn::GetAtt\":[\"EventsTable\",\"StreamArn\"]}");
        assertThat(template.root.at("/Globals/Function/Environment/Variables/EVENTS_TABLE"))
                .hasToString("{\"Ref\":\"EventsTable\"}");
    }

    @Test
    void template_isValidAgainstTheSamSchema() {
        assertThat(samSchema.validate(template.root)).extracting(ValidationMessage::getMessage).isEmpty();
    }

    @Test
    void schemaCheck_rejectsAMisspeltFunctionProperty() {
        ObjectNode broken = template.root.deepCopy();
        ((ObjectNode) broken.at("/Resources/IcsFeedFunction/Properties")).set("Handlr", TextNode.valueOf("x::y"));

        assertThat(samSchema.validate(broken)).isNotEmpty();
    }

    @Test
    void resources_haveNoDependencyCycle() {
        assertThat(new ResourceGraph(template.root).findCycle()).isEmpty();
    }

    @Test
    void siteUrlTakenFromTheDistribution_wouldBeACycle() {
        ObjectNode changed = template.root.deepCopy();
        ((ObjectNode) changed.at("/Globals/Function/Environment/Variables"))
                .set("SITE_URL", new ObjectMapper().createObjectNode().put("Fn::Sub", "https://${SiteDistribution.DomainName}"));

        List<String> cycle = new ResourceGraph(changed).findCycle();

        assertThat(cycle).contains("SiteDistribution", "HttpApi");
    }
}
