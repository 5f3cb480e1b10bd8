package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.CommandRun;
import io.newsflow.runtime.Exit;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --http} of the long-running stages: an address already taken is a start-up failure (exit 3) naming the
 * address and the flag, before the stage looks for a broker (none is running here); a malformed one names the key.
 */
class HttpOptionsTest {
    @Test
    void enrichAndSinkOnATakenPortExitThreeNamingIt(@TempDir Path out) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + taken.getLocalPort();
            CommandRun enrich = CommandRun.run("enrich", "--bootstrap-server", "127.0.0.1:1", "--http", address);
            assertEquals(Exit.CANNOT_START, enrich.code(), enrich.err());
            assertTrue(enrich.err().contains("newsflow enrich: cannot serve HTTP on " + address
                    + ": the address is in use"), enrich.err());
            assertTrue(enrich.err().contains("choose another with --http HOST:PORT"), enrich.err());

            CommandRun sink = CommandRun.run("sink", "--bootstrap-server", "127.0.0.1:1", "--out", out.toString(),
                    "--http", address);
            assertEquals(Exit.CANNOT_START, sink.code(), sink.err());
            assertTrue(sink.err().contains("newsflow sink: cannot serve HTTP on " + address), sink.err());
        }
    }

    @Test
    void malformedAddressNamesTheSetting() {
        CommandRun r = CommandRun.run("enrich", "--bootstrap-server", "127.0.0.1:1", "--http", "localhost");
        assertEquals(Exit.CANNOT_START, r.code(), r.err());
        assertTrue(r.err().contains("newsflow.http"), r.err());
        assertTrue(r.err().contains("HOST:PORT or :PORT"), r.err());
    }

    @Test
    void helpOfEveryLongRunningStageShowsTheOption() {
        for (String stage : new String[]{"enrich", "sink", "ingest"}) {
            CommandRun r = CommandRun.run(stage, "--help");
            assertEquals(Exit.OK, r.code());
            assertTrue(r.out().contains("--http=HOST:PORT"), stage + ": " + r.out());
        }
    }
}
