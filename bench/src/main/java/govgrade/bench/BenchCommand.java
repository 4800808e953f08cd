package govgrade.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: measures grading end to end, growth, HTTP load, pack compile and start-up on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark govgrade on generated batches; prints every figure with its target and writes "
                + "time-per-account.png. HTTP load runs on 127.0.0.1 only and stops by itself.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--parts", split = ",", paramLabel = "PART",
            defaultValue = "e2e,growth,http,compile,startup",
            description = "what to run: e2e, growth, http, compile, startup, instances (default ${DEFAULT-VALUE})")
    List<String> parts;

    @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "150,15000,150000",
            description = "batch sizes in accounts for growth; the largest is the e2e batch (default ${DEFAULT-VALUE})")
    List<Integer> sizes;

    @Option(names = "--repeats", defaultValue = "5", description = "timed repeats per figure (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--seconds", defaultValue = "30", description = "HTTP load per phase in seconds (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--clients", defaultValue = "8", description = "concurrent HTTP clients (default ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--seed", defaultValue = "1", description = "generator seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--work", defaultValue = "target/bench", paramLabel = "DIR",
            description = "generated batches and scratch files (default ${DEFAULT-VALUE})")
    Path work;

    @Option(names = "--out", defaultValue = "target/bench", paramLabel = "DIR",
            description = "where the plot goes (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--cold", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "also time the e2e batch in a fresh JVM (java -jar ... grade), with its peak RSS")
    boolean cold;

    @Option(names = "--cds", description = "also time compile and start-up with an AppCDS archive (made once "
            + "in --work by a training launch)")
    boolean cds;

    @Option(names = "--home", paramLabel = "DIR", defaultValue = ".",
            description = "folder holding rules-drl/ and decision-tables/ (default: the working folder)")
    Path home;

    @Option(names = "--pg", paramLabel = "JDBC-URL", description = "for instances: a PostgreSQL user who may create "
            + "databases, e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres")
    String pg;

    @Option(names = "--java25", paramLabel = "JAVA", description = "for e2e and startup: also grade the national batch in a "
            + "fresh JVM on this JDK 25 java, with compact object headers, and launch serve on it (default: "
            + "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java when present)")
    Path java25;

    @Option(names = "--jar", paramLabel = "JAR", description = "for http and startup: run the load against this build's jar "
            + "as a child serve (java -jar JAR serve) instead of in this process; repeat it (--jar before.jar --jar "
            + "target/govgrade.jar) to print builds side by side, each under the same load; startup launches each jar other than the product's in the same rounds")
    List<Path> jars = new ArrayList<>();

    @Option(names = "--serve-jvm", paramLabel = "OPTIONS", defaultValue = ServeComparison.DEFAULT_JVM,
            description = "for http with --jar: the JVM options every child serve gets, the same for each jar "
                    + "(default ${DEFAULT-VALUE}, the flags docs/deploy.md recommends)")
    String serveJvm;

    @Option(names = "--rounds", defaultValue = "1", description = "for http with --jar: how many times the jars take "
            + "turns, each a new child and database (default ${DEFAULT-VALUE})")
    int rounds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Set<Bench.Part> chosen = EnumSet.noneOf(Bench.Part.class);
        List<String> unknown = new ArrayList<>();
        for (String p : parts) {
            try {
                chosen.add(Bench.Part.valueOf(p.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                unknown.add(p);
            }
        }
        if (!unknown.isEmpty()) {
            spec.commandLine().getErr().println("--parts: unknown " + unknown
                    + "; expected e2e, growth, http, compile, startup, instances");
            return 2;
        }
        if (chosen.contains(Bench.Part.INSTANCES) && (pg == null || pg.isBlank())) {
            spec.commandLine().getErr().println("--parts instances needs --pg JDBC-URL: a PostgreSQL user who may "
                    + "create databases (the benchmark makes one database per phase and drops it)");
            return 2;
        }
        Path jdk25 = java25 != null ? java25 : Files.isExecutable(FreshJvmBench.TEMURIN_25) ? FreshJvmBench.TEMURIN_25 : null;
        List<String> jvm = serveJvm.isBlank() ? List.of() : List.of(serveJvm.trim().split("\\s+"));
        Bench.run(new Bench.Options(chosen, sizes, repeats, seconds, clients, seed, home, work, out, cold, cds, pg, jdk25,
                jars, jvm, rounds), spec.commandLine().getOut());
        return 0;
    }
}
