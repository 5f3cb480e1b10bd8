package io.newsflow.enrich.topics;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.newsflow.events.EntityType;
import io.newsflow.events.EventValidation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The topic taxonomy: every label with its IPTC codes, weighted terms, entity cues, negative cues, calibration and
 * threshold, read from one JSON file. The file is the only place a label is defined, and a file that breaks a rule
 * is refused on load with the file, the label and the rule in the message.
 */
public record Taxonomy(String version, Scoring scoring, List<Label> labels, String source) {
    /** The taxonomy shipped with newsflow. */
    public static final String DEFAULT_RESOURCE = "topics/taxonomy.json";

    private static final Pattern IPTC = Pattern.compile("medtop:[0-9]{8}");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    /**
     * How evidence is weighed, shared by every label: position weights, the decay of repeated terms, the length
     * normalisation and the paragraph rule ("substantially reports" means a paragraph or more).
     */
    public record Scoring(double titleWeight, double captionWeight, double leadWeight, int leadWords,
                          double repeatDecay, int lengthRefWords, double lengthExponent, double paragraphMin,
                          double paragraphBonus, int paragraphCap, int evidenceMax) {
        public static final Scoring DEFAULTS = new Scoring(3.0, 1.5, 1.5, 60, 0.5, 400, 0.5, 2.0, 0.5, 4, 8);
    }

    /** A logistic map from the raw evidence score to [0,1]: 0.5 at {@code midpoint}, steeper with {@code slope}. */
    public record Calibration(double midpoint, double slope) {
        public double apply(double raw) {
            return 1.0 / (1.0 + Math.exp(-slope * (raw - midpoint)));
        }
    }

    /** An entity the extractor found that speaks for the label: by type, by name, or by how many distinct ones. */
    public record EntityCue(EntityType type, List<String> names, Integer minDistinct, double weight) {
    }

    /**
     * One label of the taxonomy. {@code threshold} applies to the term scorer's calibrated score;
     * {@code learnedThreshold}, when set, overrides the threshold a trained model carries for this label.
     */
    public record Label(String id, String name, String description, List<String> iptc, double threshold,
                        Calibration calibration, Map<String, Double> terms, List<EntityCue> entityCues,
                        Map<String, Double> negativeCues, Double learnedThreshold) {
    }

    /** The taxonomy shipped in the jar ({@value #DEFAULT_RESOURCE}). */
    public static Taxonomy loadDefault() {
        try (InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new InvalidTaxonomyException("taxonomy " + DEFAULT_RESOURCE + ": resource missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new InvalidTaxonomyException("taxonomy " + DEFAULT_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The file given, or the shipped taxonomy when {@code file} is null. */
    public static Taxonomy load(Path file) {
        if (file == null) {
            return loadDefault();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidTaxonomyException("taxonomy " + file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses and validates; {@code source} names the file in error messages. */
    public static Taxonomy parse(String json, String source) {
        Raw raw;
        try {
            raw = MAPPER.readValue(json, Raw.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidTaxonomyException("taxonomy " + source + ": unknown field '" + e.getPropertyName()
                    + "' at " + path(e) + " (known: " + e.getKnownPropertyIds() + ")", e);
        } catch (JsonProcessingException e) {
            throw new InvalidTaxonomyException("taxonomy " + source + ": not valid JSON for a taxonomy: "
                    + e.getOriginalMessage() + " at line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()), e);
        }
        if (raw == null) {
            throw new InvalidTaxonomyException("taxonomy " + source + ": empty file");
        }
        return raw.validate(source);
    }

    private static String path(JsonProcessingException e) {
        StringBuilder b = new StringBuilder();
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
            for (var ref : m.getPath()) {
                b.append(ref.getFieldName() != null ? "/" + ref.getFieldName() : "/" + ref.getIndex());
            }
        }
        return b.length() == 0 ? "top level" : b.toString();
    }

    public List<String> labelIds() {
        return labels.stream().map(Label::id).toList();
    }

    /** The file as written by a person, before validation. */
    record Raw(String version, RawScoring scoring, List<RawLabel> labels) {
        Taxonomy validate(String source) {
            String where = "taxonomy " + source + ": ";
            if (labels == null || labels.isEmpty()) {
                throw new InvalidTaxonomyException(where + "no labels: 'labels' must list at least one label");
            }
            Set<String> seen = new HashSet<>();
            List<Label> out = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                RawLabel l = labels.get(i);
                if (l == null) {
                    throw new InvalidTaxonomyException(where + "labels[" + i + "] is null");
                }
                Label label = l.validate(where, i);
                if (!seen.add(label.id())) {
                    throw new InvalidTaxonomyException(where + "label '" + label.id() + "' (labels[" + i
                            + "]): duplicate id, each label must be defined once");
                }
                out.add(label);
            }
            Scoring s = scoring == null ? Scoring.DEFAULTS : scoring.validate(where);
            return new Taxonomy(version == null || version.isBlank() ? "taxonomy" : version, s, List.copyOf(out),
                    source);
        }
    }

    record RawScoring(Double titleWeight, Double captionWeight, Double leadWeight, Integer leadWords,
                      Double repeatDecay, Integer lengthRefWords, Double lengthExponent, Double paragraphMin,
                      Double paragraphBonus, Integer paragraphCap, Integer evidenceMax) {
        Scoring validate(String where) {
            Scoring d = Scoring.DEFAULTS;
            Scoring s = new Scoring(or(titleWeight, d.titleWeight()), or(captionWeight, d.captionWeight()),
                    or(leadWeight, d.leadWeight()), or(leadWords, d.leadWords()), or(repeatDecay, d.repeatDecay()),
                    or(lengthRefWords, d.lengthRefWords()), or(lengthExponent, d.lengthExponent()),
                    or(paragraphMin, d.paragraphMin()), or(paragraphBonus, d.paragraphBonus()),
                    or(paragraphCap, d.paragraphCap()), or(evidenceMax, d.evidenceMax()));
            for (double v : new double[]{s.titleWeight(), s.captionWeight(), s.leadWeight(), s.repeatDecay(),
                s.lengthExponent(), s.paragraphMin(), s.paragraphBonus()}) {
                if (!Double.isFinite(v) || v < 0) {
                    throw new InvalidTaxonomyException(where + "scoring: weights must be finite and >= 0");
                }
            }
            if (s.leadWords() < 0 || s.lengthRefWords() <= 0 || s.paragraphCap() < 0 || s.evidenceMax() <= 0) {
                throw new InvalidTaxonomyException(where + "scoring: lead_words, paragraph_cap >= 0; "
                        + "length_ref_words, evidence_max > 0");
            }
            return s;
        }

        private static <T> T or(T v, T d) {
            return v == null ? d : v;
        }
    }

    record RawCalibration(Double midpoint, Double slope) {
    }

    record RawEntityCue(String type, List<String> names, Integer minDistinct, Double weight) {
    }

    record RawLabel(String id, String name, String description, List<String> iptc, Double threshold,
                    RawCalibration calibration, LinkedHashMap<String, Double> terms,
                    List<RawEntityCue> entityCues, LinkedHashMap<String, Double> negativeCues,
                    Double learnedThreshold) {
        Label validate(String file, int index) {
            if (id == null || id.isBlank()) {
                throw new InvalidTaxonomyException(file + "labels[" + index + "]: missing id");
            }
            String where = file + "label '" + id + "': ";
            if (!EventValidation.LABEL.matcher(id).matches()) {
                throw new InvalidTaxonomyException(where + "id must match " + EventValidation.LABEL.pattern()
                        + " (it becomes a topic name and a directory)");
            }
            if (threshold == null) {
                throw new InvalidTaxonomyException(where + "missing threshold");
            }
            if (!(threshold > 0 && threshold < 1)) {
                throw new InvalidTaxonomyException(where + "threshold " + threshold + " out of range: must be in (0,1)");
            }
            if (learnedThreshold != null && !(learnedThreshold > 0 && learnedThreshold < 1)) {
                throw new InvalidTaxonomyException(where + "learned_threshold " + learnedThreshold
                        + " out of range: must be in (0,1)");
            }
            Calibration cal = calibration == null ? new Calibration(4.0, 1.0)
                    : new Calibration(calibration.midpoint() == null ? 4.0 : calibration.midpoint(),
                    calibration.slope() == null ? 1.0 : calibration.slope());
            if (!Double.isFinite(cal.midpoint()) || !(cal.slope() > 0) || !Double.isFinite(cal.slope())) {
                throw new InvalidTaxonomyException(where + "calibration needs a finite midpoint and a slope > 0");
            }
            for (String code : iptc == null ? List.<String>of() : iptc) {
                if (code == null || !IPTC.matcher(code).matches()) {
                    throw new InvalidTaxonomyException(where + "IPTC code '" + code
                            + "' must look like medtop:20000638");
                }
            }
            if (terms == null || terms.isEmpty()) {
                throw new InvalidTaxonomyException(where + "empty cue list 'terms': a label needs at least one term");
            }
            Map<String, Double> t = weights(where, "terms", terms, false);
            Map<String, Double> neg = negativeCues == null ? Map.of() : weights(where, "negative_cues", negativeCues, true);
            if (negativeCues != null && negativeCues.isEmpty()) {
                throw new InvalidTaxonomyException(where + "empty cue list 'negative_cues': leave it out instead");
            }
            List<EntityCue> cues = new ArrayList<>();
            if (entityCues != null) {
                if (entityCues.isEmpty()) {
                    throw new InvalidTaxonomyException(where + "empty cue list 'entity_cues': leave it out instead");
                }
                for (int i = 0; i < entityCues.size(); i++) {
                    cues.add(entityCue(where + "entity_cues[" + i + "]: ", entityCues.get(i)));
                }
            }
            return new Label(id, name == null || name.isBlank() ? id : name, description == null ? "" : description,
                    iptc == null ? List.of() : List.copyOf(iptc), threshold, cal, t, List.copyOf(cues), neg,
                    learnedThreshold);
        }

        private static Map<String, Double> weights(String where, String list, Map<String, Double> in,
                                                   boolean zeroAllowed) {
            Map<String, Double> out = new LinkedHashMap<>();
            for (Map.Entry<String, Double> e : in.entrySet()) {
                String phrase = e.getKey().strip().toLowerCase(Locale.ROOT);
                Double w = e.getValue();
                if (phrase.isEmpty() || phrase.equals("*") || phrase.equals("=")) {
                    throw new InvalidTaxonomyException(where + list + ": empty phrase");
                }
                if (w == null || !Double.isFinite(w) || w < 0 || (w == 0 && !zeroAllowed)) {
                    throw new InvalidTaxonomyException(where + list + " '" + e.getKey() + "': weight " + w
                            + " must be a finite number " + (zeroAllowed ? ">= 0" : "> 0"));
                }
                if (out.put(phrase, w) != null) {
                    throw new InvalidTaxonomyException(where + list + " '" + e.getKey() + "': listed twice");
                }
            }
            return out;
        }

        private static EntityCue entityCue(String where, RawEntityCue c) {
            if (c == null) {
                throw new InvalidTaxonomyException(where + "null");
            }
            EntityType type = null;
            if (c.type() != null) {
                try {
                    type = EntityType.valueOf(c.type().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new InvalidTaxonomyException(where + "unknown entity type '" + c.type() + "'");
                }
            }
            if (c.weight() == null || !Double.isFinite(c.weight()) || c.weight() <= 0) {
                throw new InvalidTaxonomyException(where + "weight must be a finite number > 0");
            }
            if (c.names() != null && c.names().isEmpty()) {
                throw new InvalidTaxonomyException(where + "empty cue list 'names'");
            }
            if ((c.names() == null) == (c.minDistinct() == null)) {
                throw new InvalidTaxonomyException(where + "give either 'names' or 'min_distinct' (with a type)");
            }
            if (c.minDistinct() != null && (c.minDistinct() < 1 || type == null)) {
                throw new InvalidTaxonomyException(where + "min_distinct must be >= 1 and needs a type");
            }
            List<String> names = c.names() == null ? List.of()
                    : c.names().stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
            if (names.stream().anyMatch(String::isEmpty)) {
                throw new InvalidTaxonomyException(where + "empty name");
            }
            return new EntityCue(type, names, c.minDistinct(), c.weight());
        }
    }

    /** A taxonomy file that cannot be used; the message names the file, the label and the rule. */
    public static final class InvalidTaxonomyException extends RuntimeException {
        public InvalidTaxonomyException(String message) {
            super(message);
        }

        public InvalidTaxonomyException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
