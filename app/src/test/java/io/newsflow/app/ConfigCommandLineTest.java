package io.newsflow.app;

import io.newsflow.runtime.Exit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Configuration errors as a user meets them: exit 3 and one line naming the file (or flag) and the key; no broker. */
class ConfigCommandLineTest {
    record Run(int code, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Newsflow.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), err.toString());
    }

    @Test
    void aValueKafkaRefusesExitsThreeNamingTheFileAndKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("producer.properties");
        Files.writeString(file, "compression.type=banana\n");
        for (String command : new String[]{"ingest", "enrich"}) {
            Run r = command.equals("ingest") ? run("ingest", "--config", file.toString(), dir.toString())
                    : run("enrich", "--config", file.toString());
            assertEquals(Exit.CANNOT_START, r.code(), r.err());
            assertTrue(r.err().contains("config file " + file + ", key compression.type: Invalid value banana"),
                    r.err());
        }
        Run flag = run("topics", "create", "--client-config", "compression.type=banana");
        assertEquals(Exit.CANNOT_START, flag.code());
        assertTrue(flag.err().contains("--client-config, key compression.type"), flag.err());
    }

    @Test
    void aBadNewsflowValueOrSharedApplicationIdExitsThree(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stage.properties");
        Files.writeString(file, "newsflow.sink.rotate.records=lots\n");
        Run r = run("sink", "--config", file.toString(), "--out", dir.resolve("out").toString());
        assertEquals(Exit.CANNOT_START, r.code(), r.err());
        assertTrue(r.err().contains("config file " + file + ", key newsflow.sink.rotate.records"), r.err());

        Files.writeString(file, "application.id=one-for-all\n");
        Run shared = run("enrich", "--config", file.toString());
        assertEquals(Exit.CANNOT_START, shared.code(), shared.err());
        assertTrue(shared.err().contains("config file " + file + ", key application.id"), shared.err());
    }

    @Test
    void aBadEscapeExitsThreeNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("windows.properties");
        Files.writeString(file, "ssl.truststore.location=C:\\users\\me\\truststore.jks\n");
        Run r = run("topics", "create", "--config", file.toString());
        assertEquals(Exit.CANNOT_START, r.code(), r.err());
        assertTrue(r.err().contains("config file " + file + ", line 1: Malformed \\uxxxx encoding"), r.err());
    }

    @Test
    void clientConfigWithoutAnEqualsSignIsBadUsage() {
        assertEquals(Exit.USAGE, run("topics", "create", "--client-config", "linger.ms").code());
    }
}
