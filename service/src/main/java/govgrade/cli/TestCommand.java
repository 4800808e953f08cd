package govgrade.cli;

import govgrade.packs.CompiledPack;
import govgrade.packs.PackError;
import govgrade.packs.catalog.PackHome;
import govgrade.packs.PackRejected;
import govgrade.packs.UnknownPack;
import govgrade.published.PackTests;
import govgrade.published.Reconciler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code test [PACK]}: the pack's published circulars (fixtures/PACK/) graded by the files on disk now. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Grade each pack's fixtures (fixtures/<pack>/*.json with *.expected.json) with the pack's "
                + "files as they are now, and list every published figure they would change.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no published figure changes", "1:a published figure changes, or a pack does not compile"})
final class TestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PACK", arity = "0..1", description = "one pack id (default: every pack)")
    String pack;

    @Option(names = "--fixtures", paramLabel = "DIR", description = "folder of per-pack fixtures (default: HOME/fixtures)")
    Path fixtures;

    @Mixin
    Home home;

    @Spec
    CommandSpec spec;

    @Mixin
    ProgressOption progressOption;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PackHome registry = new PackHome(home.dir);
        Path root = fixtures != null ? fixtures : home.dir.resolve("fixtures");
        Progress progress = progressOption.start(spec.commandLine().getErr(), "test");
        List<String> ids = pack == null ? registry.ids() : List.of(pack);
        int failed = 0;
        int n = 0;
        for (String id : ids) {
            CompiledPack p;
            PackTests.Outcome o;
            try (Progress.Step step = progress.step(String.format(Locale.ROOT, "pack %s (%d of %d): compiling and "
                    + "grading its fixtures", id, ++n, ids.size()), 0)) {
                p = registry.load(id);
                o = PackTests.run(p, root);
            } catch (UnknownPack e) {
                out.println(e.getMessage());
                failed++;
                continue;
            } catch (PackRejected e) {
                out.printf("%-10s does not compile:%n", id);
                e.errors().stream().map(PackError::describe).forEach(d -> out.println("  " + d));
                failed++;
                continue;
            }
            out.printf("%-10s version %s  %s%n", id, p.version(), o.summary());
            for (Reconciler.Difference d : o.changed()) {
                out.printf("  %s %s [%s] %s: published %s, this version %s%n", d.id() == null ? "" : d.id(),
                        d.name(), d.channel(), d.figure(), d.published(), d.graded());
            }
            failed += o.changesPublishedFigures() ? 1 : 0;
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }
}
