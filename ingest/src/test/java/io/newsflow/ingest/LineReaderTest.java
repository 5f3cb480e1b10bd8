package io.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each line on its own: a bad or over-long line is reported with its number and costs no other line. */
class LineReaderTest {
    static List<LineReader.Line> lines(byte[] bytes, int max) throws Exception {
        List<LineReader.Line> out = new ArrayList<>();
        LineReader.read(new ByteArrayInputStream(bytes), max, out::add);
        return out;
    }

    @Test
    void invalidUtf8AndOverLongLinesAreReportedAndTheOthersRead() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.writeBytes("first é\r\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[]{'b', 'a', (byte) 0xC3, '(', '\n'});
        b.writeBytes("x".repeat(100).getBytes(StandardCharsets.UTF_8));
        b.writeBytes("\n\nlast".getBytes(StandardCharsets.UTF_8));
        List<LineReader.Line> lines = lines(b.toByteArray(), 50);
        assertEquals(new LineReader.Text(1, "first é"), lines.get(0));
        assertEquals(new LineReader.Bad(2, "not valid UTF-8 (byte 3 of the line)"), lines.get(1));
        assertEquals(new LineReader.Bad(3, "line of 100 bytes is over the limit of 50 bytes"), lines.get(2));
        assertEquals(new LineReader.Text(4, ""), lines.get(3));
        assertEquals(new LineReader.Text(5, "last"), lines.get(4));
        assertEquals(5, lines.size());
    }

    @Test
    void aMultiByteCharacterSplitAcrossReadsIsOneCharacterAndTimeIsLinear() throws Exception {
        // 200,000 lines of 40 bytes, each with a 3-byte character that often straddles the 64 KiB read boundary.
        String line = "€".repeat(10) + "abcdefghij";
        byte[] all = (line + "\n").repeat(200_000).getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        List<LineReader.Line> lines = lines(all, 1024);
        assertEquals(200_000, lines.size());
        assertTrue(lines.stream().allMatch(l -> l instanceof LineReader.Text t && t.text().equals(line)));
        // 8 MB through the reader: linear and allocation-light, far under this bound even on a busy 2-core box.
        assertTrue(System.nanoTime() - start < 20_000_000_000L);
    }
}
