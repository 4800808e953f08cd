package govgrade.cli;

import govgrade.packs.CompiledPack;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.UnknownPack;
import govgrade.packs.build.SilentRows;
import govgrade.packs.catalog.PackHome;
import govgrade.published.FixtureGate;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate [PACK]}: compiles packs, prints each version or every error with its place. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Compile criteria packs; print each pack's version, or every error with its file and "
                + "line (DRL) or sheet and cell (Excel).",
        exitCodeListHeading = Exits.HEADING,
        exitCodeList = {"0:every pack compiles and grades its fixtures",
                "1:a pack does not compile, cannot grade its fixtures, or is unknown, or a pack folder's name is "
                        + "not a pack id (lower-case letters, digits, '-' or '_', at most 40 characters)",
                "2:--home is no folder or holds no pack (the line names the folders looked in), or an option is bad",
                Exits.INTERNAL_LINE})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PACK", arity = "0..1", description = "one pack id (default: every pack)")
    String pack;

    @Mixin
    Home home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PackHome registry = home.packs(spec);
        List<String> ids = pack == null ? registry.ids() : List.of(pack);
        int failed = 0;
        if (pack == null) {
            for (PackError misnamed : registry.misnamed()) {
                out.println("not a pack: " + misnamed.describe());
                failed++;
            }
        }
        for (String id : ids) {
            try {
                CompiledPack p = registry.load(id);
                // What the service would refuse to activate, validate does not call ok.
                List<PackError> refusal = new FixtureGate(home.dir.resolve("fixtures")).check(p);
                if (!refusal.isEmpty()) {
                    out.printf("%-10s version %s compiles but cannot grade its pack tests, %d error(s):%n", id,
                            p.version(), refusal.size());
                    refusal.forEach(pe -> out.println("  " + pe.describe()));
                    failed++;
                    continue;
                }
                out.printf("%-10s version %s  ok (%d rules, %d files)%n", id, p.version(), p.ruleCount(),
                        p.source().files().size());
                SilentRows.of(p.source()).forEach(w -> out.println("  " + w.describe()));
            } catch (UnknownPack e) {
                err.println(e.getMessage());
                failed++;
            } catch (PackRejected e) {
                out.printf(registry.misnamed(id).isEmpty() ? "%-10s does not compile, %d error(s):%n"
                        : "%-10s is not a pack id, %d error(s):%n", id, e.errors().size());
                for (PackError pe : e.errors()) {
                    out.println("  " + pe.describe());
                }
                failed++;
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }
}
