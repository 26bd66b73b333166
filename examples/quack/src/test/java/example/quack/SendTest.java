package example.quack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SendTest {
    @Test
    void theMessageIsTakenFromTheSendAction() {
        assertThat(Send.messageOf("{\"action\":\"send\",\"message\":\"hello\"}"))
                .isEqualTo("hello");
    }

    @Test
    void anEmptyMessageIsAnError() {
        assertThatThrownBy(() -> Send.messageOf("{\"action\":\"send\",\"message\":\"  \"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void aBodyThatIsNotJsonIsAnError() {
        assertThatThrownBy(() -> Send.messageOf("hello")).isInstanceOf(IllegalArgumentException.class);
    }
}
