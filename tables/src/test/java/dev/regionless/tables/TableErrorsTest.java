package dev.regionless.tables;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableErrorsTest {
    @Test
    void conditionalCheckFailedCarriesDynamoDbsCodeAndText() {
        var error = TableErrors.conditionalCheckFailed();

        assertThat(error.code()).isEqualTo("ConditionalCheckFailedException");
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.getMessage()).isEqualTo("The conditional request failed");
    }

    @Test
    void resourceNotFoundCarriesDynamoDbsCodeAndText() {
        var error = TableErrors.resourceNotFound();

        assertThat(error.code()).isEqualTo("ResourceNotFoundException");
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.getMessage()).isEqualTo("Requested resource not found");
    }

    @Test
    void validationIsAClientError() {
        var error = TableErrors.validation("bad");

        assertThat(error.code()).isEqualTo("ValidationException");
        assertThat(error.isClientError()).isTrue();
    }
}
