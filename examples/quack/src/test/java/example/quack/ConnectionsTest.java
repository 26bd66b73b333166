package example.quack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionsTest {
    @Test
    void anAwsDomainIsReachedOverHttpsWithTheStage() {
        assertThat(Connections.endpoint("abc123.execute-api.eu-west-2.amazonaws.com", "Prod"))
                .isEqualTo("https://abc123.execute-api.eu-west-2.amazonaws.com/Prod");
    }

    @Test
    void aLocalDomainWithAPortIsReachedOverHttp() {
        assertThat(Connections.endpoint("127.0.0.1:40123", "Prod")).isEqualTo("http://127.0.0.1:40123/Prod");
    }
}
