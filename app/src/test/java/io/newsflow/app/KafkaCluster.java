package io.newsflow.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A real single-node KRaft broker for one test class, started in-process on a free loopback port. */
public final class KafkaCluster implements BeforeAllCallback, AfterAllCallback {
    private EmbeddedBroker broker;
    private Path dir;

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            dir = Files.createTempDirectory("newsflow-test-broker-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.close();
        }
        Demo.deleteRecursively(dir);
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public Path workDir() {
        return dir;
    }

    public Map<String, Object> clientConfig() {
        return new HashMap<>(Map.of("bootstrap.servers", bootstrapServers()));
    }
}
