package dev.regionless.tables.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ShardIteratorTest {
    private static final String ARN =
            "arn:aws:dynamodb:eu-west-2:000000000000:table/orders/stream/2026-03-01T10:00:00.000";

    @Test
    void anEncodedIteratorDecodesToTheSamePosition() {
        var iterator = new ShardIterator(ARN, "shardId-00000001772359200000-0123abcd", 41, 1_772_359_200_000L);

        assertThat(ShardIterator.decode(iterator.encode())).contains(iterator);
    }

    @Test
    void anEncodedIteratorIsOpaqueAndSafeInUrlsAndJson() {
        var encoded = new ShardIterator(ARN, "shardId-00000001772359200000-0123abcd", 41, 1L).encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+").doesNotContain("orders");
    }

    @Test
    void textThatIsNotBase64IsNoIterator() {
        assertThat(ShardIterator.decode("not an iterator!")).isEmpty();
    }

    @Test
    void base64OfSomethingElseIsNoIterator() {
        assertThat(ShardIterator.decode(encode("1|" + ARN + "|shard|forty-one|1")))
                .isEmpty();
        assertThat(ShardIterator.decode(encode("2|" + ARN + "|shard|41|1"))).isEmpty();
        assertThat(ShardIterator.decode(encode("1|" + ARN + "|shard|41"))).isEmpty();
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
