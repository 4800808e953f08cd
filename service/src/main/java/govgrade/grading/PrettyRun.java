package govgrade.grading;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import govgrade.grading.GradedRun.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A graded run as indented JSON: the characters {@link ResultJson#writePretty} gives, written
 * sooner. A national run's results (98 MB) are turned to text in chunks on every core, and each
 * chunk goes out as soon as it and those before it are done, so writing overlaps serialising and
 * only a few chunks are ever held as text, never the whole document.
 */
public final class PrettyRun {
    /** Results per chunk: large enough that a task repays its hand-off, small enough to hold a few at once. */
    static final int CHUNK = 1_000;
    /** Below this, on the calling thread alone (a county's run): threads would cost more than they give. */
    private static final int PARALLEL_FROM = 4 * CHUNK;

    private static final ObjectMapper MAPPER = ResultJson.mapper().copy()
            .addMixIn(GradedRun.class, ResultsInChunks.class);
    /** A chunk of results, written as the document's own writer prints them inside its results array. */
    private static final ObjectWriter RESULTS = ResultJson.mapper().writerFor(new TypeReference<List<Result>>() { })
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    /** How a non-empty array of them starts and ends under the default printer: "[ " and " ]". */
    private static final int OPEN = 2;
    private static final int CLOSE = 2;

    private PrettyRun() {
    }

    /** {@code run} as indented JSON to {@code out}, which is left open and not flushed. */
    public static void write(Writer out, GradedRun run) throws IOException {
        write(out, run, new Chunking(CHUNK, PARALLEL_FROM));
    }

    /** As above, cut as {@code chunking} says: tests cut a county's run small to cross every seam. */
    static void write(Writer out, GradedRun run, Chunking chunking) throws IOException {
        MAPPER.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .withAttribute(Chunking.class, chunking).writeValue(out, run);
    }

    /** {@code size} results per chunk, on threads of their own from {@code parallelFrom} results. */
    record Chunking(int size, int parallelFrom) {
        Chunking {
            if (size < 1) {
                throw new IllegalArgumentException("a chunk holds at least one result: " + size);
            }
        }
    }

    /** The results field of a run, written by {@link Chunks} (a mix-in: the shared record is left as it is). */
    abstract static class ResultsInChunks {
        @JsonSerialize(using = Chunks.class)
        abstract List<Result> results();
    }

    /**
     * The results array: the same start, separators and end as a list's serializer writes, each chunk
     * given to the generator as one raw value (its results already separated inside it as the array would).
     */
    static final class Chunks extends StdSerializer<List<Result>> {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings("unchecked")
        Chunks() {
            super((Class<List<Result>>) (Class<?>) List.class);
        }

        @Override
        public void serialize(List<Result> results, JsonGenerator g, SerializerProvider provider) throws IOException {
            Chunking chunking = (Chunking) provider.getAttribute(Chunking.class);
            g.writeStartArray(results, results.size());
            if (results.size() < chunking.parallelFrom()) {
                if (!results.isEmpty()) {
                    writeInside(g, text(results));
                }
            } else {
                inParallel(results, chunking.size(), g);
            }
            g.writeEndArray();
        }

        /**
         * Chunks made by a thread per core but one and by this thread, which writes them in order: it makes the
         * next chunk itself when no helper has started it, so a busy machine that leaves the helpers no core
         * costs no more than writing on one thread would. At most two chunks per thread are made ahead.
         */
        private static void inParallel(List<Result> results, int size, JsonGenerator g) throws IOException {
            int helpers = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
            ExecutorService pool = Executors.newFixedThreadPool(helpers, r -> {
                Thread t = new Thread(r, "result-json");
                t.setDaemon(true);
                return t;
            });
            try {
                ArrayDeque<Piece> ahead = new ArrayDeque<>();
                int next = 0;
                while (next < results.size() || !ahead.isEmpty()) {
                    while (next < results.size() && ahead.size() < 2 * (helpers + 1)) {
                        Piece piece = new Piece(results.subList(next, Math.min(results.size(), next + size)));
                        pool.execute(piece::make);
                        ahead.add(piece);
                        next += piece.part.size();
                    }
                    Piece head = ahead.poll();
                    head.make();
                    writeInside(g, join(head.made));
                }
            } finally {
                pool.shutdownNow();
            }
        }

        private static Text join(CompletableFuture<Text> chunk) throws IOException {
            try {
                return chunk.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }

        /** A chunk to make, by whichever thread comes to it first. */
        private static final class Piece {
            final List<Result> part;
            final CompletableFuture<Text> made = new CompletableFuture<>();
            private final AtomicBoolean taken = new AtomicBoolean();

            Piece(List<Result> part) {
                this.part = part;
            }

            void make() {
                if (taken.compareAndSet(false, true)) {
                    try {
                        made.complete(text(part));
                    } catch (RuntimeException | Error e) {
                        made.completeExceptionally(e);
                    }
                }
            }
        }

        /**
         * Results as they stand inside the array, indented one level in and separated by ", ": the chunk written
         * as an array of its own (one call, not one per result), its "[ " and " ]" left out when written.
         */
        private static Text text(List<Result> part) {
            Text w = new Text(part.size() * 700);
            try (JsonGenerator g = MAPPER.getFactory().createGenerator(w)) {
                g.setPrettyPrinter(new InResults());
                RESULTS.writeValue(g, part);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return w;
        }

        private static void writeInside(JsonGenerator g, Text array) throws IOException {
            g.writeRawValue(array.chars, OPEN, array.length - OPEN - CLOSE);
        }
    }

    /**
     * A chunk's characters, handed to the generator as they are: a String would copy them twice more and
     * test each for Latin-1 (measured: the chunked write took more CPU than the plain one that way).
     */
    private static final class Text extends Writer {
        private char[] chars;
        private int length;

        Text(int capacity) {
            chars = new char[capacity];
        }

        @Override
        public void write(char[] from, int off, int len) {
            room(len);
            System.arraycopy(from, off, chars, length, len);
            length += len;
        }

        @Override
        public void write(String from, int off, int len) {
            room(len);
            from.getChars(off, off + len, chars, length);
            length += len;
        }

        private void room(int len) {
            if (length + len > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(length + len, 2 * chars.length));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** The default printer one level in, as inside the run's results array (arrays are inline: they add none). */
    private static final class InResults extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;

        InResults() {
            _nesting = 1;
        }
    }
}
