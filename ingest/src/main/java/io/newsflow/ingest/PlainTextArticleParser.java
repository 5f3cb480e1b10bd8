package io.newsflow.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the plain-text article format of the seeds: the first line is the title; a non-blank line right under it
 * is the photo caption; then paragraphs separated by blank lines; a closing "© YEAR SOURCE. …" line names the
 * outlet and is not part of the body.
 */
public final class PlainTextArticleParser {
    private static final Pattern COPYRIGHT = Pattern.compile(
            "^(?:©|\\(c\\)|Copyright(?:\\s+©)?)\\s*(\\d{4})?\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    private PlainTextArticleParser() {
    }

    /**
     * @throws IllegalArgumentException with the reason when the text has no title or no body
     */
    public static ParsedText parse(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalised.startsWith("\uFEFF")) {
            normalised = normalised.substring(1);
        }
        List<String> lines = new ArrayList<>(List.of(normalised.split("\n", -1)));
        trimBlankEdges(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("empty file: no title and no body");
        }
        String title = lines.remove(0).strip();

        String caption = null;
        if (!lines.isEmpty() && !lines.get(0).isBlank()) {
            caption = lines.remove(0).strip();
        }

        String source = null;
        Integer year = null;
        trimBlankEdges(lines);
        if (!lines.isEmpty()) {
            Matcher m = COPYRIGHT.matcher(lines.get(lines.size() - 1).strip());
            if (m.matches()) {
                lines.remove(lines.size() - 1);
                year = m.group(1) == null ? null : Integer.valueOf(m.group(1));
                source = sourceName(m.group(2));
            }
        }

        String body = paragraphs(lines);
        if (body.isEmpty()) {
            if (caption == null) {
                throw new IllegalArgumentException("no body: the file has a title line only");
            }
            // A two-line file is a title and a one-paragraph body, not a title and a caption.
            body = caption;
            caption = null;
        }
        return new ParsedText(title, caption, body, source, year);
    }

    /** "Latin Times. All rights reserved." gives "Latin Times": the outlet is the first sentence. */
    private static String sourceName(String rest) {
        String s = rest.strip();
        int dot = s.indexOf(". ");
        if (dot > 0) {
            s = s.substring(0, dot);
        } else if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        s = s.strip();
        return s.isEmpty() ? null : s;
    }

    private static String paragraphs(List<String> lines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (line.isBlank()) {
                if (current.length() > 0) {
                    paragraphs.add(current.toString());
                    current.setLength(0);
                }
            } else {
                if (current.length() > 0) {
                    current.append(' ');
                }
                current.append(line.strip());
            }
        }
        if (current.length() > 0) {
            paragraphs.add(current.toString());
        }
        return String.join("\n\n", paragraphs);
    }

    private static void trimBlankEdges(List<String> lines) {
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
    }
}
