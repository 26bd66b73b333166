package dev.regionless.gateway.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class StageRouterTest {
    private final StageRouter<String> router = StageRouter.of(List.of("Prod", "$default", "dev"), Function.identity());

    @Test
    void stagePrefixedPathGoesToThatStagesApiWithoutThePrefix() {
        var candidates = router.candidates(RequestPath.of("/Prod/hello/world"));

        assertThat(candidates).singleElement().satisfies(c -> {
            assertThat(c.api()).isEqualTo("Prod");
            assertThat(c.pathInStage().raw()).isEqualTo("/hello/world");
        });
    }

    @Test
    void otherPathsGoToDefaultStageApisWhole() {
        var candidates = router.candidates(RequestPath.of("/hello"));

        assertThat(candidates).singleElement().satisfies(c -> {
            assertThat(c.api()).isEqualTo("$default");
            assertThat(c.pathInStage().raw()).isEqualTo("/hello");
        });
    }

    @Test
    void stageNamesAreCaseSensitive() {
        var candidates = router.candidates(RequestPath.of("/prod/hello"));

        assertThat(candidates).extracting(StageRouter.StageMatch::api).containsExactly("$default");
    }

    @Test
    void withoutDefaultStageApisUnknownPrefixesFindNothing() {
        var stagedOnly = StageRouter.of(List.of("Prod"), Function.<String>identity());

        assertThat(stagedOnly.candidates(RequestPath.of("/Beta/hello"))).isEmpty();
    }
}
