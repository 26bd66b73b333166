package dev.regionless.tables.legacy;

import static dev.regionless.tables.legacy.JsonText.request;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.tables.legacy.ParameterMixing.Operation;
import org.junit.jupiter.api.Test;

class ParameterMixingTest {
    @Test
    void getItemWithBothProjectionStylesIsRejected() {
        var request = request("{'TableName': 't', 'AttributesToGet': ['a'], 'ProjectionExpression': 'a'}");

        assertThatThrownBy(() -> ParameterMixing.check(request, Operation.GET_ITEM))
                .hasMessage("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
    }

    @Test
    void messageNamesEveryParameterOfEachStyleInDynamoDbsOrder() {
        var request = request("{'FilterExpression': 'a = :a', 'ConditionalOperator': 'OR', 'ScanFilter': {},"
                + " 'ProjectionExpression': 'a', 'AttributesToGet': ['a']}");

        assertThatThrownBy(() -> ParameterMixing.check(request, Operation.SCAN))
                .hasMessage("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributesToGet, ScanFilter, ConditionalOperator} "
                        + "Expression parameters: {ProjectionExpression, FilterExpression}");
    }

    @Test
    void updateItemWithAttributeUpdatesAndAConditionExpressionIsRejected() {
        var request = request("{'AttributeUpdates': {}, 'ConditionExpression': 'attribute_exists(a)'}");

        assertThatThrownBy(() -> ParameterMixing.check(request, Operation.UPDATE_ITEM))
                .hasMessage("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributeUpdates} Expression parameters: {ConditionExpression}");
    }

    @Test
    void keyConditionsMayComeWithAFilterExpression() {
        var request = request("{'KeyConditions': {}, 'FilterExpression': 'a = :a', 'ExpressionAttributeValues': {}}");

        assertThatCode(() -> ParameterMixing.check(request, Operation.QUERY)).doesNotThrowAnyException();
    }

    @Test
    void keyConditionsWithAKeyConditionExpressionAreMixed() {
        var request = request("{'KeyConditions': {}, 'KeyConditionExpression': 'pk = :p'}");

        assertThatThrownBy(() -> ParameterMixing.check(request, Operation.QUERY))
                .hasMessage("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {KeyConditions} Expression parameters: {KeyConditionExpression}");
    }

    @Test
    void jsonNullCountsAsAbsent() {
        var request = request("{'Expected': null, 'ConditionExpression': 'attribute_exists(a)'}");

        assertThatCode(() -> ParameterMixing.check(request, Operation.PUT_ITEM)).doesNotThrowAnyException();
    }

    @Test
    void expressionAttributeNamesWithoutAnExpressionAreRejected() {
        var request = request("{'Expected': {}, 'ExpressionAttributeNames': {'#a': 'a'}}");

        assertThatThrownBy(() -> ParameterMixing.check(request, Operation.DELETE_ITEM))
                .hasMessage("ExpressionAttributeNames can only be specified when using expressions");
    }

    @Test
    void expressionAttributeValuesWithoutAnExpressionThatUsesThemAreRejected() {
        var request = request("{'AttributeUpdates': {}, 'ExpressionAttributeValues': {':a': {'N': '1'}}}");

        assertThatThrownBy(() -> ParameterMixing.check(request, Operation.UPDATE_ITEM))
                .hasMessage("ExpressionAttributeValues can only be specified when using expressions: "
                        + "UpdateExpression and ConditionExpression are null");
    }

    @Test
    void projectionExpressionDoesNotUseExpressionAttributeValues() {
        var request = request("{'ProjectionExpression': 'a', 'ExpressionAttributeValues': {':a': {'N': '1'}}}");

        assertThatThrownBy(() -> ParameterMixing.check(request, Operation.SCAN))
                .hasMessage(
                        "ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null");
    }

    @Test
    void requestOfOneStyleIsAccepted() {
        var request = request("{'Expected': {'a': {'Exists': false}}, 'ConditionalOperator': 'AND'}");

        assertThatCode(() -> ParameterMixing.check(request, Operation.PUT_ITEM)).doesNotThrowAnyException();
    }
}
