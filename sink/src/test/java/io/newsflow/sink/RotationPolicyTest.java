package io.newsflow.sink;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RotationPolicyTest {
    final RotationPolicy hourly = new RotationPolicy(3, Duration.ofHours(1), Duration.ofSeconds(5));

    @Test
    void cutsByCount() {
        assertFalse(hourly.full(2));
        assertTrue(hourly.full(3));
    }

    @Test
    void bucketsEventTimesByTheConfiguredSize() {
        Instant first = Instant.parse("2025-05-07T10:05:00Z");
        assertTrue(hourly.bucket(first) == hourly.bucket(Instant.parse("2025-05-07T10:59:59Z")));
        assertFalse(hourly.bucket(first) == hourly.bucket(Instant.parse("2025-05-07T11:00:00Z")));
        assertFalse(hourly.bucket(first) == hourly.bucket(Instant.parse("2019-01-01T10:30:00Z")));
    }

    @Test
    void cutsAfterTheMaximumWait() {
        assertFalse(hourly.expired(1_000, 5_999));
        assertTrue(hourly.expired(1_000, 6_000));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RotationPolicy(0, Duration.ofHours(1), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RotationPolicy(1, Duration.ZERO, Duration.ZERO));
    }
}
