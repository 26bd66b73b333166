package dev.regionless.tables.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableStreamTest {
    @Test
    void aStreamArnNamesItsTable() {
        assertThat(TableStream.tableNameIn(
                        "arn:aws:dynamodb:eu-west-2:000000000000:table/my.orders-2/stream/2026-03-01T10:00:00.000"))
                .contains("my.orders-2");
    }

    @Test
    void aTableArnOrAnotherServicesArnIsNoStreamArn() {
        assertThat(TableStream.tableNameIn("arn:aws:dynamodb:eu-west-2:000000000000:table/orders"))
                .isEmpty();
        assertThat(TableStream.tableNameIn("arn:aws:kinesis:eu-west-2:000000000000:stream/orders"))
                .isEmpty();
        assertThat(TableStream.tableNameIn("sdfadfsdfnlfkajakfgjalksfgklasjklasdjfklasdfasdfgasf"))
                .isEmpty();
    }
}
