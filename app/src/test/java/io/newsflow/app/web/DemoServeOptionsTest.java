package io.newsflow.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.CommandRun;
import io.newsflow.events.Seeds;
import io.newsflow.runtime.Exit;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live page's options of {@code newsflow demo}: usage errors exit 2, an address already taken exits 3. */
class DemoServeOptionsTest {
    @Test
    void watchWithoutServeAndABadAddressAreUsageErrors(@TempDir Path tmp) {
        CommandRun watch = CommandRun.run("demo", "--watch", tmp.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(Exit.USAGE, watch.code(), watch.err());
        assertTrue(watch.err().contains("--watch needs --serve"), watch.err());

        CommandRun http = CommandRun.run("demo", "--serve", "--http", "localhost", "--out", tmp.toString());
        assertEquals(Exit.USAGE, http.code(), http.err());
        assertTrue(http.err().contains("HOST:PORT"), http.err());
    }

    @Test
    void anAddressInUseCannotStartAndSaysWhichOne(@TempDir Path tmp) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + taken.getLocalPort();
            CommandRun r = CommandRun.run("demo", "--http", address, "--input", Seeds.dir().toString(), "--out",
                    tmp.resolve("out").toString());
            assertEquals(Exit.CANNOT_START, r.code(), r.out() + r.err());
            assertTrue(r.err().contains(address), r.err());
        }
    }
}
