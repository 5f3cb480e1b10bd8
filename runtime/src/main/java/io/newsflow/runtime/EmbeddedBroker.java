package io.newsflow.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka (KRaft, combined broker and controller) run in-process from Kafka's own server code, on
 * loopback. Internal topics use replication 1 so transactions (exactly-once) work on one node. Restarting on the
 * same data directory keeps the data and the ports.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private final KafkaRaftServer server;

    private EmbeddedBroker(Path dataDir, int port, KafkaRaftServer server) {
        this.dataDir = dataDir;
        this.port = port;
        this.server = server;
    }

    /** Starts a broker; {@code port} 0 picks a free one (kept for later restarts on this data directory). */
    public static EmbeddedBroker start(Path dataDir, int port) {
        return start(dataDir, port, Map.of());
    }

    /**
     * With {@code saslUsers} (user name to password), clients connect over SASL_PLAINTEXT with mechanism PLAIN and
     * only those users get in; the broker's own traffic stays on an internal plaintext listener.
     */
    public static EmbeddedBroker start(Path dataDir, int port, Map<String, String> saslUsers) {
        return start(dataDir, port, saslUsers, DEFAULT_TRANSACTION_VERSION);
    }

    /**
     * Transactions v1 by default: our fault run (verify-delivery, 100,000 articles) lost a committed batch with
     * transactions v2 when the broker restarted under an open transaction; see docs/reliability.md.
     */
    public static final int DEFAULT_TRANSACTION_VERSION = 1;

    /**
     * As above, formatting a new data directory with {@code transactionVersion} (1 or 2; Kafka 4's own default is
     * 2). An existing directory keeps the version it was formatted with.
     */
    public static EmbeddedBroker start(Path dataDir, int port, Map<String, String> saslUsers,
                                       int transactionVersion) {
        if (transactionVersion != 1 && transactionVersion != 2) {
            throw new IllegalArgumentException("transaction version must be 1 or 2, not " + transactionVersion);
        }
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            Properties props;
            if (Files.exists(config)) {
                props = load(config);
                if (port != 0 && port != brokerPort(props)) {
                    throw new IllegalArgumentException("data directory " + dataDir + " belongs to a broker on port "
                            + brokerPort(props) + ", not " + port);
                }
            } else {
                props = serverProperties(dataDir, port == 0 ? freePort() : port, freePort());
                if (!saslUsers.isEmpty()) {
                    addSaslListener(props, freePort(), saslUsers);
                }
                try (OutputStream out = Files.newOutputStream(config)) {
                    props.store(out, "newsflow embedded broker");
                }
                format(config, transactionVersion);
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            return new EmbeddedBroker(dataDir, brokerPort(props), server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare broker data directory " + dataDir, e);
        }
    }

    static Properties serverProperties(Path dataDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toAbsolutePath().toString());
        // Only for topics created without a count (auto-creation is off): the tests' own one-partition topics
        // (KafkaCluster), whose readers rely on one partition's order. The pipeline's topics get theirs from
        // TopicAdmin.DEFAULT_PARTITIONS (topics create, the demo).
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // No fsync per append (Kafka's own default): durability is the OS page cache, which survives a killed
        // broker process (verify-delivery's SIGKILLs), not a lost machine. A single-node broker has no replica to
        // fall back on either way; a cluster that must survive power loss replicates (README, "Throughput").
        return p;
    }

    /** Clients use a SASL_PLAINTEXT listener (the advertised one, named CLIENT); INTERNAL stays for the broker. */
    private static void addSaslListener(Properties p, int internalPort, Map<String, String> users) {
        String clientListener = p.getProperty("advertised.listeners").replace("PLAINTEXT://", "CLIENT://");
        String internal = "INTERNAL://127.0.0.1:" + internalPort;
        p.put("listeners", p.getProperty("listeners").replace("PLAINTEXT://", "CLIENT://") + "," + internal);
        p.put("advertised.listeners", clientListener + "," + internal);
        p.put("inter.broker.listener.name", "INTERNAL");
        p.put("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("sasl.enabled.mechanisms", "PLAIN");
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        users.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password)
                .append('"'));
        p.put("listener.name.client.plain.sasl.jaas.config", jaas.append(';').toString());
    }

    private static void format(Path config, int transactionVersion) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        int code = StorageTool.execute(new String[]{"format", "--standalone", "-t", Uuid.randomUuid().toString(),
            "-c", config.toString(), "--feature", "transaction.version=" + transactionVersion}, out);
        if (code != 0) {
            throw new IllegalStateException("formatting the broker storage failed: "
                    + buffer.toString(StandardCharsets.UTF_8));
        }
    }

    private static Properties load(Path config) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(config)) {
            p.load(in);
        }
        return p;
    }

    private static int brokerPort(Properties props) {
        String listener = props.getProperty("advertised.listeners").split(",")[0];
        return Integer.parseInt(listener.substring(listener.lastIndexOf(':') + 1));
    }

    /** A loopback port free at the time of asking. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker (a clean shutdown; the data stays). */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
