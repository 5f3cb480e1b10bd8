package io.newsflow.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.events.Seeds;
import io.newsflow.ingest.ArticleFiles;
import io.newsflow.ingest.SourceItem;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The labels the author of each seed article assigned when writing it (seeds/README.md), against the baseline
 * classifier's: the seeds are the demo's input, so the demo's per-label counts must be right.
 */
class BaselineOnAllSeedsTest {
    static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            Map.entry("000_897a613f67fec3ac.txt", List.of("diplomacy", "military")),
            Map.entry("001_diplomacy-un-vote-stateless-children.txt", List.of("diplomacy")),
            Map.entry("002_diplomacy-chile-argentina-border-treaty.txt", List.of("diplomacy")),
            Map.entry("003_military-poland-baltic-army-exercise.txt", List.of("military")),
            Map.entry("004_military-netherlands-air-defence-order.txt", List.of("military")),
            Map.entry("005_energy-oil-prices-opec-output.txt", List.of("energy")),
            Map.entry("006_energy-texas-grid-heatwave-demand.txt", List.of("energy")),
            Map.entry("007_diplomacy-energy-italy-algeria-gas-deal.txt", List.of("diplomacy", "energy")),
            Map.entry("008_military-diplomacy-sudan-ceasefire-talks-jeddah.txt", List.of("diplomacy", "military")),
            Map.entry("009_military-energy-red-sea-tanker-escorts.txt", List.of("military", "energy")),
            Map.entry("010_sport-football-edinburgh-derby.txt", List.of()),
            Map.entry("011_science-exoplanet-water-vapour-webb.txt", List.of()),
            Map.entry("012_business-retailer-quarterly-earnings.txt", List.of()),
            Map.entry("013_es-festival-teatro-clasico-almagro.txt", List.of()));

    static List<String> files() {
        return EXPECTED.keySet().stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("files")
    void baselineLabelsMatchTheAuthorsLabels(String file) throws Exception {
        String text = Files.readString(Seeds.dir().resolve(file));
        var article = ((SourceItem.Parsed) ArticleFiles.fromText(file, text, Instant.EPOCH)).article();
        var enriched = Enricher.standard(Clock.systemUTC()).enrich(article);
        assertEquals(EXPECTED.get(file), enriched.labels(), () -> file + " " + enriched.topics());
    }
}
