package govgrade.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** News of an activation made over another connection to the same PostgreSQL: at once, and still after the server cut the listener. */
class ActiveChangesTest {

    private static void storeAndActivate(Database db, String version) throws Exception {
        PackVersions versions = new PackVersions(db);
        versions.store("meixian", version, new TreeMap<>(Map.of("rules-drl/meixian/x.drl", version.getBytes())),
                "draft", "test");
        versions.activate("meixian", version, "alice");
    }

    @Test
    void anActivationElsewhereIsToldAtOnceNotAtTheNextPoll() throws Exception {
        String url = TestPostgres.newDatabase();
        try (Database mine = Database.open(url, nanos -> { }); Database other = Database.open(url, nanos -> { })) {
            Semaphore checks = new Semaphore(0);
            try (ActiveChanges changes = ActiveChanges.start(mine, Duration.ofMinutes(1), checks::release)) {
                Thread.sleep(500); // the listener is up
                long start = System.nanoTime();
                storeAndActivate(other, "v1");
                assertTrue(checks.tryAcquire(2, TimeUnit.SECONDS), "no news within 2 s of a one-minute poll");
                System.out.printf("told after %d ms%n", (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    @Test
    void aListenerTheServerCutStillBringsTheNextActivation() throws Exception {
        String url = TestPostgres.newDatabase();
        try (Database mine = Database.open(url, nanos -> { }); Database other = Database.open(url, nanos -> { })) {
            Semaphore checks = new Semaphore(0);
            try (ActiveChanges changes = ActiveChanges.start(mine, Duration.ofMillis(300), checks::release)) {
                Thread.sleep(500);
                try (Connection admin = DriverManager.getConnection(url); Statement s = admin.createStatement()) {
                    s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                            + "current_database() AND pid <> pg_backend_pid()").close();
                }
                Thread.sleep(1500); // the cut is noticed; polling goes on while the listener is opened again
                checks.drainPermits();
                storeAndActivate(other, "v2");
                assertTrue(checks.tryAcquire(2, TimeUnit.SECONDS), "no check within 2 s after the listener was cut");
                assertEquals("v2", new PackVersions(mine).active().get("meixian"), "the reading connection was replaced too");
            }
        }
    }
}
