package io.ysql.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysql.error.ServerError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticesTest {

    private static ServerError notice(String message) {
        return ServerError.of("NOTICE", "00000", message);
    }

    @Test
    void keepsTheLastFifty() {
        Notices notices = new Notices();
        for (int i = 1; i <= 60; i++) notices.received(notice("n" + i), false);
        List<ServerError> recent = notices.recent();
        assertThat(recent).hasSize(Notices.KEPT);
        assertThat(recent.get(0).message()).isEqualTo("n11");
        assertThat(recent.get(49).message()).isEqualTo("n60");
    }

    @Test
    void theHandlerGetsEveryNoticeAndTheIdleSinkOnlyIdleOnes() {
        Notices notices = new Notices();
        List<String> handled = new ArrayList<>();
        List<String> idle = new ArrayList<>();
        notices.handler(n -> handled.add(n.message()));
        notices.idleSink(n -> idle.add(n.message()));
        notices.received(notice("during a query"), false);
        notices.received(notice("while idle"), true);
        assertThat(handled).containsExactly("during a query", "while idle");
        assertThat(idle).containsExactly("while idle");
    }

    @Test
    void aThrowingHandlerDoesNotStopDelivery() {
        Notices notices = new Notices();
        List<String> idle = new ArrayList<>();
        notices.handler(n -> { throw new IllegalStateException("handler bug"); });
        notices.idleSink(n -> idle.add(n.message()));
        notices.received(notice("still delivered"), true);
        assertThat(idle).containsExactly("still delivered");
        assertThat(notices.recent()).hasSize(1);
    }
}
