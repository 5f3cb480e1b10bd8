package io.newsflow.enrich.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Brown word clusters as bit-string paths, looked up by a 64-bit hash of the word so tagging allocates nothing:
 * words that share a path prefix behave alike in running text, which lets the tagger generalise to names it never
 * saw labelled. All-caps words are also tried title-cased and lower-cased, since headlines are rare in the text the
 * clusters were built from.
 */
public final class BrownClusters {
    /** Path prefix lengths, as in Ratinov and Roth (2009); 20 is longer than any path, i.e. the whole cluster. */
    static final int[] PREFIXES = {4, 6, 10, 20};
    public static final String DEFAULT_RESOURCE = "ner/brown-rcv1-c1000.txt.gz";

    private static final BrownClusters EMPTY = new BrownClusters("", List.of(), List.of());
    private static final ConcurrentHashMap<String, BrownClusters> RESOURCES = new ConcurrentHashMap<>();

    /** The resource the clusters came from ("" when built in memory); a saved model names it. */
    final String resource;
    private final String[] paths;
    /** [cluster * PREFIXES.length + k]: hash of the first PREFIXES[k] bits of the cluster's path. */
    final long[] prefixHashes;
    private final long[] keys;
    private final short[] clusters;
    private final int size;

    private BrownClusters(String resource, List<String> paths, List<List<String>> words) {
        this.resource = resource;
        this.paths = paths.toArray(String[]::new);
        prefixHashes = new long[this.paths.length * PREFIXES.length];
        for (int c = 0; c < this.paths.length; c++) {
            String p = this.paths[c];
            for (int k = 0; k < PREFIXES.length; k++) {
                int len = Math.min(PREFIXES[k], p.length());
                // The length is part of the hash so a short path does not look like a longer path's prefix.
                prefixHashes[c * PREFIXES.length + k] = Features.hashRange(p, 0, len) * 31 + len;
            }
        }
        int n = 0;
        for (List<String> w : words) {
            n += w.size();
        }
        int cap = Integer.highestOneBit(Math.max(4, n * 2)) << 1;
        keys = new long[cap];
        clusters = new short[cap];
        int stored = 0;
        for (int c = 0; c < words.size(); c++) {
            for (String w : words.get(c)) {
                if (put(hash(w), c)) {
                    stored++;
                }
            }
        }
        size = stored;
    }

    public static BrownClusters empty() {
        return EMPTY;
    }

    /** The shipped clusters, read once per JVM. */
    public static BrownClusters loadDefault() {
        return resource(DEFAULT_RESOURCE);
    }

    /** Clusters from a class-path resource (gzipped {@code path<TAB>word word ...} lines), cached; "" is empty. */
    public static BrownClusters resource(String name) {
        if (name.isEmpty()) {
            return EMPTY;
        }
        return RESOURCES.computeIfAbsent(name, r -> {
            try (InputStream in = BrownClusters.class.getClassLoader().getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalStateException("Brown cluster resource missing: " + r);
                }
                return read(r, new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Reads {@code path<TAB>word word ...} lines: one cluster a line, words separated by single spaces. */
    static BrownClusters read(String resource, Reader reader) throws IOException {
        List<String> paths = new ArrayList<>();
        List<List<String>> words = new ArrayList<>();
        BufferedReader in = new BufferedReader(reader, 1 << 16);
        String line;
        while ((line = in.readLine()) != null) {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                continue;
            }
            paths.add(line.substring(0, tab));
            List<String> w = new ArrayList<>();
            int from = tab + 1;
            while (from < line.length()) {
                int space = line.indexOf(' ', from);
                int end = space < 0 ? line.length() : space;
                if (end > from) {
                    w.add(line.substring(from, end));
                }
                from = end + 1;
            }
            words.add(w);
        }
        return new BrownClusters(resource, paths, words);
    }

    /** FNV-1a over the characters, then a finaliser: 64 bits make collisions among 250k words negligible. */
    static long hash(CharSequence w) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < w.length(); i++) {
            h = (h ^ w.charAt(i)) * 0x100000001B3L;
        }
        h = Features.mix(h);
        return h == 0 ? 1 : h;
    }

    private boolean put(long key, int cluster) {
        int mask = keys.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        clusters[i] = (short) cluster;
        return true;
    }

    /** The cluster of exactly this word, or -1. */
    int exact(CharSequence word) {
        if (size == 0) {
            return -1;
        }
        long key = hash(word);
        int mask = keys.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return clusters[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    /**
     * The cluster of a word as written in running text. An all-caps word in a headline is first read title-cased
     * ("CHINA" as "China"), because in the cluster corpus capitals mostly mark acronyms and shouted words; any word
     * the clusters lack is tried lower-cased.
     */
    int lookup(String word, String lower, boolean headline) {
        if (size == 0) {
            return -1;
        }
        boolean caps = word.length() > 1 && Features.allCaps(word);
        if (caps && headline) {
            int c = exact(titleCase(lower));
            if (c >= 0) {
                return c;
            }
        }
        int c = exact(word);
        if (c < 0 && caps && !headline) {
            c = exact(titleCase(lower));
        }
        if (c < 0 && lower != word) {
            c = exact(lower);
        }
        return c;
    }

    static String titleCase(String lower) {
        if (lower.isEmpty()) {
            return lower;
        }
        return lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1);
    }

    /** The bit-string path of a cluster. */
    String path(int cluster) {
        return paths[cluster];
    }

    public int size() {
        return size;
    }
}
