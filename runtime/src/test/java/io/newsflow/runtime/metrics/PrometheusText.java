package io.newsflow.runtime.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small reader of the Prometheus text format (0.0.4) for tests: each sample's name, labels and value, and the
 * families declared by {@code # TYPE}. Strict enough to fail on a malformed line.
 */
public final class PrometheusText {
    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)( \\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    private final List<Sample> samples = new ArrayList<>();
    private final TreeSet<String> families = new TreeSet<>();

    public PrometheusText(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                families.add(line.split(" ")[2]);
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a Prometheus sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                int at = 0;
                while (l.find() && l.start() == at) {
                    labels.put(l.group(1), l.group(2).replace("\\\"", "\"").replace("\\n", "\n")
                            .replace("\\\\", "\\"));
                    at = l.end();
                }
                if (at != m.group(3).length()) {
                    throw new IllegalArgumentException("bad labels in: " + line);
                }
            }
            samples.add(new Sample(m.group(1), labels, parseValue(m.group(4))));
        }
    }

    private static double parseValue(String s) {
        return switch (s) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(s);
        };
    }

    public List<Sample> samples() {
        return samples;
    }

    public TreeSet<String> families() {
        return families;
    }

    /** The value of the one sample with this name and (at least) these labels; NaN when there is none. */
    public double value(String name, Map<String, String> labels) {
        List<Sample> found = samples.stream().filter(s -> s.name().equals(name)
                && s.labels().entrySet().containsAll(labels.entrySet())).toList();
        if (found.size() > 1) {
            throw new IllegalArgumentException(found.size() + " samples match " + name + labels + ": " + found);
        }
        return found.isEmpty() ? Double.NaN : found.get(0).value();
    }

    /** The samples of this name with this label, by that label's value. */
    public Map<String, Double> byLabel(String name, String label, Map<String, String> filter) {
        Map<String, Double> out = new LinkedHashMap<>();
        samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(filter.entrySet()))
                .forEach(s -> out.put(s.labels().get(label), s.value()));
        return out;
    }
}
