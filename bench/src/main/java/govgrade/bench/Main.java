package govgrade.bench;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The benchmark jar's command line: {@code generate} batches and {@code bench} the product on them. */
@Command(name = "govgrade-bench", mixinStandardHelpOptions = true, version = "govgrade-bench 0.1",
        description = "Generates synthetic batches and benchmarks govgrade on them.",
        subcommands = {GenerateCommand.class, BenchCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    /** Runs a command line writing to the given streams (tests call this instead of main). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
