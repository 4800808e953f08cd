package govgrade.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonMappingException;
import govgrade.Fixtures;
import govgrade.published.PackTests;
import govgrade.rules.ReportWords;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The result written in chunks on every core is, character for character, the one the shared codec writes. */
class PrettyRunTest {

    @Nested
    class SameCharactersAsTheCodec {
        @Test
        void forEveryFixtureAsWrittenAndCutIntoChunksOfOneTwoAndThreeResults() throws Exception {
            for (Path expected : Fixtures.expectedFiles()) {
                GradedRun run = Fixtures.grade(PackTests.batchOf(expected), Fixtures.HOME);
                String codec = codec(run);
                assertEquals(codec, pretty(run), expected.toString());
                for (int size = 1; size <= 3; size++) {
                    assertEquals(codec, chunked(run, size), expected + " in chunks of " + size);
                }
            }
        }

        @Test
        void forALargeRunOnEveryCoreWithALastChunkOfOneResult() throws Exception {
            GradedRun run = run(4 * PrettyRun.CHUNK + 1, null);
            assertEquals(codec(run), pretty(run));
        }

        @Test
        void forARunWithoutResultsAndForOneWithReportWords() throws Exception {
            GradedRun none = run(0, null);
            assertEquals(codec(none), pretty(none));
            assertEquals(codec(none), chunked(none, 1));
            GradedRun worded = run(5, ReportWords.NONE);
            assertEquals(codec(worded), chunked(worded, 2));
        }
    }

    @Test
    void aLargeRunsChunksAreMadeOnMoreThanOneThread() throws Exception {
        GradedRun run = run(4 * PrettyRun.CHUNK, null, new ThreadName());
        StringWriter w = new StringWriter();
        PrettyRun.write(w, run, new PrettyRun.Chunking(40, 0));
        assertTrue(w.toString().contains("\"result-json\""), "every chunk was made on the writing thread");
    }

    @Test
    void aResultThatCannotBeWrittenFailsTheWriteWithJacksonsOwnError() {
        GradedRun run = run(4 * PrettyRun.CHUNK, null, new Unwritable());
        assertThrows(JsonMappingException.class, () -> pretty(run));
    }

    private static String codec(GradedRun run) throws IOException {
        StringWriter w = new StringWriter();
        ResultJson.writePretty(w, run);
        return w.toString();
    }

    private static String pretty(GradedRun run) throws IOException {
        StringWriter w = new StringWriter();
        PrettyRun.write(w, run);
        return w.toString();
    }

    private static String chunked(GradedRun run, int size) throws IOException {
        StringWriter w = new StringWriter();
        PrettyRun.write(w, run, new PrettyRun.Chunking(size, 0));
        return w.toString();
    }

    private static GradedRun run(int results, ReportWords report) {
        return run(results, report, null);
    }

    /**
     * Results of every shape a run holds: ranked and not, failed with problems, figures with and without
     * declared ones, earlier periods read, nulls where a field may be null; {@code odd} in each one's because.
     */
    private static GradedRun run(int results, ReportWords report, Object odd) {
        List<GradedRun.Result> list = new ArrayList<>(results);
        for (int i = 0; i < results; i++) {
            boolean failed = i % 7 == 0;
            GradedRun.SubjectRef s = new GradedRun.SubjectRef(i % 3 == 0 ? "unit" : "account", "id-" + i,
                    "第" + i + "号\"账号\"", i % 2 == 0 ? "township" : null, "第" + (i % 30) + "区县",
                    i % 3 == 0 ? null : "wechat");
            Map<String, Object> declared = new LinkedHashMap<>();
            if (i % 5 == 0) {
                declared.put("稿件数", i % 13);
                declared.put("比例", new BigDecimal("30.40"));
            }
            GradedRun.Figures f = i % 11 == 0 ? null : new GradedRun.Figures(i % 40, null, null, i % 4, i % 30,
                    new BigDecimal("12.5"), i % 9, null, null, i % 5, i % 3, new BigDecimal("3.0E+1"),
                    LocalDate.of(2020, 12, 1 + i % 30), i % 30, declared);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("posts", i % 40);
            facts.put("lastUpdate", LocalDate.of(2020, 12, 1 + i % 30));
            facts.put("nothing", null);
            if (odd != null) {
                facts.put("odd", odd);
            }
            List<GradedRun.EarlierRead> earlier = i % 4 == 0 ? List.of(new GradedRun.EarlierRead(1,
                    LocalDate.of(2020, 7, 1), LocalDate.of(2020, 9, 30), "run", "r-" + i, null)) : null;
            list.add(new GradedRun.Result(s, i % 2 == 0 ? "new-media" : "website", failed ? "FAIL" : "PASS",
                    failed ? "不合格" : "合格", i % 6 == 0 ? null : BigDecimal.valueOf(600 + i % 400, 1),
                    i % 2 == 0 ? i / 2 + 1 : null,
                    failed ? List.of(new GradedRun.ProblemOut("NO_UPDATE", "监测期内未更新\n（12-01至12-31）")) : List.of(),
                    List.of(new GradedRun.Because("新媒体：其余合格", facts), new GradedRun.Because("空", Map.of())),
                    f, earlier));
        }
        List<GradedRun.Summary> summaries = List.of(new GradedRun.Summary("第1区县", "new-media", results,
                results / 7, new BigDecimal("85.7"), Map.of("PASS", results - results / 7)));
        return new GradedRun("local-0123456789abcdef", new GradedRun.PackRef("shangqiu", "f076bc6cbd05ba2f"),
                new GradedRun.PeriodOut(LocalDate.of(2020, 10, 1), LocalDate.of(2020, 12, 31), null), list,
                summaries, report);
    }

    /** The thread that writes it. */
    private static final class ThreadName {
        @JsonValue
        String name() {
            return Thread.currentThread().getName();
        }
    }

    /** A value Jackson refuses to write (no properties). */
    private static final class Unwritable {
    }
}
