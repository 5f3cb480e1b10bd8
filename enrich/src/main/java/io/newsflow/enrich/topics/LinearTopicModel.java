package io.newsflow.enrich.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.events.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained topic model: one calibrated logistic regression per label over {@link TopicFeatures}, with the feature
 * settings it was trained under. Stored as gzipped text, a JSON header line then one {@code feature<TAB>weight…}
 * line per feature, so a model file can be read, diffed and versioned; immutable and thread-safe once loaded.
 */
public final class LinearTopicModel {
    /** The file format this code reads and writes. */
    public static final String FORMAT = "newsflow-topic-model/1";
    /** The model shipped in the jar. */
    public static final String DEFAULT_RESOURCE = "topics/topic-model.tsv.gz";

    /**
     * One label's model: {@code p = 1 / (1 + exp(-(plattA * margin + plattB)))} with {@code margin = bias + w·x};
     * the label applies when p reaches {@code threshold} (chosen by cross-validation at training time).
     */
    public record LabelModel(String label, double bias, double plattA, double plattB, double threshold) {
        public double probability(double margin) {
            return 1.0 / (1.0 + Math.exp(-(plattA * margin + plattB)));
        }
    }

    private final String version;
    private final TopicFeatures.Config config;
    private final List<LabelModel> labels;
    private final Map<String, float[]> weights;
    private final ObjectNode info;

    public LinearTopicModel(String version, TopicFeatures.Config config, List<LabelModel> labels,
                            Map<String, float[]> weights, ObjectNode info) {
        this.version = version;
        this.config = config;
        this.labels = List.copyOf(labels);
        this.weights = Collections.unmodifiableMap(new HashMap<>(weights));
        this.info = info == null ? Json.MAPPER.createObjectNode() : info;
        for (Map.Entry<String, float[]> e : weights.entrySet()) {
            if (e.getValue().length != labels.size()) {
                throw new IllegalArgumentException("feature " + e.getKey() + " has " + e.getValue().length
                        + " weights for " + labels.size() + " labels");
            }
        }
    }

    public String version() {
        return version;
    }

    public TopicFeatures.Config config() {
        return config;
    }

    public List<LabelModel> labels() {
        return labels;
    }

    /** Index of {@code label} in {@link #labels()}, -1 when this model has none for it. */
    public int indexOf(String label) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).label().equals(label)) {
                return i;
            }
        }
        return -1;
    }

    /** The weights of a feature, one per label, or null when the model does not know it. */
    public float[] weights(String feature) {
        return weights.get(feature);
    }

    public int featureCount() {
        return weights.size();
    }

    /** What training recorded (data, settings, cross-validated figures); informative only. */
    public JsonNode info() {
        return info;
    }

    /** The shipped model, or null when the jar carries none. */
    public static LinearTopicModel loadDefault() {
        try (InputStream in = LinearTopicModel.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            return in == null ? null : read(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new InvalidModelException("topic model " + DEFAULT_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static LinearTopicModel load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new InvalidModelException("topic model " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a gzipped model; a file that breaks the format fails with its name and line. */
    public static LinearTopicModel read(InputStream raw, String source) throws IOException {
        BufferedReader r;
        try {
            r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidModelException("topic model " + source + ": not a gzipped model file: "
                    + e.getMessage(), e);
        }
        String header = r.readLine();
        JsonNode h;
        try {
            h = header == null ? null : Json.MAPPER.readTree(header);
        } catch (IOException e) {
            throw new InvalidModelException("topic model " + source + ":1: header is not JSON", e);
        }
        if (h == null || !FORMAT.equals(h.path("format").asText())) {
            throw new InvalidModelException("topic model " + source + ":1: expected format " + FORMAT + ", found "
                    + (h == null ? "an empty file" : "'" + h.path("format").asText() + "'"));
        }
        TopicFeatures.Config config;
        try {
            config = TopicFeatures.Config.decode(h.path("features").asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidModelException("topic model " + source + ":1: " + e.getMessage(), e);
        }
        List<LabelModel> labels = new ArrayList<>();
        for (JsonNode l : h.path("labels")) {
            labels.add(new LabelModel(l.path("label").asText(), l.path("bias").asDouble(),
                    l.path("platt_a").asDouble(1), l.path("platt_b").asDouble(0), l.path("threshold").asDouble(0.5)));
        }
        if (labels.isEmpty()) {
            throw new InvalidModelException("topic model " + source + ":1: no labels");
        }
        Map<String, float[]> weights = new HashMap<>();
        String line;
        int n = 1;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length != labels.size() + 1) {
                throw new InvalidModelException("topic model " + source + ":" + n + ": expected a feature and "
                        + labels.size() + " weights, found " + parts.length + " fields");
            }
            float[] w = new float[labels.size()];
            try {
                for (int i = 0; i < w.length; i++) {
                    w[i] = Float.parseFloat(parts[i + 1]);
                }
            } catch (NumberFormatException e) {
                throw new InvalidModelException("topic model " + source + ":" + n + ": bad weight: "
                        + e.getMessage(), e);
            }
            weights.put(parts[0], w);
        }
        ObjectNode info = h.has("info") && h.get("info").isObject() ? (ObjectNode) h.get("info") : null;
        return new LinearTopicModel(h.path("version").asText("topics"), config, labels, weights, info);
    }

    /** Writes the model; features sorted, so the same model always gives the same bytes. */
    public void write(OutputStream out) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(out);
        Writer w = new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8));
        ObjectNode h = Json.MAPPER.createObjectNode();
        h.put("format", FORMAT);
        h.put("version", version);
        h.put("features", config.encode());
        ArrayNode ls = h.putArray("labels");
        for (LabelModel l : labels) {
            ObjectNode o = ls.addObject();
            o.put("label", l.label());
            o.put("bias", l.bias());
            o.put("platt_a", l.plattA());
            o.put("platt_b", l.plattB());
            o.put("threshold", l.threshold());
        }
        h.set("info", info);
        w.write(Json.MAPPER.writeValueAsString(h));
        w.write('\n');
        for (Map.Entry<String, float[]> e : new TreeMap<>(weights).entrySet()) {
            StringBuilder b = new StringBuilder(e.getKey());
            for (float f : e.getValue()) {
                b.append('\t').append(f);
            }
            w.write(b.append('\n').toString());
        }
        w.flush();
        gz.finish();
        out.flush();
    }

    public void save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
        }
    }

    /** A model file that cannot be used; the message names the file and the rule it breaks. */
    public static final class InvalidModelException extends RuntimeException {
        public InvalidModelException(String message) {
            super(message);
        }

        public InvalidModelException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
