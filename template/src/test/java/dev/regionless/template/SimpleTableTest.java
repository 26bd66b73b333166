package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SimpleTableTest {

    /** A SAM template with one simple table, {@code Notes}, with {@code properties}; the first is on line 6. */
    private static String simpleTable(String properties) {
        return """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Notes:
                    Type: AWS::Serverless::SimpleTable
                    Properties:
                """ + properties.stripIndent().indent(6);
    }

    private static TableSpec notes(String properties) {
        return Templates.read(simpleTable(properties)).table("Notes").orElseThrow();
    }

    @Test
    void simpleTableWithoutPropertiesHasAStringKeyIdAndIsBilledPerRequest() {
        var yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Notes:
                    Type: AWS::Serverless::SimpleTable
                """;

        var table = Templates.read(yaml).table("Notes").orElseThrow();

        assertThat(table.keySchema())
                .isEqualTo(new KeySpec(new KeySpec.Attribute("id", KeySpec.AttributeType.S), null));
        assertThat(table.provisionedThroughput()).isNull();
        assertThat(table.tableName()).matches("regionless-Notes-[A-Z0-9]{12}");
        assertThat(table.globalSecondaryIndexes()).isEmpty();
        assertThat(table.streamViewType()).isNull();
    }

    @Test
    void primaryKeyTypeIsSpelledOutAsInSam() {
        var table = notes("PrimaryKey: {Name: number, Type: Number}\n");

        assertThat(table.keySchema().partitionKey())
                .isEqualTo(new KeySpec.Attribute("number", KeySpec.AttributeType.N));
    }

    @Test
    void primaryKeyTypeInDynamoDbSpellingIsRejected() {
        assertThatThrownBy(() -> Templates.read(simpleTable("PrimaryKey: {Name: id, Type: S}\n")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:6: Resources.Notes.Properties.PrimaryKey.Type: S (expected: String, Number "
                        + "or Binary)");
    }

    @Test
    void primaryKeyWithoutNameIsRejected() {
        assertThatThrownBy(() -> Templates.read(simpleTable("PrimaryKey: {Type: String}\n")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:6: Resources.Notes.Properties.PrimaryKey.Name: is missing (expected: the "
                        + "key attribute's name)");
    }

    @Test
    void provisionedThroughputMakesTheTableProvisioned() {
        var table = notes("ProvisionedThroughput: {ReadCapacityUnits: 2, WriteCapacityUnits: 1}\n");

        assertThat(table.provisionedThroughput()).isEqualTo(new ThroughputSpec(2, 1));
    }

    @Test
    void tableNameAndTagsAreRead() {
        var table = notes("""
                TableName: notes
                Tags: {team: chat, cost: 7}
                """);

        assertThat(table.tableName()).isEqualTo("notes");
        assertThat(table.tags()).containsExactly(Map.entry("team", "chat"), Map.entry("cost", "7"));
    }

    @Test
    void sseSpecificationIsWarnedAbout() {
        var app = Templates.read(simpleTable("SSESpecification: {SSEEnabled: true}\n"));

        assertThat(app.warnings())
                .containsExactly("template.yaml:6: Resources.Notes.Properties.SSESpecification: is ignored (tables are "
                        + "stored on the host's disk; encrypt the disk instead)");
    }

    @Test
    void sseSpecificationFromGlobalsIsWarnedAboutOnce() {
        var yaml = """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  SimpleTable:
                    SSESpecification: {SSEEnabled: true}
                Resources:
                  Notes:
                    Type: AWS::Serverless::SimpleTable
                  Drafts:
                    Type: AWS::Serverless::SimpleTable
                """;

        var app = Templates.read(yaml);

        assertThat(app.tables()).hasSize(2);
        assertThat(app.warnings())
                .containsExactly("template.yaml:4: Globals.SimpleTable.SSESpecification: is ignored (tables are stored "
                        + "on the host's disk; encrypt the disk instead)");
    }

    @Test
    void propertyOfTheFullTableTypeIsRejectedOnASimpleTable() {
        assertThatThrownBy(() -> Templates.read(simpleTable("BillingMode: PAY_PER_REQUEST\n")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:6: Resources.Notes.Properties.BillingMode: is not a property of "
                        + "AWS::Serverless::SimpleTable (expected: one of PointInTimeRecoverySpecification, PrimaryKey, "
                        + "ProvisionedThroughput, SSESpecification, TableName, Tags)");
    }

    @Test
    void refGivesTheTableName() {
        var yaml = Templates.hello("Environment: {Variables: {TABLE_NAME: !Ref Notes}}\n") + """
                  Notes:
                    Type: AWS::Serverless::SimpleTable
                    Properties: {TableName: notes}
                """;

        var function = Templates.read(yaml).function("Hello").orElseThrow();

        assertThat(function.environment()).containsEntry("TABLE_NAME", "notes");
    }

    @Test
    void simpleTableNeedsTheSamTransform() {
        var yaml = simpleTable("TableName: notes\n").replace("Transform: AWS::Serverless-2016-10-31\n", "");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml:3: Resources.Notes.Type: needs Transform");
    }
}
