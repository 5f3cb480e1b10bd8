package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.CommandRun;
import org.junit.jupiter.api.Test;

/** {@code newsflow trends}: bad options are usage errors (exit 2) named on one line, before anything starts. */
class TrendsCommandTest {
    @Test
    void aBadHttpAddressIsAUsageError() {
        CommandRun r = CommandRun.run("trends", "--http", "nowhere");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("HTTP address must be HOST:PORT or :PORT, got 'nowhere'"), r.err());
    }

    @Test
    void aBadGraceIsAUsageError() {
        CommandRun r = CommandRun.run("trends", "--grace", "soon");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--grace must be a duration"), r.err());
    }

    @Test
    void helpNamesTheQueryApiOption() {
        CommandRun r = CommandRun.run("trends", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--http=HOST:PORT"), r.out());
        assertTrue(r.out().contains("default 127.0.0.1:8081"), r.out());
    }
}
