package govgrade.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.Fixtures;
import govgrade.grading.GradedRun;
import govgrade.grading.ResultJson;
import govgrade.packs.catalog.PackCatalog;
import govgrade.packs.catalog.PackHome;
import govgrade.store.Database;
import govgrade.store.Runs;
import govgrade.store.WhatIfs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run services over a real store: what they answer is what they store, read back through the one codec. */
class RunServiceTest {
    @TempDir
    Path dir;

    private Database database;
    private RunService runs;
    private WhatIfService whatIfs;

    @BeforeEach
    void open() throws Exception {
        database = Database.open(dir.resolve("g.db"));
        PackCatalog catalog = new PackCatalog(new PackHome(Fixtures.HOME, Fixtures.PACKS_CACHE), database);
        catalog.startSync().forEach(Runnable::run);
        runs = new RunService(catalog, new Runs(database), govgrade.facts.BatchLimits.DEFAULTS);
        whatIfs = new WhatIfService(runs, catalog, new WhatIfs(database));
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    @Test
    void aStoredRunReadsBackAsTheRunAnsweredAndEncodesToTheSameBytes() throws Exception {
        RunService.Graded g = runs.grade(Files.readAllBytes(Fixtures.batch("meixian")), null);
        assertArrayEquals(g.json(), runs.find(g.runId()).result());
        GradedRun back = runs.read(g.runId());
        assertEquals(g.run().results().size(), back.results().size());
        assertArrayEquals(g.json(), ResultJson.write(back));
    }

    @Test
    void aWhatIfUnderTheRunsOwnVersionChangesNothingAndReadsBackAsAnswered() throws Exception {
        RunService.Graded g = runs.grade(Files.readAllBytes(Fixtures.batch("shangnan")), null);
        WhatIfService.Answer a = whatIfs.regrade(g.runId(), null, null);
        assertTrue(a.whatIf().changes().isEmpty(), () -> a.whatIf().changes().toString());
        assertEquals(g.run().pack(), a.whatIf().against());
        WhatIfService.Answer again = whatIfs.find(a.whatIf().id());
        assertArrayEquals(a.json(), again.json());
        assertEquals(a.whatIf(), again.whatIf());
    }

    @Test
    void anUnknownRunIsNamed() {
        UnknownRun e = assertThrows(UnknownRun.class, () -> runs.read("no-such-run"));
        assertTrue(e.getMessage().contains("no-such-run"), e.getMessage());
    }
}
