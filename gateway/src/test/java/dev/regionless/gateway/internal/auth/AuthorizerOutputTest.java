package dev.regionless.gateway.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AuthorizerOutputTest {

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void policyAnswerKeepsPrincipalDocumentAndContext() {
        var output = AuthorizerOutput.parse(
                json("{\"principalId\":\"alice\",\"policyDocument\":{\"Statement\":[]},\"context\":{\"n\":1}}"),
                false,
                true);

        assertThat(output).isInstanceOfSatisfying(AuthorizerOutput.Policy.class, policy -> {
            assertThat(policy.principalId()).isEqualTo("alice");
            assertThat(policy.context().get("n").asInt()).isEqualTo(1);
        });
    }

    @Test
    void restContextValuesMustBeStringsNumbersOrBooleans() {
        assertThatThrownBy(() -> AuthorizerOutput.parse(
                        json("{\"policyDocument\":{\"Statement\":[]},\"context\":{\"roles\":[\"a\"]}}"), false, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("context.roles: [\"a\"] (expected: a string, number or boolean)");
    }

    @Test
    void simpleAnswerNeedsABooleanIsAuthorized() {
        assertThat(AuthorizerOutput.parse(json("{\"isAuthorized\":false}"), true, false))
                .isEqualTo(new AuthorizerOutput.Simple(
                        false, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()));
        assertThatThrownBy(() -> AuthorizerOutput.parse(json("{\"isAuthorized\":\"yes\"}"), true, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("isAuthorized: \"yes\" (expected: true or false)");
    }

    @Test
    void answerWithoutPolicyIsRejected() {
        assertThatThrownBy(() -> AuthorizerOutput.parse(json("{\"principalId\":\"alice\"}"), false, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("policyDocument: null (expected: an IAM policy)");
    }
}
