package io.newsflow.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Cluster look-up with its case fallbacks, and the path-prefix features it gives the tagger. */
class BrownClustersTest {
    // Hand-made clusters: two city clusters that share the prefix 0010, verbs far away, and an all-caps cluster.
    static final String LINES = """
            00100\tOslo Lima Quito
            00101\tHanoi
            0011\toslo
            110110\tsaid told
            111\tOSLO
            """;

    static BrownClusters clusters() throws Exception {
        return BrownClusters.read("", new StringReader(LINES));
    }

    @Test
    void readsEveryWordIntoItsCluster() throws Exception {
        BrownClusters c = clusters();
        assertEquals(8, c.size());
        assertEquals("00100", c.path(c.exact("Lima")));
        assertEquals(c.exact("Oslo"), c.exact("Quito"));
        assertEquals("110110", c.path(c.exact("told")));
        assertEquals(-1, c.exact("Bergen"));
    }

    @Test
    void lookUpFallsBackOnCaseAndReadsHeadlineCapitalsTitleCased() throws Exception {
        BrownClusters c = clusters();
        // Written as listed: the word's own cluster, even when a lower-case twin has another one.
        assertEquals("00100", c.path(c.lookup("Oslo", "oslo", false)));
        // Unknown as written, known lower-cased.
        assertEquals("110110", c.path(c.lookup("Said", "said", false)));
        // In a headline the capitals are typography, so "OSLO" is read as "Oslo", not as the shouted-word cluster.
        assertEquals("00100", c.path(c.lookup("OSLO", "oslo", true)));
        // Away from headlines an all-caps word keeps its own cluster when it has one...
        assertEquals("111", c.path(c.lookup("OSLO", "oslo", false)));
        // ...and is read title-cased when it has none.
        assertEquals("00100", c.path(c.lookup("LIMA", "lima", false)));
        assertEquals(-1, c.lookup("Bergen", "bergen", false));
    }

    @Test
    void wordsOfOneClusterShareTheirFeaturesAndNeighbouringClustersSharePrefixes() throws Exception {
        int[] lima = ownClusterIds("They said Lima won", 2);
        int[] quito = ownClusterIds("They said Quito won", 2);
        int[] hanoi = ownClusterIds("They said Hanoi won", 2);
        int[] bergen = ownClusterIds("They said Bergen won", 2);
        // Same cluster: the cluster features of the word are identical although the words differ.
        assertArrayEquals(lima, quito);
        assertEquals(4, lima.length);
        // 00100 and 00101 share the prefix of 4 bits, not the longer ones (6, 10 and 20 bits read the whole path).
        assertEquals(lima[0], hanoi[0]);
        assertNotEquals(lima[1], hanoi[1]);
        assertNotEquals(lima[3], hanoi[3]);
        // A word without cluster gets one "unknown" feature in place of the four prefixes.
        assertEquals(1, bergen.length);
        assertTrue(Arrays.stream(lima).noneMatch(id -> id == bergen[0]));
    }

    @Test
    void neighboursClustersAreFeaturesOfTheWordAndStopAtTheSentence() throws Exception {
        // "Ambe" has no cluster; its right neighbours (said/told, Lima/Quito) are clustered alike, "saw" is not.
        int[] a = clusterIds("Mr Ambe said Lima", 1);
        int[] b = clusterIds("Mr Ambe told Quito", 1);
        int[] c = clusterIds("Mr Ambe saw Quito", 1);
        assertArrayEquals(a, b);
        assertNotEquals(Arrays.toString(a), Arrays.toString(c));
        // Sentence edge, "Mr" and "Ambe" (unknown) give one feature each, "said" next to it four prefixes, "Lima"
        // two words away two (the 6-bit prefix and the whole path).
        assertEquals(1 + 1 + 1 + 4 + 2, a.length);
        // The window stops at the sentence end: "Oslo" sees the edge where the next sentence's words would be.
        int[] end = clusterIds("We said Oslo. Lima won", 2);
        int[] mid = clusterIds("We said Oslo Lima won", 2);
        assertEquals(1 + 4 + 4 + 1 + 1, end.length);
        assertNotEquals(Arrays.toString(end), Arrays.toString(mid));
    }

    /** The cluster features of token {@code i}: what it has beyond the same features without clusters. */
    private static int[] clusterIds(String text, int i) throws Exception {
        Features with = new Features(16, new PhraseTable(), new PhraseTable(), new PhraseTable(), clusters());
        Features without = new Features(16, new PhraseTable(), new PhraseTable(), new PhraseTable());
        TokenizedText t = NewsTokenizer.tokenize(text);
        Features.Seq a = with.extract(t, new Features.Doc());
        Features.Seq b = without.extract(t, new Features.Doc());
        int extra = (a.offsets[i + 1] - a.offsets[i]) - (b.offsets[i + 1] - b.offsets[i]);
        assertArrayEquals(Arrays.copyOfRange(b.ids, b.offsets[i], b.offsets[i + 1]),
                Arrays.copyOfRange(a.ids, a.offsets[i], a.offsets[i + 1] - extra), "clusters only add features");
        return Arrays.copyOfRange(a.ids, a.offsets[i + 1] - extra, a.offsets[i + 1]);
    }

    /** The features of the word's own cluster: after the two left neighbours' (one or four each). */
    private static int[] ownClusterIds(String text, int i) throws Exception {
        int[] all = clusterIds(text, i);
        // Left window in these sentences: "They" (unknown: 1 feature) and "said" (4); right: "won" (unknown) and edge.
        return Arrays.copyOfRange(all, 1 + 4, all.length - 1 - 1);
    }
}
