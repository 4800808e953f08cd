package govgrade.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import govgrade.Fixtures;
import govgrade.app.Service;
import govgrade.app.Settings;
import govgrade.http.BatchMutator.Kind;
import govgrade.http.BatchMutator.Mutant;
import govgrade.http.BatchMutator.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile batches through the real server on a loopback port: the bundled fixtures' batches with
 * one hostile change each ({@link BatchMutator}: type swaps, bad numbers, odd dates, huge strings,
 * duplicate keys, deleted and extra fields, deep nesting, invalid UTF-8, truncation, garbage). Each
 * answer: never a 5xx, always JSON, at most 1 MB, a 200 only for a batch the contract still
 * allows, and a 200 for a batch only reformatted.
 *
 * <p>Tries: {@code jqwik.tries.default} in junit-platform.properties (a few thousand, in
 * {@code mvn verify}); for 50,000:
 * {@code mvn -B -pl service test -Dtest=HostileBatchesTest -Dslow.test.tags=none -Djqwik.tries.default=50000}.
 */
@Tag("slow")
class HostileBatchesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MB = 1 << 20;
    private static final Map<String, JsonNode> BATCHES = new LinkedHashMap<>();
    private static final Map<Kind, AtomicInteger> TRIED = new EnumMap<>(Kind.class);
    private static final Map<String, AtomicInteger> ANSWERS = new ConcurrentHashMap<>();
    private static Path dir;
    private static Service service;
    private static TestClient client;

    @BeforeContainer
    static void start() throws Exception {
        for (String pack : Fixtures.PACKS) {
            BATCHES.put(pack, JSON.readTree(Fixtures.batch(pack).toFile()));
        }
        for (Kind k : Kind.values()) {
            TRIED.put(k, new AtomicInteger());
        }
        dir = Files.createTempDirectory("hostile");
        // A body limit of 4 MB lets strings of a few MB through to the batch reader.
        service = Service.start(Settings.defaults(Fixtures.HOME, dir.resolve("govgrade.db")).listening("127.0.0.1", 0)
                .withMaxBodyBytes(4L * MB).withAdminToken(null).withWatch(false), Fixtures.PACKS_CACHE);
        client = new TestClient(service.port());
    }

    @AfterContainer
    static void stop() throws IOException {
        service.close();
        System.err.println("HostileBatchesTest: tries per kind " + TRIED + "; answers " + ANSWERS);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<Mutant> mutants() {
        return Combinators.combine(Arbitraries.of(Fixtures.PACKS), Arbitraries.of(Kind.class), Arbitraries.longs())
                .as((pack, kind, seed) -> {
                    try {
                        return new BatchMutator(seed).mutate(pack, BATCHES.get(pack), kind);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void aHostileBatchGetsAJsonAnswerNever5xxAndIsGradedOnlyIfTheContractAllowsIt(@ForAll("mutants") Mutant m)
            throws Exception {
        TRIED.get(m.kind()).incrementAndGet();
        TestClient.Response r = client.post("/api/v1/grade", m.body());
        ANSWERS.computeIfAbsent(m.kind() + " " + r.status(), k -> new AtomicInteger()).incrementAndGet();
        String shown = m + ": " + r.status() + " " + new String(r.body(), 0, Math.min(r.body().length, 500),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(r.status() < 500, shown);
        assertTrue(r.body().length <= MB, shown);
        JsonNode answer = JSON.readTree(r.body());
        assertTrue(answer != null && answer.isObject(), shown);
        if (m.verdict() == Verdict.BROKEN) {
            assertNotEquals(200, r.status(), shown);
        }
        if (m.verdict() == Verdict.VALID) {
            assertEquals(200, r.status(), shown);
        }
        if (r.status() != 200) {
            assertTrue(r.status() >= 400 && answer.hasNonNull("error") && answer.has("message") && answer.has("path"),
                    shown);
        }
    }
}
