package io.ysql.internal.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NotificationQueueTest {

    private static Notification n(String payload) {
        return new Notification(7, "ch", payload);
    }

    @Test
    void keepsArrivalOrder() {
        NotificationQueue q = new NotificationQueue();
        q.add(n("a"));
        q.add(n("b"));
        assertThat(q.poll().payload()).isEqualTo("a");
        assertThat(q.drain()).extracting(Notification::payload).containsExactly("b");
        assertThat(q.poll()).isNull();
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void aFullQueueDropsTheOldest() {
        NotificationQueue q = new NotificationQueue();
        q.capacity(2);
        for (String p : new String[] {"1", "2", "3", "4"}) q.add(n(p));
        assertThat(q.drain()).extracting(Notification::payload).containsExactly("3", "4");
    }

    @Test
    void shrinkingDropsTheOldestOnTheNextArrival() {
        NotificationQueue q = new NotificationQueue();
        for (String p : new String[] {"1", "2", "3"}) q.add(n(p));
        q.capacity(1);
        q.add(n("4"));
        assertThat(q.drain()).extracting(Notification::payload).containsExactly("4");
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new NotificationQueue().capacity(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
