package govgrade.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import govgrade.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.api.Test;

/**
 * Posts read straight from a body's bytes: the forms batches' writers use are read there, anything
 * else is left to the token-by-token reading, and a batch binds, or is refused, exactly as the same
 * bytes read as a stream (which never scans).
 */
class PostScanTest {
    private static final int NO_LIMIT = Integer.MAX_VALUE;

    @Test
    void readsPostsAsWritersWriteThemWithAnyWhitespace() {
        String array = "[{\"date\":\"2020-10-05\",\"original\":true},{ \"date\" : \"2020-10-06\" ,\n\t\"original\":false,"
                + " \"recommended\" :true }\r\n, {\"date\":\"2020-10-07\"},{\"date\":\"2020-10-08\",\"recommended\":false} ]";
        List<Batch.Post> posts = new ArrayList<>();
        byte[] b = ("x" + array + "y").getBytes(StandardCharsets.US_ASCII);
        assertEquals(1 + array.length(), PostScan.scan(b, 2, b.length, NO_LIMIT, posts));
        assertEquals(List.of(post("2020-10-05", true, null), post("2020-10-06", false, true), post("2020-10-07", null, null),
                post("2020-10-08", null, false)), posts);
        assertSame(AccountBinder.shared(LocalDate.parse("2020-10-05"), true, null), posts.get(0));
        assertEquals(2, PostScan.scan(" ] ".getBytes(StandardCharsets.US_ASCII), 0, 3, 0, new ArrayList<>()));
    }

    @Test
    void leavesEveryOtherFormToTheTokens() {
        for (String array : List.of("[null]", "[{}]", "[1]", "[{\"original\":true,\"date\":\"2020-10-05\"}]",
                "[{\"date\":\"2020-10-05\",\"recommended\":true,\"original\":true}]", "[{\"date\":\"2020-02-30\"}]",
                "[{\"date\":\"2020-1-05\"}]", "[{\"date\":\"2020-10-05T00:00\"}]", "[{\"date\":\"2020-10-0\\u0035\"}]",
                "[{\"date\":null}]", "[{\"date\":\"2020-10-05\",\"original\":null}]",
                "[{\"date\":\"2020-10-05\",\"original\":\"true\"}]", "[{\"date\":\"2020-10-05\",\"original\":truex}]",
                "[{\"date\":\"2020-10-05\",\"original\":1}]", "[{\"date\":\"2020-10-05\",\"x\":1}]",
                "[{\"date\":\"2020-10-05\",\"date\":\"2020-10-06\"}]", "[{\"date\":\"2020-10-05\"},]",
                "[{\"date\":\"2020-10-05\"}", "[{\"date\":\"2020-10-05\"} {\"date\":\"2020-10-06\"}]",
                "[{\"date\":\"2020-10-05\",}]", "[{\"date\" \"2020-10-05\"}]", "[{\"Date\":\"2020-10-05\"}]",
                "[{\"date\":\"2020-10-05\",\"original\":true,}]", "[{\"date\":\"2020-10-05\"/**/}]")) {
            byte[] b = array.getBytes(StandardCharsets.US_ASCII);
            assertEquals(-1, PostScan.scan(b, 1, b.length, NO_LIMIT, new ArrayList<>()), array);
        }
    }

    @Test
    void leavesAnArrayOverTheLimitToTheTokens() {
        byte[] b = "[{\"date\":\"2020-10-05\"},{\"date\":\"2020-10-06\"}]".getBytes(StandardCharsets.US_ASCII);
        assertEquals(-1, PostScan.scan(b, 1, b.length, 1, new ArrayList<>()));
        assertEquals(b.length, PostScan.scan(b, 1, b.length, 2, new ArrayList<>()));
    }

    @Provide
    Arbitrary<String> postArrays() {
        Arbitrary<String> space = Arbitraries.of("", "", "", " ", "\n  ", "\t", "\r\n");
        Arbitrary<String> date = Arbitraries.of("\"2020-10-05\"", "\"2020-12-31\"", "\"2021-01-01\"", "\"2020-09-30\"",
                "\"2020-02-30\"", "\"2020-10-5\"", "\"1969-12-31\"", "null", "20201005", "\"2020-10-0\\u0035\"");
        Arbitrary<String> bool = Arbitraries.of("true", "false", "true", "false", "null", "\"true\"", "1");
        Arbitrary<String> field = Arbitraries.oneOf(
                date.map(d -> "\"date\":" + d), bool.map(v -> "\"original\":" + v), bool.map(v -> "\"recommended\":" + v),
                Arbitraries.of("\"extra\":1", "\"Date\":\"2020-10-05\""));
        Arbitrary<String> post = Arbitraries.oneOf(
                Arbitraries.just("{\"date\":\"2020-10-06\",\"original\":true}"),
                date.flatMap(d -> bool.list().ofMaxSize(2).map(vs -> {
                    StringBuilder s = new StringBuilder("{\"date\":" + d);
                    String[] names = {"original", "recommended"};
                    for (int i = 0; i < vs.size(); i++) {
                        s.append(",\"").append(names[i]).append("\":").append(vs.get(i));
                    }
                    return s.append('}').toString();
                })),
                field.list().ofMaxSize(4).map(fs -> "{" + String.join(",", fs) + "}"),
                Arbitraries.of("null", "{}", "[]", "3"));
        return Arbitraries.oneOf(post, post, post, space.map(s -> s + "{\"date\":\"2020-11-01\"}" + s)).list().ofMaxSize(8)
                .flatMap(ps -> space.list().ofSize(ps.size() + 1).map(ss -> {
                    StringBuilder s = new StringBuilder("[").append(ss.get(0));
                    for (int i = 0; i < ps.size(); i++) {
                        s.append(i == 0 ? "" : "," + ss.get(i)).append(ps.get(i));
                    }
                    return s.append(ss.get(ps.size())).append(']').toString();
                }));
    }

    /** Every account's posts replaced by one generated array; limits of 3 posts and of the default. */
    @Property(tries = 600, shrinking = ShrinkingMode.OFF)
    void aBatchBindsFromBytesAsFromAStream(@ForAll("postArrays") String posts) throws Exception {
        String fixture = Files.readString(Fixtures.batch("meixian"));
        String body = fixture.replaceAll("\"posts\"\\s*:\\s*\\[[^\\]]*\\]", "\"posts\":" + posts.replace("\\", "\\\\"));
        assertNotEquals(fixture, body);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (BatchLimits limits : List.of(BatchLimits.DEFAULTS, new BatchLimits(366, 100_000, 200_000, 200_000, 400_000, 3,
                10_000, 1_000, 500, 100))) {
            assertEquals(outcome(() -> BatchReader.read(new ByteArrayInputStream(bytes), null, limits)),
                    outcome(() -> BatchReader.read(bytes, null, limits)), posts);
        }
    }

    private static Batch.Post post(String date, Boolean original, Boolean recommended) {
        return new Batch.Post(LocalDate.parse(date), original, recommended);
    }

    private static Object outcome(Read read) throws Exception {
        try {
            return read.run();
        } catch (BatchRejected e) {
            return List.of(e.violations(), e.more(), e.overLimit());
        }
    }

    @FunctionalInterface
    private interface Read {
        Batch run() throws Exception;
    }
}
