package io.newsflow.tools.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap figures of a JVM's {@code -Xlog:gc} log: each collection logs used-before -> used-after (committed), so
 * the largest used-before is the most heap the JVM held (the heap only grows between collections).
 *
 * @param collections    collections logged
 * @param maxUsedKb      largest heap used before a collection, in kB
 * @param maxCommittedKb largest committed heap, in kB
 */
record GcLog(int collections, long maxUsedKb, long maxCommittedKb) {
    private static final Pattern SIZES = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    static GcLog parse(String log) {
        int n = 0;
        long used = 0;
        long committed = 0;
        for (String line : log.split("\n")) {
            Matcher m = SIZES.matcher(line);
            if (line.contains("Pause") && m.find()) {
                n++;
                used = Math.max(used, kb(m.group(1), m.group(2)));
                committed = Math.max(committed, kb(m.group(5), m.group(6)));
            }
        }
        return new GcLog(n, used, committed);
    }

    private static long kb(String value, String unit) {
        long v = Long.parseLong(value);
        return switch (unit) {
            case "K" -> v;
            case "M" -> v * 1024;
            default -> v * 1024 * 1024;
        };
    }
}
