package io.newsflow.enrich.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped taxonomy loads, and every rule a taxonomy file can break is refused with the file and the label. */
class TaxonomyTest {
    static String label(String id, String extra) {
        return "{" + (id == null ? "" : "\"id\": \"" + id + "\", ") + "\"threshold\": 0.5, "
                + "\"terms\": {\"oil\": 2}" + extra + "}";
    }

    static String taxonomy(String... labels) {
        return "{\"version\": \"t-1\", \"labels\": [" + String.join(",", labels) + "]}";
    }

    @Test
    void shippedTaxonomyDefinesTheThreeLabelsWithTheirIptcCodes() {
        Taxonomy t = Taxonomy.loadDefault();
        assertEquals(List.of("diplomacy", "military", "energy"), t.labelIds());
        assertEquals(List.of("medtop:20000638", "medtop:20000639"), t.labels().get(0).iptc());
        assertEquals(List.of("medtop:16000000", "medtop:20000056", "medtop:20000598"), t.labels().get(1).iptc());
        assertEquals(List.of("medtop:20000256"), t.labels().get(2).iptc());
        for (Taxonomy.Label l : t.labels()) {
            assertTrue(!l.terms().isEmpty() && !l.entityCues().isEmpty() && !l.negativeCues().isEmpty(), l.id());
        }
    }

    @Test
    void minimalLabelGetsDefaults() {
        Taxonomy t = Taxonomy.parse(taxonomy(label("economy", "")), "mem.json");
        Taxonomy.Label l = t.labels().get(0);
        assertEquals("economy", l.name());
        assertEquals(Taxonomy.Scoring.DEFAULTS, t.scoring());
        assertEquals(0.5, l.threshold());
    }

    @Test
    void fileIsNamedAndReadFromDisk(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("tax.json");
        Files.writeString(f, taxonomy(label("narcotics", "")));
        assertEquals(List.of("narcotics"), Taxonomy.load(f).labelIds());
        var e = assertThrows(Taxonomy.InvalidTaxonomyException.class, () -> Taxonomy.load(dir.resolve("none.json")));
        assertTrue(e.getMessage().contains("none.json") && e.getMessage().contains("cannot read"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing id | {\"threshold\": 0.5, \"terms\": {\"oil\": 2}} | labels[0]: missing id",
        "threshold above range | {\"id\": \"x\", \"threshold\": 1.5, \"terms\": {\"oil\": 2}} | label 'x': threshold 1.5 out of range",
        "threshold zero | {\"id\": \"x\", \"threshold\": 0, \"terms\": {\"oil\": 2}} | label 'x': threshold 0.0 out of range",
        "missing threshold | {\"id\": \"x\", \"terms\": {\"oil\": 2}} | label 'x': missing threshold",
        "empty terms | {\"id\": \"x\", \"threshold\": 0.5, \"terms\": {}} | label 'x': empty cue list 'terms'",
        "no terms | {\"id\": \"x\", \"threshold\": 0.5} | label 'x': empty cue list 'terms'",
        "empty negative cues | " + "{\"id\": \"x\", \"threshold\": 0.5, \"terms\": {\"oil\": 2}, \"negative_cues\": {}} | label 'x': empty cue list 'negative_cues'",
        "empty entity cues | {\"id\": \"x\", \"threshold\": 0.5, \"terms\": {\"oil\": 2}, \"entity_cues\": []} | label 'x': empty cue list 'entity_cues'",
        "empty entity names | {\"id\": \"x\", \"threshold\": 0.5, \"terms\": {\"oil\": 2}, \"entity_cues\": [{\"names\": [], \"weight\": 1}]} | empty cue list 'names'",
        "bad entity type | {\"id\": \"x\", \"threshold\": 0.5, \"terms\": {\"oil\": 2}, \"entity_cues\": [{\"type\": \"PLANET\", \"names\": [\"a\"], \"weight\": 1}]} | unknown entity type 'PLANET'",
        "bad label id | {\"id\": \"Oil Topics\", \"threshold\": 0.5, \"terms\": {\"oil\": 2}} | label 'Oil Topics': id must match",
        "negative weight | {\"id\": \"x\", \"threshold\": 0.5, \"terms\": {\"oil\": -2}} | terms 'oil': weight -2.0",
        "bad iptc | {\"id\": \"x\", \"threshold\": 0.5, \"iptc\": [\"20000638\"], \"terms\": {\"oil\": 2}} | IPTC code '20000638'",
        "typo in a field | {\"id\": \"x\", \"treshold\": 0.5, \"terms\": {\"oil\": 2}} | unknown field 'treshold'",
    })
    void badLabelIsRefusedWithFileLabelAndRule(String why, String label, String message) {
        var e = assertThrows(Taxonomy.InvalidTaxonomyException.class,
                () -> Taxonomy.parse(taxonomy(label), "my-taxonomy.json"));
        assertTrue(e.getMessage().startsWith("taxonomy my-taxonomy.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(message.strip()), () -> why + ": " + e.getMessage());
    }

    @Test
    void duplicateIdIsRefused() {
        var e = assertThrows(Taxonomy.InvalidTaxonomyException.class,
                () -> Taxonomy.parse(taxonomy(label("energy", ""), label("energy", "")), "t.json"));
        assertTrue(e.getMessage().contains("label 'energy' (labels[1]): duplicate id"), e.getMessage());
    }

    @Test
    void duplicateTermIsRefused() {
        var e = assertThrows(Taxonomy.InvalidTaxonomyException.class, () -> Taxonomy.parse(
                taxonomy("{\"id\": \"x\", \"threshold\": 0.5, \"terms\": {\"oil\": 2, \"oil\": 3}}"), "t.json"));
        assertTrue(e.getMessage().contains("t.json") && e.getMessage().contains("oil"), e.getMessage());
    }

    @Test
    void noLabelsAndBrokenJsonAreRefused() {
        assertTrue(assertThrows(Taxonomy.InvalidTaxonomyException.class,
                () -> Taxonomy.parse(taxonomy(), "t.json")).getMessage().contains("no labels"));
        assertTrue(assertThrows(Taxonomy.InvalidTaxonomyException.class,
                () -> Taxonomy.parse("{\"labels\": [", "t.json")).getMessage().contains("not valid JSON"));
    }
}
