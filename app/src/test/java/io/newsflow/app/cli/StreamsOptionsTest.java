package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.enrich.EnrichTopology;
import io.newsflow.runtime.config.Settings;
import io.newsflow.runtime.config.StreamsSettings;
import io.newsflow.sink.SinkTopology;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --threads} and {@code --state-dir} of enrich and sink reach their Streams settings; no broker. */
class StreamsOptionsTest {
    @Test
    void enrichThreadsAndStateDirFlags(@TempDir Path dir) {
        EnrichCommand cmd = new EnrichCommand();
        new CommandLine(cmd).parseArgs("--threads", "3", "--state-dir", dir.toString());
        cmd.streams.into(cmd.client.extraFlags);
        Settings s = cmd.client.settings("enrich");
        Properties p = StreamsSettings.apply(EnrichTopology.config(s.kafka(), ClientOptions.topics(s)), s);
        assertEquals(3, p.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
        assertEquals(dir.resolve(EnrichTopology.DEFAULT_APPLICATION_ID).toString(),
                p.get(StreamsConfig.STATE_DIR_CONFIG));
    }

    @Test
    void sinkThreadsFlagAndDefault() {
        SinkCommand cmd = new SinkCommand();
        new CommandLine(cmd).parseArgs("--out", "x", "--threads", "4");
        cmd.streams.into(cmd.client.extraFlags);
        Settings s = cmd.client.settings("sink");
        assertEquals(4, StreamsSettings.apply(SinkTopology.config(s.kafka(), ClientOptions.topics(s)), s)
                .get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));

        SinkCommand plain = new SinkCommand();
        new CommandLine(plain).parseArgs("--out", "x");
        plain.streams.into(plain.client.extraFlags);
        Settings d = plain.client.settings("sink");
        assertEquals(Runtime.getRuntime().availableProcessors(),
                StreamsSettings.apply(SinkTopology.config(d.kafka(), ClientOptions.topics(d)), d)
                        .get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
    }
}
