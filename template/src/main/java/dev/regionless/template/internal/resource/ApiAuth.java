package dev.regionless.template.internal.resource;

import dev.regionless.template.AuthorizerSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An API's {@code Auth}: its authorizers by name and the one guarding routes whose events name none.
 *
 * @param apiLogicalId the API, for messages
 * @param authorizers the authorizers, in template order
 * @param defaultAuthorizer the {@code DefaultAuthorizer}, or {@code null}
 */
record ApiAuth(String apiLogicalId, Map<String, AuthorizerSpec> authorizers, String defaultAuthorizer) {

    ApiAuth {
        authorizers = Collections.unmodifiableMap(new LinkedHashMap<>(authorizers));
    }

    static ApiAuth none(String apiLogicalId) {
        return new ApiAuth(apiLogicalId, Map.of(), null);
    }

    List<AuthorizerSpec> list() {
        return List.copyOf(authorizers.values());
    }
}
