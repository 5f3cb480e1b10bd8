package io.newsflow.tools.linking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.enrich.linking.KbEntry;
import io.newsflow.enrich.linking.KnowledgeBase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Builds the knowledge base from ../shared/data/gazetteer the way {@code newsflow build-gazetteer} does. */
class KnowledgeBaseBuilderTest {
    private static final Path DATA = Path.of("..", "..", "shared", "data", "gazetteer");
    private static final Path HAND = Path.of("..", "enrich", "src", "kb");
    private static byte[] built;
    private static KnowledgeBase kb;

    @BeforeAll
    static void build() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(DATA),
                "skipped: the open data is not at " + DATA.toAbsolutePath() + " (../shared beside the checkout)");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KnowledgeBaseBuilder.write(new KnowledgeBaseBuilder(DATA, HAND, System.out).build(), out);
        built = out.toByteArray();
        kb = KnowledgeBase.read(new GZIPInputStream(new ByteArrayInputStream(built)));
    }

    private static KbEntry only(String name, KbEntry.Kind kind) {
        List<KbEntry> found = kb.lookup(name).stream().filter(e -> e.kind() == kind).toList();
        assertEquals(1, found.size(), name + " as " + kind + ": " + found);
        return found.get(0);
    }

    @Test
    void theShippedFileIsWhatTheBuildGives() throws Exception {
        try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(
                KnowledgeBase.DEFAULT_RESOURCE)) {
            assertArrayEquals(new GZIPInputStream(new ByteArrayInputStream(built)).readAllBytes(),
                    new GZIPInputStream(in).readAllBytes(),
                    "the shipped knowledge base is stale: run newsflow build-gazetteer");
        }
    }

    @Test
    void countriesRegionsAndCitiesCarryTheirFacts() {
        KbEntry us = only("U.S.", KbEntry.Kind.COUNTRY);
        assertEquals("Q30", us.wikidata());
        assertEquals("US", us.country());
        assertEquals("Q55", only("Netherlands", KbEntry.Kind.COUNTRY).wikidata(), "the country, not the Kingdom");
        KbEntry georgiaState = only("Georgia", KbEntry.Kind.REGION);
        assertEquals("GA", georgiaState.admin1());
        assertEquals("Q1428", georgiaState.wikidata());
        assertEquals("Q230", only("Georgia", KbEntry.Kind.COUNTRY).wikidata());
        assertTrue(kb.lookup("TX").stream().anyMatch(e -> "Q1439".equals(e.wikidata())));
        KbEntry cologne = only("Cologne", KbEntry.Kind.CITY); // an English name GeoNames keeps as an alternate
        assertEquals("DE", cologne.country());
        assertEquals(50.9, cologne.lat(), 0.1);
        KbEntry ontario = only("Ontario", KbEntry.Kind.REGION);
        assertEquals("CA", ontario.country());
        assertTrue(ontario.lat() > 42 && ontario.lat() < 50, "Ontario's centre is in Ontario: " + ontario.lat());
    }

    @Test
    void leadersOrganisationsAndOutlets() {
        KbEntry erdogan = only("Recep Tayyip Erdoğan", KbEntry.Kind.PERSON);
        assertEquals("Q39259", erdogan.wikidata());
        assertEquals("TR", erdogan.country());
        assertTrue(erdogan.titles().contains("President"));
        // A Portuguese regnal label ("Carlos III do Reino Unido") is never a name to match.
        assertTrue(kb.lookup("Carlos III do Reino Unido").isEmpty());
        assertEquals("Q7184", only("NATO", KbEntry.Kind.ORGANIZATION).wikidata());
        assertEquals("Q130879", only("Reuters", KbEntry.Kind.ORGANIZATION).wikidata());
        assertEquals("QA", only("Al Jazeera", KbEntry.Kind.ORGANIZATION).country());
    }
}
