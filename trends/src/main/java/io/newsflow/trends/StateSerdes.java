package io.newsflow.trends;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Compact binary forms of the stage's internal records (repartition topic, stores, changelogs), each starting with a
 * format byte: they are written and read by this stage only, millions of times, so not JSON. The published topic
 * {@code news.trends} stays versioned JSON.
 */
final class StateSerdes {
    private static final byte V1 = 1;

    private StateSerdes() {
    }

    static final Serde<Hit> HIT = serde(StateSerdes::writeHit, StateSerdes::readHit);
    /** The kinds of key, by their index in a tally's first byte. */
    private static final String[] TYPES = {"PERSON", "ORGANIZATION", "LOCATION", "MISC", "LABEL", "COUNTRY"};
    // Read and written up to 29 times a key an article: fixed 10 bytes, no streams.
    static final Serde<Tally> TALLY = Serdes.serdeFrom((topic, t) -> {
        if (t == null) {
            return null;
        }
        return java.nio.ByteBuffer.allocate(10).put(V1).put((byte) typeIndex(t.type())).putLong(t.count()).array();
    }, (topic, data) -> {
        if (data == null) {
            return null;
        }
        if (data.length != 10 || data[0] != V1) {
            throw new SerializationException("unreadable trends tally of " + data.length + " bytes");
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data, 1, 9);
        int type = b.get();
        return new Tally(type < 0 || type >= TYPES.length ? null : TYPES[type], b.getLong());
    });
    static final Serde<EntityInfo> ENTITY = serde((out, e) -> {
        writeString(out, e.id());
        writeString(out, e.name());
        writeString(out, e.type());
        out.writeLong(e.total());
        out.writeInt(e.articles().size());
        for (ArticleRef a : e.articles()) {
            writeArticle(out, a);
        }
    }, in -> {
        String id = readString(in);
        String name = readString(in);
        String type = readString(in);
        long total = in.readLong();
        int n = in.readInt();
        List<ArticleRef> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(readArticle(in));
        }
        return new EntityInfo(id, name, type, total, list);
    });

    private static int typeIndex(String type) {
        for (int i = 0; i < TYPES.length; i++) {
            if (TYPES[i].equals(type)) {
                return i;
            }
        }
        return -1;
    }

    private interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
        return Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(V1);
                writer.write(out, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }, (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                byte format = in.readByte();
                if (format != V1) {
                    throw new SerializationException("unknown trends state format " + format);
                }
                return reader.read(in);
            } catch (IOException e) {
                throw new SerializationException("unreadable trends state record: " + e.getMessage(), e);
            }
        });
    }

    private static void writeHit(DataOutputStream out, Hit h) throws IOException {
        writeString(out, h.type());
        writeString(out, h.name());
        out.writeBoolean(h.article() != null);
        if (h.article() != null) {
            writeArticle(out, h.article());
        }
    }

    private static Hit readHit(DataInputStream in) throws IOException {
        String type = readString(in);
        String name = readString(in);
        return new Hit(type, name, in.readBoolean() ? readArticle(in) : null);
    }

    private static void writeArticle(DataOutputStream out, ArticleRef a) throws IOException {
        writeString(out, a.id());
        writeString(out, a.title());
        out.writeLong(a.published() == null ? Long.MIN_VALUE : a.published().toEpochMilli());
        out.writeInt(a.labels().size());
        for (String l : a.labels()) {
            writeString(out, l);
        }
    }

    private static ArticleRef readArticle(DataInputStream in) throws IOException {
        String id = readString(in);
        String title = readString(in);
        long published = in.readLong();
        int n = in.readInt();
        List<String> labels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            labels.add(readString(in));
        }
        return new ArticleRef(id, title, published == Long.MIN_VALUE ? null : Instant.ofEpochMilli(published),
                labels);
    }

    // writeUTF is limited to 64 KB; a title can be longer, so lengths are ints.
    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[Math.min(n, in.available())];
        in.readFully(b);
        if (b.length < n) {
            throw new IOException("string of " + n + " bytes cut at " + b.length);
        }
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
