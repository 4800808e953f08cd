package govgrade.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: a synthetic, seeded shangqiu fact batch of any size, streamed to a file or standard output. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a deterministic synthetic fact batch (pack shangqiu) for benchmarks: "
                + "the same size and seed give the same bytes.")
final class GenerateCommand implements Callable<Integer> {

    static final class HowMany {
        @Option(names = "--size", description = "county (150 accounts), province (15,000) or national (150,000)")
        String size;

        @Option(names = "--accounts", paramLabel = "N", description = "any number of accounts")
        Integer accounts;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    HowMany howMany;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "where to write (default: standard output)")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int accounts = BatchGenerator.Size.COUNTY.accounts();
        if (howMany != null && howMany.accounts != null) {
            accounts = howMany.accounts;
        } else if (howMany != null && howMany.size != null) {
            try {
                accounts = BatchGenerator.Size.valueOf(howMany.size.toUpperCase(Locale.ROOT)).accounts();
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("--size: found \"" + howMany.size
                        + "\", expected county, province or national");
                return 2;
            }
        }
        BatchGenerator.Spec what;
        try {
            what = new BatchGenerator.Spec(accounts, seed);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("--accounts: " + e.getMessage());
            return 2;
        }
        BatchGenerator.Written w;
        if (output == null) {
            // Straight to the process's standard output: the batch is bytes, not text to re-encode.
            OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
            w = BatchGenerator.write(what, out);
            out.flush();
        } else {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
                w = BatchGenerator.write(what, out);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "%,d units, %,d accounts (%,d stale), %,d posts%n", w.units(), w.accounts(),
                w.staleAccounts(), w.posts());
        err.flush();
        return 0;
    }
}
