package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableTest {

    /** A hash key {@code room}, billed per request: lines 5 to 7 of {@link #table}. */
    private static final String ROOM_KEY = """
            AttributeDefinitions: [{AttributeName: room, AttributeType: S}]
            KeySchema: [{AttributeName: room, KeyType: HASH}]
            BillingMode: PAY_PER_REQUEST
            """;

    /** A template with one table, {@code Messages}, with {@code properties}; the first property is on line 5. */
    private static String table(String properties) {
        return """
                Resources:
                  Messages:
                    Type: AWS::DynamoDB::Table
                    Properties:
                """ + properties.stripIndent().indent(6);
    }

    private static TableSpec messages(String properties) {
        return Templates.read(table(properties)).table("Messages").orElseThrow();
    }

    private static void assertRejected(String properties, String message) {
        assertThatThrownBy(() -> Templates.read(table(properties)))
                .isInstanceOf(TemplateException.class)
                .hasMessage(message);
    }

    // ---- keys ----

    @Test
    void hashAndRangeKeysTakeTheirTypesFromAttributeDefinitions() {
        var table = messages("""
                TableName: messages
                AttributeDefinitions:
                  - {AttributeName: room, AttributeType: S}
                  - {AttributeName: at, AttributeType: N}
                KeySchema:
                  - {AttributeName: room, KeyType: HASH}
                  - {AttributeName: at, KeyType: RANGE}
                BillingMode: PAY_PER_REQUEST
                """);

        assertThat(table.tableName()).isEqualTo("messages");
        assertThat(table.keySchema())
                .isEqualTo(new KeySpec(
                        new KeySpec.Attribute("room", KeySpec.AttributeType.S),
                        new KeySpec.Attribute("at", KeySpec.AttributeType.N)));
    }

    @Test
    void keyAttributeMissingFromAttributeDefinitionsIsRejected() {
        assertRejected(
                """
                AttributeDefinitions: [{AttributeName: room, AttributeType: S}]
                KeySchema: [{AttributeName: id, KeyType: HASH}]
                """,
                "template.yaml:6: Resources.Messages.Properties.KeySchema[0].AttributeName: id is not in "
                        + "AttributeDefinitions (expected: an attribute defined there; one of room)");
    }

    @Test
    void attributeDefinitionThatIsNoKeyIsRejected() {
        assertRejected(
                """
                AttributeDefinitions:
                  - {AttributeName: room, AttributeType: S}
                  - {AttributeName: text, AttributeType: S}
                KeySchema: [{AttributeName: room, KeyType: HASH}]
                BillingMode: PAY_PER_REQUEST
                """,
                "template.yaml:7: Resources.Messages.Properties.AttributeDefinitions[1].AttributeName: text is not a "
                        + "key of the table or of an index (expected: only key attributes in AttributeDefinitions, as "
                        + "DynamoDB requires)");
    }

    @Test
    void attributeTypeOtherThanStringNumberOrBinaryIsRejected() {
        assertRejected(
                """
                AttributeDefinitions: [{AttributeName: room, AttributeType: BOOL}]
                KeySchema: [{AttributeName: room, KeyType: HASH}]
                """,
                "template.yaml:5: Resources.Messages.Properties.AttributeDefinitions[0].AttributeType: BOOL "
                        + "(expected: S, N or B)");
    }

    @Test
    void attributeDefinedTwiceIsRejected() {
        assertRejected(
                """
                AttributeDefinitions:
                  - {AttributeName: room, AttributeType: S}
                  - {AttributeName: room, AttributeType: N}
                KeySchema: [{AttributeName: room, KeyType: HASH}]
                """,
                "template.yaml:7: Resources.Messages.Properties.AttributeDefinitions[1].AttributeName: room is "
                        + "defined twice (expected: one definition per attribute)");
    }

    @Test
    void firstKeyElementMustBeTheHashKey() {
        assertRejected(
                """
                AttributeDefinitions: [{AttributeName: room, AttributeType: S}]
                KeySchema: [{AttributeName: room, KeyType: RANGE}]
                """,
                "template.yaml:6: Resources.Messages.Properties.KeySchema[0].KeyType: RANGE (expected: HASH for the "
                        + "first key element)");
    }

    @Test
    void keySchemaWithThreeElementsIsRejected() {
        assertRejected(
                """
                AttributeDefinitions: [{AttributeName: room, AttributeType: S}]
                KeySchema:
                  - {AttributeName: room, KeyType: HASH}
                  - {AttributeName: room, KeyType: RANGE}
                  - {AttributeName: room, KeyType: RANGE}
                """,
                "template.yaml:6: Resources.Messages.Properties.KeySchema: a list (expected: a HASH key element, then "
                        + "optionally a RANGE key element)");
    }

    @Test
    void keySchemaWrittenAsAMappingIsRejected() {
        assertRejected("""
                AttributeDefinitions: [{AttributeName: room, AttributeType: S}]
                KeySchema: {AttributeName: room, KeyType: HASH}
                """, "template.yaml:6: Resources.Messages.Properties.KeySchema: a mapping (expected: a list)");
    }

    @Test
    void missingKeySchemaIsRejected() {
        assertRejected(
                """
                AttributeDefinitions: [{AttributeName: room, AttributeType: S}]
                """,
                "template.yaml:4: Resources.Messages.Properties.KeySchema: is missing (expected: a HASH key element, "
                        + "then optionally a RANGE key element)");
    }

    @Test
    void unknownPropertyOfAKeyElementIsRejected() {
        assertRejected(
                """
                AttributeDefinitions: [{AttributeName: room, AttributeType: S}]
                KeySchema: [{AttributeName: room, KeyType: HASH, Type: S}]
                """,
                "template.yaml:6: Resources.Messages.Properties.KeySchema[0].Type: is not a property of a key schema "
                        + "element (expected: one of AttributeName, KeyType)");
    }

    // ---- name ----

    @Test
    void tableWithoutNameIsNamedAfterStackAndLogicalIdWithAStableSuffix() {
        var table = messages(ROOM_KEY);

        assertThat(table.tableName()).matches("regionless-Messages-[A-Z0-9]{12}");
    }

    @Test
    void generatedNameIsTheSameInEveryRegion() {
        var london = Templates.read(table(ROOM_KEY), TemplateContext.of("eu-west-2"));
        var oregon = Templates.read(table(ROOM_KEY), TemplateContext.of("us-west-2"));

        assertThat(london.table("Messages").orElseThrow().tableName())
                .isEqualTo(oregon.table("Messages").orElseThrow().tableName());
    }

    @Test
    void generatedNameDiffersBetweenStacks() {
        var chat = new TemplateContext("eu-west-2", TemplateContext.DEFAULT_ACCOUNT_ID, "chat", Map.of());
        var shop = new TemplateContext("eu-west-2", TemplateContext.DEFAULT_ACCOUNT_ID, "shop", Map.of());

        var chatName = Templates.read(table(ROOM_KEY), chat)
                .table("Messages")
                .orElseThrow()
                .tableName();
        var shopName = Templates.read(table(ROOM_KEY), shop)
                .table("Messages")
                .orElseThrow()
                .tableName();

        assertThat(chatName).startsWith("chat-Messages-");
        assertThat(shopName).startsWith("shop-Messages-");
        assertThat(chatName.substring(5)).isNotEqualTo(shopName.substring(5));
    }

    @Test
    void generatedNameOfALongLogicalIdIsShortenedToTheLimitKeepingTheSuffix() {
        var logicalId = "Messages".repeat(40);
        var yaml = table(ROOM_KEY).replace("  Messages:", "  " + logicalId + ":");

        var name = Templates.read(yaml).table(logicalId).orElseThrow().tableName();

        assertThat(name).hasSize(255).matches("regionless-(Messages)+M?e?s?s?a?g?e?s?-[A-Z0-9]{12}");
    }

    @Test
    void tableNameWithCharactersDynamoDbRefusesIsRejected() {
        assertRejected(
                "TableName: chat messages\n" + ROOM_KEY,
                "template.yaml:5: Resources.Messages.Properties.TableName: chat messages (expected: 3 to 255 letters, "
                        + "digits, '_', '-' or '.')");
    }

    @Test
    void twoTablesWithTheSameNameAreRejected() {
        var yaml = table("TableName: messages\n" + ROOM_KEY) + """
                  Archive:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: messages
                """ + ROOM_KEY.indent(6);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:12: Resources.Archive.Properties.TableName: messages is already the name of "
                        + "table Messages (expected: a unique table name)");
    }

    // ---- billing ----

    @Test
    void payPerRequestTableHasNoProvisionedThroughput() {
        var table = messages(ROOM_KEY);

        assertThat(table.provisionedThroughput()).isNull();
    }

    @Test
    void provisionedThroughputIsRead() {
        var table = messages("""
                AttributeDefinitions: [{AttributeName: room, AttributeType: S}]
                KeySchema: [{AttributeName: room, KeyType: HASH}]
                ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: "2"}
                """);

        assertThat(table.provisionedThroughput()).isEqualTo(new ThroughputSpec(5, 2));
    }

    @Test
    void tableWithoutBillingModeIsProvisionedAndNeedsThroughput() {
        assertRejected(
                """
                AttributeDefinitions: [{AttributeName: room, AttributeType: S}]
                KeySchema: [{AttributeName: room, KeyType: HASH}]
                """,
                "template.yaml:4: Resources.Messages.Properties.ProvisionedThroughput: is missing (expected: "
                        + "ReadCapacityUnits and WriteCapacityUnits, or BillingMode: PAY_PER_REQUEST)");
    }

    @Test
    void provisionedThroughputOnAPayPerRequestTableIsRejected() {
        assertRejected(
                ROOM_KEY + "ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}\n",
                "template.yaml:8: Resources.Messages.Properties.ProvisionedThroughput: is not allowed with "
                        + "BillingMode PAY_PER_REQUEST (expected: no ProvisionedThroughput, or BillingMode "
                        + "PROVISIONED)");
    }

    @Test
    void unknownBillingModeIsRejected() {
        assertRejected(
                ROOM_KEY.replace("PAY_PER_REQUEST", "ON_DEMAND"),
                "template.yaml:7: Resources.Messages.Properties.BillingMode: ON_DEMAND (expected: PROVISIONED, "
                        + "PAY_PER_REQUEST)");
    }

    @Test
    void zeroCapacityUnitsAreRejected() {
        assertRejected(
                """
                AttributeDefinitions: [{AttributeName: room, AttributeType: S}]
                KeySchema: [{AttributeName: room, KeyType: HASH}]
                ProvisionedThroughput: {ReadCapacityUnits: 0, WriteCapacityUnits: 5}
                """,
                "template.yaml:7: Resources.Messages.Properties.ProvisionedThroughput.ReadCapacityUnits: 0 "
                        + "(expected: 1 or more)");
    }

    // ---- indexes ----

    @Test
    void globalSecondaryIndexIsRead() {
        var table = messages("""
                AttributeDefinitions:
                  - {AttributeName: room, AttributeType: S}
                  - {AttributeName: author, AttributeType: S}
                KeySchema: [{AttributeName: room, KeyType: HASH}]
                BillingMode: PAY_PER_REQUEST
                GlobalSecondaryIndexes:
                  - IndexName: by-author
                    KeySchema: [{AttributeName: author, KeyType: HASH}]
                    Projection: {ProjectionType: INCLUDE, NonKeyAttributes: [text]}
                """);

        assertThat(table.globalSecondaryIndexes())
                .containsExactly(new IndexSpec(
                        "by-author",
                        new KeySpec(new KeySpec.Attribute("author", KeySpec.AttributeType.S), null),
                        IndexSpec.ProjectionType.INCLUDE,
                        List.of("text"),
                        null));
    }

    @Test
    void globalIndexOfAProvisionedTableReadsItsOwnThroughput() {
        var table = messages("""
                AttributeDefinitions:
                  - {AttributeName: room, AttributeType: S}
                  - {AttributeName: author, AttributeType: S}
                KeySchema: [{AttributeName: room, KeyType: HASH}]
                ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}
                GlobalSecondaryIndexes:
                  - IndexName: by-author
                    KeySchema: [{AttributeName: author, KeyType: HASH}]
                    Projection: {ProjectionType: ALL}
                    ProvisionedThroughput: {ReadCapacityUnits: 3, WriteCapacityUnits: 1}
                """);

        assertThat(table.globalSecondaryIndexes().get(0).provisionedThroughput())
                .isEqualTo(new ThroughputSpec(3, 1));
    }

    @Test
    void globalIndexOfAProvisionedTableWithoutThroughputIsRejected() {
        assertRejected(
                """
                AttributeDefinitions:
                  - {AttributeName: room, AttributeType: S}
                  - {AttributeName: author, AttributeType: S}
                KeySchema: [{AttributeName: room, KeyType: HASH}]
                ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}
                GlobalSecondaryIndexes:
                  - IndexName: by-author
                    KeySchema: [{AttributeName: author, KeyType: HASH}]
                    Projection: {ProjectionType: ALL}
                """,
                "template.yaml:11: Resources.Messages.Properties.GlobalSecondaryIndexes[0].ProvisionedThroughput: is "
                        + "missing (expected: ReadCapacityUnits and WriteCapacityUnits, as the table is PROVISIONED)");
    }

    @Test
    void projectionTypeDefaultsToKeysOnly() {
        var table = messages("""
                AttributeDefinitions:
                  - {AttributeName: room, AttributeType: S}
                  - {AttributeName: author, AttributeType: S}
                KeySchema: [{AttributeName: room, KeyType: HASH}]
                BillingMode: PAY_PER_REQUEST
                GlobalSecondaryIndexes:
                  - {IndexName: by-author, KeySchema: [{AttributeName: author, KeyType: HASH}], Projection: {}}
                """);

        assertThat(table.globalSecondaryIndexes().get(0).projectionType())
                .isEqualTo(IndexSpec.ProjectionType.KEYS_ONLY);
    }

    @Test
    void includeProjectionWithoutNonKeyAttributesIsRejected() {
        assertRejected(
                """
                AttributeDefinitions:
                  - {AttributeName: room, AttributeType: S}
                  - {AttributeName: author, AttributeType: S}
                KeySchema: [{AttributeName: room, KeyType: HASH}]
                BillingMode: PAY_PER_REQUEST
                GlobalSecondaryIndexes:
                  - IndexName: by-author
                    KeySchema: [{AttributeName: author, KeyType: HASH}]
                    Projection: {ProjectionType: INCLUDE}
                """,
                "template.yaml:13: Resources.Messages.Properties.GlobalSecondaryIndexes[0].Projection.NonKeyAttributes: "
                        + "is missing (expected: the attributes INCLUDE adds to the index)");
    }

    @Test
    void nonKeyAttributesWithAProjectionOtherThanIncludeAreRejected() {
        assertRejected(
                """
                AttributeDefinitions:
                  - {AttributeName: room, AttributeType: S}
                  - {AttributeName: author, AttributeType: S}
                KeySchema: [{AttributeName: room, KeyType: HASH}]
                BillingMode: PAY_PER_REQUEST
                GlobalSecondaryIndexes:
                  - IndexName: by-author
                    KeySchema: [{AttributeName: author, KeyType: HASH}]
                    Projection: {ProjectionType: ALL, NonKeyAttributes: [text]}
                """,
                "template.yaml:13: Resources.Messages.Properties.GlobalSecondaryIndexes[0].Projection.NonKeyAttributes: "
                        + "is only allowed with ProjectionType INCLUDE (expected: no NonKeyAttributes with ALL)");
    }

    @Test
    void localSecondaryIndexSharesTheTablesHashKey() {
        var table = messages("""
                AttributeDefinitions:
                  - {AttributeName: room, AttributeType: S}
                  - {AttributeName: at, AttributeType: N}
                  - {AttributeName: author, AttributeType: S}
                KeySchema: [{AttributeName: room, KeyType: HASH}, {AttributeName: at, KeyType: RANGE}]
                BillingMode: PAY_PER_REQUEST
                LocalSecondaryIndexes:
                  - IndexName: by-author
                    KeySchema: [{AttributeName: room, KeyType: HASH}, {AttributeName: author, KeyType: RANGE}]
                    Projection: {ProjectionType: KEYS_ONLY}
                """);

        assertThat(table.localSecondaryIndexes())
                .extracting(index -> index.keySchema().sortKey().name())
                .containsExactly("author");
    }

    @Test
    void localIndexOfATableWithoutRangeKeyIsRejected() {
        assertRejected(
                """
                AttributeDefinitions: [{AttributeName: room, AttributeType: S}]
                KeySchema: [{AttributeName: room, KeyType: HASH}]
                BillingMode: PAY_PER_REQUEST
                LocalSecondaryIndexes: []
                """,
                "template.yaml:8: Resources.Messages.Properties.LocalSecondaryIndexes: needs a table with a RANGE key "
                        + "(expected: a RANGE key in the table's KeySchema, or GlobalSecondaryIndexes)");
    }

    @Test
    void localIndexWithAnotherHashKeyIsRejected() {
        assertRejected(
                """
                AttributeDefinitions:
                  - {AttributeName: room, AttributeType: S}
                  - {AttributeName: at, AttributeType: N}
                  - {AttributeName: author, AttributeType: S}
                KeySchema: [{AttributeName: room, KeyType: HASH}, {AttributeName: at, KeyType: RANGE}]
                BillingMode: PAY_PER_REQUEST
                LocalSecondaryIndexes:
                  - IndexName: by-author
                    KeySchema: [{AttributeName: author, KeyType: HASH}, {AttributeName: at, KeyType: RANGE}]
                    Projection: {ProjectionType: ALL}
                """,
                "template.yaml:13: Resources.Messages.Properties.LocalSecondaryIndexes[0].KeySchema: a local index has "
                        + "the table's HASH key and a RANGE key of its own (expected: HASH room, then a RANGE key)");
    }

    @Test
    void twoIndexesWithTheSameNameAreRejected() {
        assertRejected(
                """
                AttributeDefinitions:
                  - {AttributeName: room, AttributeType: S}
                  - {AttributeName: author, AttributeType: S}
                KeySchema: [{AttributeName: room, KeyType: HASH}]
                BillingMode: PAY_PER_REQUEST
                GlobalSecondaryIndexes:
                  - {IndexName: by-author, KeySchema: [{AttributeName: author, KeyType: HASH}], Projection: {}}
                  - {IndexName: by-author, KeySchema: [{AttributeName: room, KeyType: HASH}], Projection: {}}
                """,
                "template.yaml:12: Resources.Messages.Properties.GlobalSecondaryIndexes[1].IndexName: by-author is "
                        + "already the name of an index (expected: a unique index name)");
    }

    // ---- stream, time to live, tags, deletion protection ----

    @Test
    void streamSpecificationGivesTheStreamViewType() {
        var table = messages(ROOM_KEY + "StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}\n");

        assertThat(table.streamViewType()).isEqualTo(TableSpec.StreamViewType.NEW_AND_OLD_IMAGES);
    }

    @Test
    void tableWithoutStreamSpecificationHasNoStream() {
        var table = messages(ROOM_KEY);

        assertThat(table.streamViewType()).isNull();
    }

    @Test
    void unknownStreamViewTypeIsRejected() {
        assertRejected(
                ROOM_KEY + "StreamSpecification: {StreamViewType: NEW}\n",
                "template.yaml:8: Resources.Messages.Properties.StreamSpecification.StreamViewType: NEW (expected: "
                        + "KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES)");
    }

    @Test
    void enabledTimeToLiveGivesItsAttribute() {
        var table = messages(ROOM_KEY + "TimeToLiveSpecification: {AttributeName: expires, Enabled: true}\n");

        assertThat(table.timeToLiveAttribute()).isEqualTo("expires");
    }

    @Test
    void disabledTimeToLiveGivesNoAttribute() {
        var table = messages(ROOM_KEY + "TimeToLiveSpecification: {AttributeName: expires, Enabled: false}\n");

        assertThat(table.timeToLiveAttribute()).isNull();
    }

    @Test
    void enabledTimeToLiveWithoutAttributeNameIsRejected() {
        assertRejected(
                ROOM_KEY + "TimeToLiveSpecification: {Enabled: true}\n",
                "template.yaml:8: Resources.Messages.Properties.TimeToLiveSpecification.AttributeName: is missing "
                        + "(expected: the attribute that holds each item's expiry time)");
    }

    @Test
    void tagsAreReadInTemplateOrder() {
        var table = messages(ROOM_KEY + "Tags: [{Key: team, Value: chat}, {Key: cost, Value: 7}]\n");

        assertThat(table.tags()).containsExactly(Map.entry("team", "chat"), Map.entry("cost", "7"));
    }

    @Test
    void tagWithoutValueIsRejected() {
        assertRejected(
                ROOM_KEY + "Tags: [{Key: team}]\n",
                "template.yaml:8: Resources.Messages.Properties.Tags[0].Value: is missing (expected: the tag's value)");
    }

    @Test
    void deletionProtectionIsRead() {
        var table = messages(ROOM_KEY + "DeletionProtectionEnabled: true\n");

        assertThat(table.deletionProtection()).isTrue();
    }

    @Test
    void deletionProtectionThatIsNoBooleanIsRejected() {
        assertRejected(
                ROOM_KEY + "DeletionProtectionEnabled: yes please\n",
                "template.yaml:8: Resources.Messages.Properties.DeletionProtectionEnabled: yes please (expected: true "
                        + "or false)");
    }

    // ---- ignored, rejected and unknown properties ----

    @Test
    void propertiesWithoutEffectHereAreWarnedAbout() {
        var app = Templates.read(table(ROOM_KEY + """
                SSESpecification: {SSEEnabled: true}
                PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
                TableClass: STANDARD_INFREQUENT_ACCESS
                """));

        assertThat(app.warnings())
                .containsExactly(
                        "template.yaml:8: Resources.Messages.Properties.SSESpecification: is ignored (tables are "
                                + "stored on the host's disk; encrypt the disk instead)",
                        "template.yaml:9: Resources.Messages.Properties.PointInTimeRecoverySpecification: is ignored "
                                + "(point-in-time backups are not kept)",
                        "template.yaml:10: Resources.Messages.Properties.TableClass: is ignored (every table is stored "
                                + "the same way)");
    }

    @Test
    void importSourceSpecificationIsRejected() {
        assertRejected(
                ROOM_KEY + "ImportSourceSpecification: {InputFormat: CSV}\n",
                "template.yaml:8: Resources.Messages.Properties.ImportSourceSpecification: is not supported by "
                        + "Regionless (expected: an empty table; write its items with an SDK after deploy)");
    }

    @Test
    void misspelledPropertyIsRejected() {
        assertThatThrownBy(() -> Templates.read(table(ROOM_KEY + "TableNme: messages\n")))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml:8: Resources.Messages.Properties.TableNme: is not a property of "
                        + "AWS::DynamoDB::Table (expected: one of AttributeDefinitions, BillingMode, ");
    }

    // ---- references ----

    @Test
    void refGivesTheTableNameAndGetAttArnItsArnInTheRegion() {
        var yaml = Templates.hello("""
                Environment:
                  Variables:
                    TABLE_NAME: !Ref Messages
                    TABLE_ARN: !GetAtt Messages.Arn
                    TABLE_SUB: !Sub "${Messages}|${Messages.Arn}"
                """) + """
                  Messages:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: messages
                """ + ROOM_KEY.indent(6);

        var function = Templates.read(yaml, TemplateContext.of("us-west-2"))
                .function("Hello")
                .orElseThrow();

        assertThat(function.environment())
                .containsEntry("TABLE_NAME", "messages")
                .containsEntry("TABLE_ARN", "arn:aws:dynamodb:us-west-2:123456789012:table/messages")
                .containsEntry("TABLE_SUB", "messages|arn:aws:dynamodb:us-west-2:123456789012:table/messages");
    }

    @Test
    void refToATableWithoutNameGivesTheGeneratedName() {
        var yaml =
                Templates.hello("Environment: {Variables: {TABLE_NAME: !Ref Messages}}\n") + """
                  Messages:
                    Type: AWS::DynamoDB::Table
                    Properties:
                """ + ROOM_KEY.indent(6);

        var app = Templates.read(yaml);

        assertThat(app.function("Hello").orElseThrow().environment().get("TABLE_NAME"))
                .isEqualTo(app.table("Messages").orElseThrow().tableName());
    }

    @Test
    void getAttStreamArnOutsideADynamoDbEventIsRejectedBecauseTheStreamLabelIsOnlyKnownAfterDeploy() {
        var yaml = Templates.hello("Environment: {Variables: {STREAM: !GetAtt Messages.StreamArn}}\n") + """
                  Messages:
                    Type: AWS::DynamoDB::Table
                    Properties:
                """
                + (ROOM_KEY + "StreamSpecification: {StreamViewType: NEW_IMAGE}\n").indent(6);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:9: Resources.Hello.Properties.Environment.Variables.STREAM: Fn::GetAtt: "
                        + "Messages.StreamArn is only supported as the Stream of a function's DynamoDB event: the "
                        + "stream's ARN is only known once the table exists in a region (expected: Arn, or Ref for "
                        + "the table name)");
    }

    @Test
    void getAttOfAnAttributeTablesDoNotHaveIsRejected() {
        var yaml = Templates.hello("Environment: {Variables: {ID: !GetAtt Messages.TableId}}\n") + """
                  Messages:
                    Type: AWS::DynamoDB::Table
                    Properties:
                """
                + ROOM_KEY.indent(6);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:9: Resources.Hello.Properties.Environment.Variables.ID: Fn::GetAtt: "
                        + "AWS::DynamoDB::Table Messages has no attribute TableId (expected: Arn, StreamArn)");
    }

    @Test
    void samPolicyTemplateNamingTheTableIsAcceptedAndIgnored() {
        var yaml = Templates.hello("""
                Policies:
                  - DynamoDBCrudPolicy: {TableName: !Ref Messages}
                """) + """
                  Messages:
                    Type: AWS::DynamoDB::Table
                    Properties:
                """ + ROOM_KEY.indent(6);

        var app = Templates.read(yaml);

        assertThat(app.tables()).hasSize(1);
        assertThat(app.warnings())
                .containsExactly("template.yaml:9: Resources.Hello.Properties.Policies: is ignored (Regionless does "
                        + "not enforce IAM)");
    }

    @Test
    void tableWhoseConditionIsFalseIsAbsent() {
        var yaml = """
                Conditions:
                  InLondon: !Equals [!Ref AWS::Region, eu-west-2]
                """
                + table(ROOM_KEY)
                        .replace(
                                "    Type: AWS::DynamoDB::Table\n",
                                "    Type: AWS::DynamoDB::Table\n    Condition: InLondon\n");

        assertThat(Templates.read(yaml, TemplateContext.of("eu-west-2")).tables())
                .hasSize(1);
        assertThat(Templates.read(yaml, TemplateContext.of("us-west-2")).tables())
                .isEmpty();
    }
}
