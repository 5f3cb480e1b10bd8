package io.newsflow.runtime.config;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stream threads and state directory of enrich and the sink router, from {@value NewsflowConfig#THREADS} and
 * {@value NewsflowConfig#STATE_DIR}. A {@code num.stream.threads} or {@code state.dir} client property (plain or
 * stage-prefixed) wins; the stage logs at start which value it uses and where it came from.
 */
public final class StreamsSettings {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsSettings.class);

    private StreamsSettings() {
    }

    /** The threads to run: the setting, or the number of cores for 0. */
    public static int threads(Settings s) {
        int n = s.getInt(NewsflowConfig.THREADS);
        return n > 0 ? n : Runtime.getRuntime().availableProcessors();
    }

    /** The root of the state directories, a leading {@code ~/} being the user's home directory. */
    public static Path stateRoot(Settings s) {
        String dir = s.get(NewsflowConfig.STATE_DIR);
        if (dir.equals("~") || dir.startsWith("~/")) {
            dir = System.getProperty("user.home") + dir.substring(1);
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /**
     * {@code config} (a stage's Streams settings, the user's client properties applied) with this stage's threads
     * and its own state directory, {@code <root>/<application.id>}, where the user set none.
     */
    public static Properties apply(Properties config, Settings s) {
        Properties out = new Properties();
        out.putAll(config);
        String app = String.valueOf(config.get(StreamsConfig.APPLICATION_ID_CONFIG));
        if (config.containsKey(StreamsConfig.NUM_STREAM_THREADS_CONFIG)) {
            LOG.info("{}: {} stream threads (client property {}; {} ignored)", app,
                    config.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG), StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                    NewsflowConfig.THREADS);
        } else {
            out.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads(s));
            LOG.info("{}: {} stream threads ({} from {}{})", app, threads(s), NewsflowConfig.THREADS,
                    s.origin(NewsflowConfig.THREADS), s.getInt(NewsflowConfig.THREADS) == 0 ? ": the cores" : "");
        }
        if (config.containsKey(StreamsConfig.STATE_DIR_CONFIG)) {
            LOG.info("{}: state directory {} (client property {}; {} ignored)", app,
                    config.get(StreamsConfig.STATE_DIR_CONFIG), StreamsConfig.STATE_DIR_CONFIG,
                    NewsflowConfig.STATE_DIR);
        } else {
            Path dir = stateRoot(s).resolve(app);
            out.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
            LOG.info("{}: state directory {} ({} from {}, per application id)", app, dir, NewsflowConfig.STATE_DIR,
                    s.origin(NewsflowConfig.STATE_DIR));
        }
        return out;
    }
}
