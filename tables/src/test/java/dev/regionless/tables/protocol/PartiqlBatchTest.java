package dev.regionless.tables.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartiqlBatchTest {

    @Test
    void aBatchEntrysErrorCodeIsTheExceptionNameWithoutException() {
        assertThat(PartiqlBatch.code("ConditionalCheckFailedException")).isEqualTo("ConditionalCheckFailed");
        assertThat(PartiqlBatch.code("DuplicateItemException")).isEqualTo("DuplicateItem");
        assertThat(PartiqlBatch.code("ResourceNotFoundException")).isEqualTo("ResourceNotFound");
    }

    @Test
    void validationAndThrottlingUseTheBatchErrorNames() {
        assertThat(PartiqlBatch.code("ValidationException")).isEqualTo("ValidationError");
        assertThat(PartiqlBatch.code("ThrottlingException")).isEqualTo("ThrottlingError");
    }
}
