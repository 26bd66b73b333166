package example.quack;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The app's two tables, named by the template through the environment, and one client for both. */
final class Tables {
    /** Built once per execution environment: creating SDK clients is the slow part of a cold start. */
    static final DynamoDbClient DYNAMO = DynamoDbClient.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();

    private Tables() {}

    static String messages() {
        return System.getenv("MESSAGES_TABLE");
    }

    static String connections() {
        return System.getenv("CONNECTIONS_TABLE");
    }

    /** The region serving this invocation: Lambda sets {@code AWS_REGION}. */
    static String region() {
        return System.getenv("AWS_REGION");
    }
}
