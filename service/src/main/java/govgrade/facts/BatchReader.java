package govgrade.facts;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a batch from JSON and validates it, reporting every mistake at its JSON path in one
 * refusal: values of the wrong kind, unknown and repeated fields, broken limits, then what the
 * checks of a bound batch find. Reading is strict as CONTRACT.md types a batch (a name is a string,
 * a count a whole number, a date YYYY-MM-DD, an instant an ISO string) and streams: lists are cut
 * at their limits as they are read, so a request's work is bounded by its size and the limits.
 *
 * <p>Not Jackson's data binding: it stops at the first mistake, and a client should fix a batch in
 * one round trip. Jackson's streaming parser does the JSON itself.
 */
public final class BatchReader {
    /** A batch is six levels deep; deeper JSON is a mistake, refused before it costs stack. */
    private static final int MAX_DEPTH = 64;
    private static final BytesParser.Factory FACTORY = new BytesParser.Factory(new JsonFactoryBuilder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()));

    private BatchReader() {
    }

    /** The batch's parser, opened where a decoding error of its first characters is reported as one. */
    @FunctionalInterface
    private interface Text {
        JsonParser open() throws IOException;
    }

    /** JSON the byte parser found malformed: read again by characters, whose error is the one answered. */
    private static final class Reparse extends Exception {
        Reparse() {
            super(null, null, false, false);
        }
    }

    /** Reads and validates a batch under the default limits; {@code packFromUrl} (may be null) stands in for a missing {@code pack}. */
    public static Batch read(InputStream json, String packFromUrl) throws BatchRejected, IOException {
        return read(json, packFromUrl, BatchLimits.DEFAULTS);
    }

    /** Reads and validates a batch under {@code limits}; {@code packFromUrl} (may be null) stands in for a missing {@code pack}. */
    public static Batch read(InputStream json, String packFromUrl, BatchLimits limits)
            throws BatchRejected, IOException {
        return read(() -> FACTORY.createParser(utf8(json)), packFromUrl, limits);
    }

    /**
     * As {@link #read(InputStream, String, BatchLimits)}, for a body held whole (a request, a stored
     * batch). Plain UTF-8 ({@link Utf8}) is parsed from its bytes, not decoded to characters first:
     * the decoding was a tenth of a graded request's CPU. Anything else, and JSON the byte parser
     * finds malformed, is read as from a stream, so every refusal is worded as it always was
     * (Jackson's byte parser counts columns in bytes).
     */
    public static Batch read(byte[] json, String packFromUrl, BatchLimits limits) throws BatchRejected, IOException {
        if (Utf8.plain(json)) {
            try {
                return read(() -> FACTORY.createParser(json), packFromUrl, limits, true);
            } catch (Reparse e) {
                // below
            }
        }
        return read(new ByteArrayInputStream(json), packFromUrl, limits);
    }

    /** Opens a batch's bytes once more from their start, to read a refused file again by characters. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    /**
     * As {@link #read(InputStream, String, BatchLimits)}, for a file of many megabytes: its bytes are
     * read and checked as UTF-8 on a thread of their own ({@link BytesAhead}) while this one parses
     * them, posts straight from the bytes as for a body held whole. A file the byte parser finds
     * malformed, or that is not UTF-8, is read again from {@code again} as a stream, so the refusal
     * is the one {@link #read(InputStream, String, BatchLimits)} words. {@code json} is read by that
     * thread until the batch is read; the caller may read it on then.
     */
    public static Batch readAhead(InputStream json, Source again, String packFromUrl, BatchLimits limits)
            throws BatchRejected, IOException {
        try {
            return read(() -> FACTORY.createParser(new BytesAhead(json).started()), packFromUrl,
                    limits, true);
        } catch (Reparse e) {
            return read(again.open(), packFromUrl, limits);
        }
    }

    private static Batch read(Text text, String packFromUrl, BatchLimits limits) throws BatchRejected, IOException {
        try {
            return read(text, packFromUrl, limits, false);
        } catch (Reparse e) {
            throw new IllegalStateException("a character source is never read again", e);
        }
    }

    /** {@code bytes}: the text is parsed from bytes; malformed JSON or UTF-8 throws {@link Reparse}, not a refusal. */
    private static Batch read(Text text, String packFromUrl, BatchLimits limits, boolean bytes)
            throws BatchRejected, IOException, Reparse {
        Violations out = new Violations(limits.errorsListed());
        Batch batch = bind(text, limits, out, bytes);
        if (batch == null) {
            if (out.isEmpty()) {
                out.add("$", "null", "a JSON object with pack, period and facts");
            }
            throw out.rejection();
        }
        if (packFromUrl != null && (batch.pack() == null || batch.pack().isBlank())) {
            batch = new Batch(packFromUrl, batch.period(), batch.units(), batch.accounts(), batch.columns(),
                    batch.activity(), batch.earlier());
        }
        // Past thousands of unreadable values, what the checks would add is noise: the count says enough.
        if (!out.tooManyToCheck()) {
            BatchValidator.validate(batch, limits, out);
        }
        if (!out.isEmpty()) {
            throw out.rejection();
        }
        return batch;
    }

    /** The batch as read, with what reading found in {@code out}; null where there is no batch object. */
    private static Batch bind(Text text, BatchLimits limits, Violations out, boolean bytes)
            throws BatchRejected, IOException, Reparse {
        JsonCursor cursor = null;
        try (JsonParser p = text.open()) {
            cursor = new JsonCursor(p, out, limits.stringChars(), bytes);
            if (p.nextToken() == null) {
                out.add("$", "an empty body", "a JSON object with pack, period and facts");
                throw out.rejection();
            }
            Batch batch = BatchBinder.batch(cursor, limits);
            if (p.nextToken() != null) {
                out.add("$", "trailing content after the batch object", "exactly one JSON object");
            }
            return batch;
        } catch (JsonProcessingException e) {
            if (bytes) {
                throw new Reparse();
            }
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            out.add("$", "malformed JSON" + where + (cursor == null ? "" : " (in " + cursor.path() + ")"), "a JSON object: "
                    + e.getOriginalMessage());
            throw out.rejection();
        } catch (CharacterCodingException e) {
            if (bytes) {
                throw new Reparse();
            }
            out.add("$", "bytes that are not UTF-8" + (cursor == null ? "" : " (in " + cursor.path() + ")"),
                    "a JSON object in UTF-8");
            throw out.rejection();
        }
    }

    /**
     * The body as UTF-8 text, refusing what is not UTF-8: Jackson's own byte parser lets overlong
     * forms through (C0 AF reads as '/'), which other systems would read otherwise. A leading
     * byte-order mark, as some Windows tools write, is skipped.
     */
    private static Reader utf8(InputStream json) throws IOException {
        Reader r = new BufferedReader(new InputStreamReader(json, strict()), 1 << 16);
        r.mark(1);
        if (r.read() != '\uFEFF') {
            r.reset();
        }
        return r;
    }

    private static CharsetDecoder strict() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
