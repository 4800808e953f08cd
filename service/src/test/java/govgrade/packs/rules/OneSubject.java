package govgrade.packs.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import govgrade.Fixtures;
import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.grading.GradedRun;
import govgrade.grading.Grading;
import govgrade.packs.catalog.PackHome;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A batch of one subject (or a few), written as JSON in the test and graded through the real
 * bundled pack, compiled once per JVM in {@link Fixtures#PACKS_CACHE}. The JSON is the contract's,
 * so these tests hold whatever the classes behind it become.
 */
final class OneSubject {
    private static final PackHome BUNDLED = new PackHome(Fixtures.HOME, Fixtures.PACKS_CACHE);

    private OneSubject() {
    }

    /** Grades {@code json} (a whole batch, single quotes for double) under the bundled pack it names. */
    static GradedRun grade(String json) throws Exception {
        byte[] bytes = json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
        Batch batch = BatchReader.read(new ByteArrayInputStream(bytes), null);
        return Grading.grade(batch, BUNDLED.load(batch.pack()), "rule-test");
    }

    /** The one result of the batch on {@code channel}. */
    static GradedRun.Result only(GradedRun run, String channel) {
        List<GradedRun.Result> on = run.results().stream().filter(r -> r.channel().equals(channel)).toList();
        assertEquals(1, on.size(), "results on " + channel + ": " + on);
        return on.get(0);
    }

    static List<String> codes(GradedRun.Result result) {
        return result.problems().stream().map(GradedRun.ProblemOut::code).toList();
    }

    static List<String> labels(GradedRun.Result result) {
        return result.problems().stream().map(GradedRun.ProblemOut::label).toList();
    }

    /** The names of the rules that decided the result, from its explanation. */
    static List<String> rules(GradedRun.Result result) {
        return result.because().stream().map(GradedRun.Because::rule).toList();
    }
}
