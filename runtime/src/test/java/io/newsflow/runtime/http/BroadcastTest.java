package io.newsflow.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BroadcastTest {
    private static final Duration NOW = Duration.ZERO;

    @Test
    void everyListenerGetsEveryMessageInOrderAndIdleWhenNothingCame() throws Exception {
        Broadcast<String> b = new Broadcast<>(8, 4);
        Broadcast.Listener<String> one = b.listen().orElseThrow();
        Broadcast.Listener<String> two = b.listen().orElseThrow();
        b.publish("x");
        b.publish("y");
        for (Broadcast.Listener<String> l : new Broadcast.Listener[]{one, two}) {
            assertEquals(new Broadcast.Message<>("x"), l.next(NOW));
            assertEquals(new Broadcast.Message<>("y"), l.next(NOW));
            assertInstanceOf(Broadcast.Idle.class, l.next(Duration.ofMillis(1)));
        }
    }

    @Test
    void aListenerTooFarBehindIsDroppedAndTheOthersGoOn() throws Exception {
        Broadcast<Integer> b = new Broadcast<>(3, 4);
        Broadcast.Listener<Integer> slow = b.listen().orElseThrow();
        Broadcast.Listener<Integer> fast = b.listen().orElseThrow();
        for (int i = 1; i <= 5; i++) {
            b.publish(i);
            assertEquals(new Broadcast.Message<>(i), fast.next(NOW));
        }
        // slow read nothing: it held 3, the 4th did not fit, so it was dropped and its queue freed.
        Broadcast.Next<Integer> n = slow.next(NOW);
        assertEquals(new Broadcast.Ended<Integer>("too far behind"), n);
        assertEquals(1, b.listeners());
    }

    @Test
    void atMostMaxListenersAndNoneAfterClose() throws Exception {
        Broadcast<String> b = new Broadcast<>(2, 2);
        Broadcast.Listener<String> one = b.listen().orElseThrow();
        assertTrue(b.listen().isPresent());
        assertTrue(b.listen().isEmpty(), "a third listener is refused");
        one.close();
        assertEquals(1, b.listeners(), "a closed listener frees its place");
        assertTrue(b.listen().isPresent());
        b.close();
        assertEquals(0, b.listeners());
        assertTrue(b.listen().isEmpty());
        assertInstanceOf(Broadcast.Ended.class, one.next(NOW));
    }
}
