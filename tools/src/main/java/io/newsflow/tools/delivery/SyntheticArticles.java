package io.newsflow.tools.delivery;

import io.newsflow.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Generates distinct wire-style articles from a seed, so a delivery check can count them: the same seed gives the
 * same articles, and every article mixes words that give it zero, one or several topic labels.
 */
final class SyntheticArticles {
    private static final String[] FILLER = {"officials", "said", "on", "Tuesday", "that", "the", "plan", "would",
        "take", "effect", "next", "month", "after", "weeks", "of", "review", "by", "analysts", "and", "residents"};
    private static final String[][] TOPIC_WORDS = {
        {"ambassador", "summit", "treaty", "talks", "foreign minister", "sanctions", "embassy"},
        {"troops", "military", "missile", "army", "warship", "defence minister", "artillery"},
        {"oil", "crude", "pipeline", "OPEC", "natural gas", "refinery", "electricity"}};
    private static final String[] PLACES = {"Moscow", "Caracas", "Paris", "Berlin", "Tokyo", "Nairobi", "Lima"};

    private SyntheticArticles() {
    }

    /** Writes {@code n} articles as JSON Lines to {@code file}. */
    static void write(Path file, int n, long seed) {
        Random random = new Random(seed);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("title", "Report " + i + " from " + PLACES[random.nextInt(PLACES.length)]);
                a.put("body", body(random, i));
                a.put("source", "Synthetic Wire");
                a.put("published_at", "2025-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T0"
                        + random.nextInt(10) + ":00:00Z");
                w.write(Json.MAPPER.writeValueAsString(a));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String body(Random random, int i) {
        StringBuilder sb = new StringBuilder("Article number ").append(i).append(" (seeded). ");
        int topics = random.nextInt(8); // bit mask: which labels this article is about
        for (int s = 0; s < 6; s++) {
            for (int w = 0; w < 8; w++) {
                sb.append(FILLER[random.nextInt(FILLER.length)]).append(' ');
            }
            for (int t = 0; t < 3; t++) {
                if ((topics & (1 << t)) != 0) {
                    String[] words = TOPIC_WORDS[t];
                    sb.append(words[random.nextInt(words.length)]).append(' ');
                }
            }
            sb.append(PLACES[random.nextInt(PLACES.length)]).append(".\n\n");
        }
        return sb.toString().strip();
    }
}
