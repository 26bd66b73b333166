package dev.regionless.tables.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.catalog.BillingMode;
import dev.regionless.tables.catalog.IndexDefinition;
import dev.regionless.tables.catalog.KeyElement;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.catalog.ScalarAttributeType;
import dev.regionless.tables.catalog.StreamSpecification;
import dev.regionless.tables.catalog.TableDefinition;
import dev.regionless.tables.catalog.Throughput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the parts of CreateTable and UpdateTable requests that define a table — key schema, attribute definitions,
 * indexes, throughput, stream and tags — into catalog records, with DynamoDB's validation messages.
 */
final class TableDefinitions {
    private TableDefinitions() {}

    static Map<String, ScalarAttributeType> attributeDefinitions(List<JsonNode> nodes) {
        var definitions = new LinkedHashMap<String, ScalarAttributeType>();
        var errors = new ValidationErrors();
        for (int i = 0; i < nodes.size(); i++) {
            var params = new Params(nodes.get(i));
            var name = params.string("AttributeName");
            var type = params.string("AttributeType");
            errors.notNull("attributeDefinitions." + (i + 1) + ".member.attributeName", name);
            errors.notNull("attributeDefinitions." + (i + 1) + ".member.attributeType", type);
            errors.oneOf("attributeDefinitions." + (i + 1) + ".member.attributeType", type, List.of("B", "N", "S"));
            if (name != null && type != null && List.of("B", "N", "S").contains(type)) {
                if (definitions.put(name, ScalarAttributeType.valueOf(type)) != null) {
                    errors.throwIfAny();
                    throw TableErrors.invalidParameter("Cannot have two attributes with the same name");
                }
            }
        }
        errors.throwIfAny();
        return definitions;
    }

    static KeySchema keySchema(List<JsonNode> nodes, Map<String, ScalarAttributeType> definitions, String path) {
        var errors = new ValidationErrors();
        var names = new ArrayList<String>();
        var types = new ArrayList<String>();
        for (int i = 0; i < nodes.size(); i++) {
            var params = new Params(nodes.get(i));
            var name = params.string("AttributeName");
            var type = params.string("KeyType");
            errors.notNull(path + "keySchema." + (i + 1) + ".member.attributeName", name);
            errors.notNull(path + "keySchema." + (i + 1) + ".member.keyType", type);
            errors.oneOf(path + "keySchema." + (i + 1) + ".member.keyType", type, List.of("HASH", "RANGE"));
            names.add(name);
            types.add(type);
        }
        errors.sizeBetween(path + "keySchema", nodes, 1, 2);
        errors.throwIfAny();
        var missing = new TreeSet<String>();
        names.stream().filter(n -> !definitions.containsKey(n)).forEach(missing::add);
        if (!missing.isEmpty()) {
            throw TableErrors.invalidParameter("Some index key attributes are not defined in AttributeDefinitions. "
                    + "Keys: " + names + ", AttributeDefinitions: " + List.copyOf(definitions.keySet()));
        }
        if (!types.get(0).equals("HASH")) {
            throw TableErrors.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (names.size() == 2) {
            if (names.get(0).equals(names.get(1))) {
                throw TableErrors.validation(
                        "Both the Hash Key and the Range Key element in the KeySchema have the same name");
            }
            if (!types.get(1).equals("RANGE")) {
                throw TableErrors.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
            }
        }
        var partition = new KeyElement(names.get(0), definitions.get(names.get(0)));
        var sort = names.size() == 2 ? new KeyElement(names.get(1), definitions.get(names.get(1))) : null;
        return new KeySchema(partition, sort);
    }

    static IndexDefinition index(
            Params params,
            Map<String, ScalarAttributeType> definitions,
            KeySchema tableKey,
            boolean global,
            BillingMode billingMode,
            int number) {
        var errors = new ValidationErrors();
        var name = params.string("IndexName");
        errors.name("indexName", name, true);
        var keyNodes = params.list("KeySchema");
        errors.notNull("keySchema", keyNodes);
        var projectionParams = params.params("Projection");
        errors.notNull("projection", projectionParams);
        errors.throwIfAny();
        var keySchema = keySchema(keyNodes, definitions, "");
        if (!global
                && !keySchema
                        .partitionKey()
                        .name()
                        .equals(tableKey.partitionKey().name())) {
            throw TableErrors.invalidParameter("Index KeySchema does not have the same leading hash key as table "
                    + "KeySchema for index: " + name + ". index hash key: "
                    + keySchema.partitionKey().name()
                    + ", table hash key: " + tableKey.partitionKey().name());
        }
        if (!global && keySchema.sort().isEmpty()) {
            throw TableErrors.invalidParameter("Index KeySchema does not have a range key for index: " + name);
        }
        var typeName = projectionParams.string("ProjectionType");
        errors.oneOf("projection.projectionType", typeName, List.of("ALL", "KEYS_ONLY", "INCLUDE"));
        errors.throwIfAny();
        var type = typeName == null
                ? IndexDefinition.ProjectionType.KEYS_ONLY
                : IndexDefinition.ProjectionType.valueOf(typeName);
        var nonKeyNodes = projectionParams.list("NonKeyAttributes");
        var nonKey = nonKeyNodes == null
                ? List.<String>of()
                : nonKeyNodes.stream().map(JsonNode::asText).toList();
        if (type == IndexDefinition.ProjectionType.INCLUDE && nonKeyNodes == null) {
            throw TableErrors.invalidParameter("NonKeyAttributes must not be empty");
        }
        if (type != IndexDefinition.ProjectionType.INCLUDE && nonKeyNodes != null) {
            throw TableErrors.invalidParameter(
                    "ProjectionType is " + type.name() + ", but NonKeyAttributes is specified");
        }
        var throughput = Throughput.ON_DEMAND;
        var throughputParams = params.params("ProvisionedThroughput");
        if (global) {
            if (billingMode == BillingMode.PROVISIONED && throughputParams == null) {
                throw TableErrors.invalidParameter("ProvisionedThroughput must be specified for index: " + name);
            }
            if (throughputParams != null) {
                var throughputErrors = new ValidationErrors();
                checkThroughputConstraints(throughputErrors, "provisionedThroughput", throughputParams);
                throughputErrors.throwIfAny();
                if (billingMode == BillingMode.PAY_PER_REQUEST) {
                    throw TableErrors.invalidParameter("ProvisionedThroughput should not be specified for index: "
                            + name + " when BillingMode is PAY_PER_REQUEST");
                }
                throughput = new Throughput(
                        throughputParams.longValue("ReadCapacityUnits"),
                        throughputParams.longValue("WriteCapacityUnits"));
            }
        }
        return new IndexDefinition(
                name, global, keySchema, new IndexDefinition.IndexProjection(type, nonKey), throughput, number);
    }

    static void checkThroughputConstraints(ValidationErrors errors, String path, Params throughput) {
        if (throughput == null) {
            return;
        }
        var read = throughput.longValue("ReadCapacityUnits");
        var write = throughput.longValue("WriteCapacityUnits");
        errors.notNull(path + ".readCapacityUnits", read);
        errors.notNull(path + ".writeCapacityUnits", write);
        errors.atLeast(path + ".readCapacityUnits", read, 1);
        errors.atLeast(path + ".writeCapacityUnits", write, 1);
    }

    static Throughput throughput(BillingMode mode, Params throughput) {
        if (mode == BillingMode.PROVISIONED) {
            if (throughput == null) {
                throw TableErrors.invalidParameter("ReadCapacityUnits and WriteCapacityUnits must both be specified "
                        + "when BillingMode is PROVISIONED");
            }
            return new Throughput(
                    throughput.longValue("ReadCapacityUnits"), throughput.longValue("WriteCapacityUnits"));
        }
        if (throughput != null) {
            throw TableErrors.invalidParameter("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified "
                    + "when BillingMode is PAY_PER_REQUEST");
        }
        return Throughput.ON_DEMAND;
    }

    static Throughput throughput(BillingMode mode, Params throughput, TableDefinition current) {
        if (mode == BillingMode.PROVISIONED && throughput == null) {
            if (current.billingMode() == BillingMode.PROVISIONED) {
                return current.throughput();
            }
            throw TableErrors.validation("One or more parameter values were invalid: ProvisionedThroughput must be "
                    + "specified when BillingMode is PROVISIONED");
        }
        return throughput(mode, throughput);
    }

    static StreamSpecification streamSpecification(Params params) {
        if (params == null) {
            return StreamSpecification.DISABLED;
        }
        var enabled = params.bool("StreamEnabled");
        var viewType = params.string("StreamViewType");
        var errors = new ValidationErrors();
        errors.notNull("streamSpecification.streamEnabled", enabled);
        errors.oneOf(
                "streamSpecification.streamViewType",
                viewType,
                List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"));
        errors.throwIfAny();
        if (enabled && viewType == null) {
            throw TableErrors.validation("One or more parameter values were invalid: "
                    + "You must specify a StreamViewType when enabling a stream");
        }
        if (!enabled && viewType != null) {
            throw TableErrors.validation("One or more parameter values were invalid: "
                    + "You cannot modify stream view type when disabling a stream");
        }
        return enabled
                ? new StreamSpecification(true, StreamSpecification.StreamViewType.valueOf(viewType))
                : StreamSpecification.DISABLED;
    }

    static Map<String, String> tags(List<JsonNode> nodes) {
        var tags = new LinkedHashMap<String, String>();
        if (nodes == null) {
            return tags;
        }
        for (var node : nodes) {
            var params = new Params(node);
            var key = params.string("Key");
            var value = params.string("Value");
            var errors = new ValidationErrors();
            errors.notNull("tags.member.key", key);
            errors.notNull("tags.member.value", value);
            errors.throwIfAny();
            tags.put(key, value);
        }
        return tags;
    }

    static void addKeyNames(java.util.Set<String> names, KeySchema schema) {
        names.add(schema.partitionKey().name());
        schema.sort().ifPresent(k -> names.add(k.name()));
    }
}
