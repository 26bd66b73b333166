package dev.regionless.functions.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.functions.loader.CodeLoadingException;
import org.junit.jupiter.api.Test;

class HandlerNameTest {
    @Test
    void classAndMethodFormIsSplitAtTheDoubleColon() {
        assertThat(HandlerName.parse("example.Hello::handleRequest"))
                .isEqualTo(new HandlerName("example.Hello", "handleRequest"));
    }

    @Test
    void classOnlyFormHasNoMethod() {
        assertThat(HandlerName.parse("example.Hello")).isEqualTo(new HandlerName("example.Hello", null));
    }

    @Test
    void malformedHandlerNamesTheExpectedForms() {
        assertThatThrownBy(() -> HandlerName.parse("example..Hello::"))
                .isInstanceOf(CodeLoadingException.class)
                .hasMessage("Handler: 'example..Hello::' is not a valid handler"
                        + " (expected: package.Class::method or package.Class)");
    }
}
