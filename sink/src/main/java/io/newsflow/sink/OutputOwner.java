package io.newsflow.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Which cluster and topic an output directory belongs to, kept in {@value #FILE} inside it. File names are
 * partition and first offset, which mean nothing on another cluster or another topic: a sink started there would
 * silently replace another run's files, so it is refused instead, naming both owners.
 *
 * @param clusterId the Kafka cluster id
 * @param topic     the enriched topic the files come from
 * @param topicId   that topic's id (a topic deleted and created again under the same name is another topic)
 * @param writer    who wrote it: {@code sink}, {@code demo} (throwaway runs on their own broker) or {@code replay}
 */
public record OutputOwner(String clusterId, String topic, String topicId, String writer) {
    public static final String FILE = ".newsflow-output.json";

    /** An output directory that another cluster or topic wrote. */
    public static final class ForeignDirectoryException extends RuntimeException {
        public ForeignDirectoryException(String message) {
            super(message);
        }
    }

    boolean sameSource(OutputOwner o) {
        return clusterId.equals(o.clusterId) && topic.equals(o.topic) && topicId.equals(o.topicId);
    }

    String describe() {
        return "cluster " + clusterId + ", topic " + topic + " (id " + topicId + "), by " + writer;
    }

    public static Optional<OutputOwner> read(Path out) {
        Path f = out.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode n = Json.MAPPER.readTree(Files.readString(f, StandardCharsets.UTF_8));
            return Optional.of(new OutputOwner(n.path("cluster_id").asText(), n.path("topic").asText(),
                    n.path("topic_id").asText(), n.path("writer").asText("sink")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private static void write(Path out, OutputOwner owner) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("cluster_id", owner.clusterId);
        n.put("topic", owner.topic);
        n.put("topic_id", owner.topicId);
        n.put("writer", owner.writer);
        try {
            Files.createDirectories(out);
            // Its own temporary name: sink instances sharing a new directory may claim it at the same moment.
            Path tmp = Files.createTempFile(out, FILE, ".tmp");
            Files.writeString(tmp, Json.MAPPER.writeValueAsString(n) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, out.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve(FILE), e);
        }
    }

    /**
     * Claims {@code out} for {@code me}: a new directory (or one written before owners were recorded) is claimed;
     * one of the same cluster and topic is used as it is; one of another is refused, except that a demo replaces
     * what an earlier demo, on its own throwaway broker, left there.
     */
    public static void claim(Path out, OutputOwner me) {
        Optional<OutputOwner> current = read(out);
        if (current.isPresent() && current.get().sameSource(me)) {
            return;
        }
        if (current.isPresent()) {
            OutputOwner other = current.get();
            if (me.writer.equals("demo") && other.writer.equals("demo")) {
                deleteRecursively(out.resolve("enriched"));
                deleteRecursively(out.resolve("topics"));
            } else {
                throw new ForeignDirectoryException("output directory " + out + " holds files from "
                        + other.describe() + "; this sink reads " + me.describe() + ". Their file names (partition "
                        + "and offset) would clash: use another --out directory, or delete " + out + " first");
            }
        }
        write(out, me);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
