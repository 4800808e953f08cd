package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import govgrade.Fixtures;
import govgrade.facts.Batch;
import govgrade.facts.BatchLimits;
import govgrade.facts.BatchReader;
import govgrade.facts.BatchRejected;
import govgrade.published.PackTests;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.api.Test;

/**
 * A body held whole is read from its bytes ({@link BatchReader#read(byte[], String, BatchLimits)}),
 * and a file's bytes as they arrive ({@link BatchReader#readAhead}); each must bind to the same
 * batch, and be refused with the same mistakes at the same paths, as the same bytes read as a
 * stream of characters: every fixture, and the hostile mutants of {@link BatchMutator}.
 */
class HostileBytesReadAlikeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> BATCHES = new LinkedHashMap<>();

    static {
        try {
            for (String pack : Fixtures.PACKS) {
                BATCHES.put(pack, JSON.readTree(Fixtures.batch(pack).toFile()));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyFixtureBindsToTheSameBatch() throws Exception {
        for (Path expected : Fixtures.expectedFiles()) {
            byte[] bytes = Files.readAllBytes(PackTests.batchOf(expected));
            assertEquals(outcome(() -> BatchReader.read(new ByteArrayInputStream(bytes), null, BatchLimits.DEFAULTS)),
                    outcome(() -> BatchReader.read(bytes, null, BatchLimits.DEFAULTS)), expected.toString());
        }
    }

    /** Names are matched whole in the order a reader knows them: fields in any other order read the same. */
    @Test
    void fieldsInReverseOrderBindAsFromAStream() throws Exception {
        for (Map.Entry<String, JsonNode> e : BATCHES.entrySet()) {
            byte[] bytes = JSON.writeValueAsBytes(reversed(e.getValue()));
            Object streamed = outcome(() -> BatchReader.read(new ByteArrayInputStream(bytes), null, BatchLimits.DEFAULTS));
            assertEquals(streamed, outcome(() -> BatchReader.read(bytes, null, BatchLimits.DEFAULTS)), e.getKey());
            assertEquals(outcome(() -> BatchReader.read(JSON.writeValueAsBytes(e.getValue()), null,
                    BatchLimits.DEFAULTS)), streamed, e.getKey());
        }
    }

    private static JsonNode reversed(JsonNode n) {
        if (n.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            java.util.List<Map.Entry<String, JsonNode>> fields = new java.util.ArrayList<>();
            n.fields().forEachRemaining(fields::add);
            java.util.Collections.reverse(fields);
            fields.forEach(f -> out.set(f.getKey(), reversed(f.getValue())));
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            n.forEach(v -> out.add(reversed(v)));
            return out;
        }
        return n;
    }

    @Provide
    Arbitrary<BatchMutator.Mutant> mutants() {
        return Combinators.combine(Arbitraries.of(Fixtures.PACKS), Arbitraries.of(BatchMutator.Kind.class),
                Arbitraries.longs()).as((pack, kind, seed) -> {
                    try {
                        return new BatchMutator(seed).mutate(pack, BATCHES.get(pack), kind);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
    void aHostileBodyIsReadFromBytesAsFromAStream(@ForAll("mutants") BatchMutator.Mutant m) throws Exception {
        byte[] body = m.body();
        Object streamed = outcome(() -> BatchReader.read(new ByteArrayInputStream(body), null, BatchLimits.DEFAULTS));
        assertEquals(streamed, outcome(() -> BatchReader.read(body, null, BatchLimits.DEFAULTS)), m.toString());
        // The same bytes as a file graded on the command line: read on a second thread, parsed as bytes.
        assertEquals(streamed, outcome(() -> BatchReader.readAhead(new ByteArrayInputStream(body),
                () -> new ByteArrayInputStream(body), null, BatchLimits.DEFAULTS)), m.toString());
    }

    /** The batch read, or the refusal: its mistakes (paths, values found and expected), how many more, which status. */
    private static Object outcome(Read read) throws Exception {
        try {
            return read.run();
        } catch (BatchRejected e) {
            return java.util.List.of(e.violations(), e.more(), e.overLimit());
        }
    }

    @FunctionalInterface
    private interface Read {
        Batch run() throws Exception;
    }
}
