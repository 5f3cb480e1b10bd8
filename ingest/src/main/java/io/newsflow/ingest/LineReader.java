package io.newsflow.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into numbered lines and decodes each line on its own, strictly as UTF-8, so one bad line
 * (invalid bytes, or longer than the cap) is reported with its number and never costs the lines around it. The
 * bytes are split on '\n' before any decoding, a trailing '\r' is dropped, and an over-long line is skipped without
 * being buffered: memory stays at most the cap and time is linear in the input.
 */
public final class LineReader {
    /** One line: its text, or why it cannot be read. Line numbers start at 1. */
    public sealed interface Line {
        long number();
    }

    public record Text(long number, String text) implements Line {
    }

    public record Bad(long number, String reason) implements Line {
    }

    /** Receives each line in order; what a bad line means (reject, count, stop) is the caller's choice. */
    public interface Sink {
        void accept(Line line);
    }

    private final int max;
    private final Sink sink;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line;
    private int length;
    private long lineLength;

    private LineReader(int maxLineBytes, Sink sink) {
        this.max = maxLineBytes;
        this.sink = sink;
        this.line = new byte[Math.min(maxLineBytes, 8192) + 1];
    }

    /** Reads {@code in} to its end; an I/O error propagates after the lines before it were delivered. */
    public static void read(InputStream in, int maxLineBytes, Sink sink) throws IOException {
        new LineReader(maxLineBytes, sink).readAll(in);
    }

    private void readAll(InputStream in) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        long number = 1;
        int n;
        while ((n = in.read(chunk)) >= 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (chunk[i] == '\n') {
                    append(chunk, start, i - start);
                    sink.accept(finish(number++));
                    start = i + 1;
                }
            }
            append(chunk, start, n - start);
        }
        if (lineLength > 0) {
            sink.accept(finish(number));
        }
    }

    /** Keeps what fits under the cap (plus one byte, to see a trailing '\r'); the rest is only counted. */
    private void append(byte[] from, int offset, int count) {
        lineLength += count;
        int take = Math.max(0, Math.min(max + 1 - length, count));
        if (length + take > line.length) {
            line = Arrays.copyOf(line, Math.min(max + 1, Math.max(length + take, line.length * 2)));
        }
        System.arraycopy(from, offset, line, length, take);
        length += take;
    }

    private Line finish(long number) {
        int end = length;
        long real = lineLength;
        length = 0;
        lineLength = 0;
        if (end > 0 && line[end - 1] == '\r' && real == end) {
            end--;
            real--;
        }
        if (real > max) {
            return new Bad(number, "line of " + real + " bytes is over the limit of " + max + " bytes");
        }
        int start = 0;
        if (number == 1 && end >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, start, end - start);
        CharBuffer chars = CharBuffer.allocate(end - start);
        decoder.reset();
        CoderResult r = decoder.decode(bytes, chars, true);
        if (!r.isError()) {
            r = decoder.flush(chars);
        }
        if (r.isError()) {
            return new Bad(number, "not valid UTF-8 (byte " + (bytes.position() + 1) + " of the line)");
        }
        chars.flip();
        return new Text(number, chars.toString());
    }
}
