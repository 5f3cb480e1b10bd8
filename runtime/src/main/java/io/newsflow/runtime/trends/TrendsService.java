package io.newsflow.runtime.trends;

import io.newsflow.events.StageMeters;
import io.newsflow.events.Topics;
import io.newsflow.runtime.Lifecycle;
import io.newsflow.runtime.StreamsService;
import io.newsflow.runtime.http.HttpEndpoint;
import io.newsflow.trends.TrendsTopology;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The trends stage as it runs: its Streams client and the HTTP endpoint serving its queries, started together and
 * stopped together. The endpoint binds first, so the address the other instances forward to
 * ({@code application.server}) is the one actually bound, also with port 0.
 */
public final class TrendsService implements Lifecycle.Service {
    private final HttpEndpoint http;
    private final boolean ownsHttp;
    private final StreamsService streams;
    private final HostInfo self;

    /**
     * {@code config}: the stage's Streams settings ({@link TrendsTopology#config}, threads and state directory
     * applied). {@code httpAddress}: "HOST:PORT" to serve on; an {@code application.server} in {@code config} wins
     * as the address advertised to the other instances.
     */
    public TrendsService(Properties config, Topics topics, TrendsTopology.Options options, String httpAddress) {
        this(config, topics, options, httpAddress, HttpEndpoint.start(httpAddress), true, StageMeters.NONE);
    }

    /**
     * As above, on an endpoint the process already serves (the demo's, or a stage's health and metrics one) and
     * which stays open when this service closes; {@code httpAddress} is the address it was started on.
     */
    public static TrendsService on(HttpEndpoint endpoint, String httpAddress, Properties config, Topics topics,
                                   TrendsTopology.Options options, StageMeters meters) {
        return new TrendsService(config, topics, options, httpAddress, endpoint, false, meters);
    }

    private TrendsService(Properties config, Topics topics, TrendsTopology.Options options, String httpAddress,
                          HttpEndpoint http, boolean ownsHttp, StageMeters meters) {
        this.http = http;
        this.ownsHttp = ownsHttp;
        try {
            Properties p = new Properties();
            p.putAll(config);
            p.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, advertised(httpAddress, http.port()));
            this.self = HostInfo.buildFromEndpoint(String.valueOf(p.get(StreamsConfig.APPLICATION_SERVER_CONFIG)));
            this.streams = new StreamsService("trends", TrendsTopology.build(topics, options, meters), p);
            new TrendsApi(streams.kafkaStreams(), self, TrendsApi.DEFAULT_TIMEOUT).register(http);
        } catch (RuntimeException e) {
            if (ownsHttp) {
                http.close();
            }
            throw e;
        }
    }

    /**
     * The bound address as other instances reach it: the host given, or this machine's name when the endpoint
     * listens on every interface (":8081", "0.0.0.0:8081").
     */
    static String advertised(String httpAddress, int boundPort) {
        InetSocketAddress a = HttpEndpoint.parse(httpAddress);
        String host = a.getHostString();
        if (a.getAddress() != null && a.getAddress().isAnyLocalAddress() || host.isEmpty()) {
            try {
                host = InetAddress.getLocalHost().getCanonicalHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        return host + ":" + boundPort;
    }

    @Override
    public void start(Duration timeout) throws InterruptedException {
        streams.start(timeout);
    }

    @Override
    public Throwable awaitStop() throws InterruptedException {
        return streams.awaitStop();
    }

    /** The address the other instances forward to. */
    public HostInfo self() {
        return self;
    }

    /** A URL of this instance's endpoint, e.g. {@code url("/api/trends")}. */
    public String url(String path) {
        return http.url(path);
    }

    public KafkaStreams streams() {
        return streams.kafkaStreams();
    }

    /** The Streams service, for the stage's health and metrics. */
    public StreamsService service() {
        return streams;
    }

    @Override
    public void close() {
        if (ownsHttp) {
            http.close();
        }
        streams.close();
    }
}
