package dev.regionless.gateway.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import dev.regionless.gateway.internal.auth.PolicyEvaluation.Result;
import org.junit.jupiter.api.Test;

class PolicyEvaluationTest {
    private static final String ARN = "arn:aws:execute-api:eu-west-2:123456789012:abc1234567/Prod/GET/orders/7";

    private static JsonNode policy(String statements) throws Exception {
        return Json.mapper().readTree("{\"Version\":\"2012-10-17\",\"Statement\":" + statements + "}");
    }

    @Test
    void allowOnTheExactArnAllows() throws Exception {
        var document =
                policy("[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"" + ARN + "\"}]");

        assertThat(PolicyEvaluation.evaluate(document, ARN)).isEqualTo(Result.ALLOW);
    }

    @Test
    void wildcardsMatchAcrossSlashesAndSingleCharacters() throws Exception {
        var document = policy("{\"Action\":\"execute-api:*\",\"Effect\":\"Allow\","
                + "\"Resource\":[\"arn:aws:execute-api:eu-west-2:123456789012:abc1234567/Pro?/*\"]}");

        assertThat(PolicyEvaluation.evaluate(document, ARN)).isEqualTo(Result.ALLOW);
    }

    @Test
    void explicitDenyWinsOverAnAllow() throws Exception {
        var document = policy("[{\"Action\":\"*\",\"Effect\":\"Allow\",\"Resource\":\"*\"},"
                + "{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Deny\",\"Resource\":\"*/GET/orders/*\"}]");

        assertThat(PolicyEvaluation.evaluate(document, ARN)).isEqualTo(Result.EXPLICIT_DENY);
    }

    @Test
    void policyThatMentionsOtherMethodsOnlyDeniesImplicitly() throws Exception {
        var document = policy("[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\","
                + "\"Resource\":\"arn:aws:execute-api:eu-west-2:123456789012:abc1234567/Prod/POST/*\"}]");

        assertThat(PolicyEvaluation.evaluate(document, ARN)).isEqualTo(Result.IMPLICIT_DENY);
    }

    @Test
    void otherActionsDoNotApply() throws Exception {
        var document = policy("[{\"Action\":\"dynamodb:GetItem\",\"Effect\":\"Allow\",\"Resource\":\"*\"}]");

        assertThat(PolicyEvaluation.evaluate(document, ARN)).isEqualTo(Result.IMPLICIT_DENY);
    }

    @Test
    void effectOtherThanAllowOrDenyIsRejected() throws Exception {
        var document = policy("[{\"Action\":\"*\",\"Effect\":\"Maybe\",\"Resource\":\"*\"}]");

        assertThatThrownBy(() -> PolicyEvaluation.evaluate(document, ARN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Effect: Maybe (expected: Allow or Deny)");
    }

    @Test
    void documentWithoutStatementIsRejected() throws Exception {
        var document = Json.mapper().readTree("{\"Version\":\"2012-10-17\"}");

        assertThatThrownBy(() -> PolicyEvaluation.evaluate(document, ARN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("policyDocument has no Statement");
    }
}
