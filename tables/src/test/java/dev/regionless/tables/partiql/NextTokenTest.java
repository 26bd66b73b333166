package dev.regionless.tables.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.regionless.common.AwsException;
import dev.regionless.common.Json;
import org.junit.jupiter.api.Test;

class NextTokenTest {

    @Test
    void aTokenReadsBackAsTheReadAndKeyItWasMadeOf() {
        var key = Json.mapper().createObjectNode();
        key.putObject("pk").put("S", "a");
        var token = new NextToken(2, key).encode("SELECT * FROM t");

        var decoded = NextToken.decode(token, "SELECT * FROM t");

        assertThat(decoded).isEqualTo(new NextToken(2, key));
    }

    @Test
    void aTokenOfAnotherStatementIsRefused() {
        var token = new NextToken(0, null).encode("SELECT * FROM t");

        var error = catchThrowableOfType(AwsException.class, () -> NextToken.decode(token, "SELECT * FROM u"));

        assertThat(error.getMessage()).isEqualTo("NextToken does not match request");
    }

    @Test
    void aTokenThatIsNotOursIsInvalid() {
        var error = catchThrowableOfType(AwsException.class, () -> NextToken.decode("not a token!", "SELECT * FROM t"));

        assertThat(error.getMessage()).isEqualTo("Invalid NextToken");
    }
}
