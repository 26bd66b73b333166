package dev.regionless.region.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.MethodHandles;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchemaParams;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;

/** The SDK's Enhanced Client, mapping a bean, as most Java applications use DynamoDB. */
class EnhancedClientIT {

    @DynamoDbBean
    public static class Order {
        private String customer;
        private String id;
        private int amount;
        private Set<String> tags;

        @DynamoDbPartitionKey
        public String getCustomer() {
            return customer;
        }

        public void setCustomer(String customer) {
            this.customer = customer;
        }

        @DynamoDbSortKey
        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public int getAmount() {
            return amount;
        }

        public void setAmount(int amount) {
            this.amount = amount;
        }

        public Set<String> getTags() {
            return tags;
        }

        public void setTags(Set<String> tags) {
            this.tags = tags;
        }
    }

    private static Order order(String customer, String id, int amount, Set<String> tags) {
        var order = new Order();
        order.setCustomer(customer);
        order.setId(id);
        order.setAmount(amount);
        order.setTags(tags);
        return order;
    }

    private static DynamoDbTable<Order> ordersTable(DynamoDbTarget target) {
        var client = target.client();
        var enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        var schema = BeanTableSchema.create(BeanTableSchemaParams.builder(Order.class)
                .lookup(MethodHandles.lookup())
                .build());
        var name = TableFixtures.uniqueName("orders");
        client.createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(TableFixtures.hash("customer"), TableFixtures.range("id"))
                .attributeDefinitions(
                        TableFixtures.attribute(
                                "customer", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S),
                        TableFixtures.attribute(
                                "id", software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S)));
        TableFixtures.awaitActive(client, name);
        return enhanced.table(name, schema);
    }

    @ConformanceTest
    void aBeanPutIsReadBackWhole(DynamoDbTarget target) {
        var orders = ordersTable(target);

        orders.putItem(order("ann", "o1", 30, Set.of("gift", "rush")));
        var read = orders.getItem(
                Key.builder().partitionValue("ann").sortValue("o1").build());

        assertThat(read).usingRecursiveComparison().isEqualTo(order("ann", "o1", 30, Set.of("gift", "rush")));
    }

    @ConformanceTest
    void aBeanQueryReturnsOneCustomersOrdersInSortKeyOrder(DynamoDbTarget target) {
        var orders = ordersTable(target);
        orders.putItem(order("ann", "o2", 20, null));
        orders.putItem(order("bob", "o1", 5, null));
        orders.putItem(order("ann", "o1", 10, null));
        orders.putItem(order("ann", "x9", 99, null));

        var found = orders
                .query(QueryConditional.sortBeginsWith(
                        Key.builder().partitionValue("ann").sortValue("o").build()))
                .items()
                .stream()
                .map(o -> o.getId() + "=" + o.getAmount())
                .toList();

        assertThat(found).containsExactly("o1=10", "o2=20");
    }

    @ConformanceTest
    void updatingABeanKeepsAttributesLeftNullWhenIgnoringNulls(DynamoDbTarget target) {
        var orders = ordersTable(target);
        orders.putItem(order("ann", "o1", 10, Set.of("gift")));

        orders.updateItem(r -> r.item(order("ann", "o1", 15, null)).ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY));
        var read = orders.getItem(
                Key.builder().partitionValue("ann").sortValue("o1").build());

        assertThat(read.getAmount()).isEqualTo(15);
        assertThat(read.getTags()).containsExactly("gift");
    }
}
