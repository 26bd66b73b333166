package dev.regionless.gateway.internal.payload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.gateway.ApiType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/plain",
                "text/html; charset=utf-8",
                "application/json",
                "APPLICATION/JSON",
                "application/xml",
                "application/javascript",
                "application/problem+json",
                "application/atom+xml"
            })
    void httpApisPassTextualContentTypesAsText(String contentType) {
        assertThat(MediaTypes.isBinaryRequest(ApiType.HTTP, Optional.of(contentType), List.of()))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "image/png",
                "application/octet-stream",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/pdf"
            })
    void httpApisBase64EncodeOtherContentTypes(String contentType) {
        assertThat(MediaTypes.isBinaryRequest(ApiType.HTTP, Optional.of(contentType), List.of()))
                .isTrue();
    }

    @Test
    void httpApisBase64EncodeBodiesWithoutContentType() {
        assertThat(MediaTypes.isBinaryRequest(ApiType.HTTP, Optional.empty(), List.of()))
                .isTrue();
    }

    @Test
    void restApisPassEverythingAsTextWithoutBinaryMediaTypes() {
        assertThat(MediaTypes.isBinaryRequest(ApiType.REST, Optional.of("image/png"), List.of()))
                .isFalse();
    }

    @Test
    void restApisBase64EncodeListedTypesIncludingWildcards() {
        var binaryTypes = List.of("image/*", "application~1octet-stream");

        assertThat(MediaTypes.isBinaryRequest(ApiType.REST, Optional.of("image/jpeg"), binaryTypes))
                .isTrue();
        assertThat(MediaTypes.isBinaryRequest(ApiType.REST, Optional.of("application/octet-stream"), binaryTypes))
                .isTrue();
        assertThat(MediaTypes.isBinaryRequest(ApiType.REST, Optional.of("application/json"), binaryTypes))
                .isFalse();
    }

    @Test
    void restApisWithAnyTypeWildcardBase64EncodeEvenJson() {
        assertThat(MediaTypes.isBinaryRequest(ApiType.REST, Optional.of("application/json"), List.of("*/*")))
                .isTrue();
    }
}
