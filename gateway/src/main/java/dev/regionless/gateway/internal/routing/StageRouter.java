package dev.regionless.gateway.internal.routing;

import dev.regionless.gateway.HttpApiDefinition;
import java.util.List;
import java.util.function.Function;

/**
 * Which APIs a path belongs to on the one app port. An API with a named stage owns the paths under
 * {@code /{stage}}; APIs on the {@code $default} stage share the rest. Stage-prefixed APIs are tried first, so a
 * path whose first segment names a stage never falls through to a root API.
 *
 * @param <A> the gateway's compiled API type
 */
public final class StageRouter<A> {
    private final List<A> apis;
    private final Function<A, String> stageOf;

    private StageRouter(List<A> apis, Function<A, String> stageOf) {
        this.apis = List.copyOf(apis);
        this.stageOf = stageOf;
    }

    /** A router over these APIs, in deployment order. */
    public static <A> StageRouter<A> of(List<A> apis, Function<A, String> stageOf) {
        return new StageRouter<>(apis, stageOf);
    }

    /**
     * The APIs that claim this path, each with the path as seen inside its stage, in deployment order; empty
     * when no API serves the path at all.
     */
    public List<StageMatch<A>> candidates(RequestPath path) {
        var staged = apis.stream()
                .filter(api -> !HttpApiDefinition.DEFAULT_STAGE.equals(stageOf.apply(api)))
                .filter(api -> !path.segments().isEmpty() && stageOf.apply(api).equals(path.first()))
                .map(api -> new StageMatch<>(api, path.withoutFirst()))
                .toList();
        if (!staged.isEmpty()) {
            return staged;
        }
        return apis.stream()
                .filter(api -> HttpApiDefinition.DEFAULT_STAGE.equals(stageOf.apply(api)))
                .map(api -> new StageMatch<>(api, path))
                .toList();
    }

    /**
     * An API that claims a path, and that path without the stage prefix.
     *
     * @param api the API
     * @param pathInStage the path as the API's routes see it
     * @param <A> the API type
     */
    public record StageMatch<A>(A api, RequestPath pathInStage) {}
}
