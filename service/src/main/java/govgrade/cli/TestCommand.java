package govgrade.cli;

import govgrade.packs.Budgets;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackError;
import govgrade.packs.PackRejected;
import govgrade.packs.UnknownPack;
import govgrade.packs.build.SilentRows;
import govgrade.packs.catalog.PackHome;
import govgrade.published.FigureChanges;
import govgrade.published.PackTests;
import govgrade.published.Reconciler;
import govgrade.store.PostgresUrl;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code test [PACK]}: the pack's published circulars (fixtures/PACK/) graded by the files on disk now. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Grade each pack's fixtures (fixtures/<pack>/*.json with *.expected.json) with the pack's "
                + "files as they are now, and list every published figure they do not reproduce (\"differs from "
                + "the published figure\"; rows the circular marks known aside).",
                "With --db, also grade them with the version the service's database holds active, and list every "
                + "published figure the files on disk grade otherwise (\"changed by this version\")."},
        exitCodeListHeading = Exits.HEADING,
        exitCodeList = {"0:every published figure reproduced (known differences aside), none changed",
                "1:a published figure differs or is changed by this version, a pack does not compile, is unknown, "
                        + "or a pack folder's name is not a pack id; also when nothing was tested (no fixture with "
                        + "published figures for the pack): a pack no published figure vouches for has not passed, "
                        + "so a CI gate on test stops, yet nothing was unreadable (2) and nothing broke (3)",
                "2:--home is no folder or holds no pack, --fixtures is no folder, or an option is bad",
                Exits.INTERNAL_LINE})
final class TestCommand implements Callable<Integer> {
    static final int NOTHING_TESTED = Exits.FAILED;

    @Parameters(paramLabel = "PACK", arity = "0..1", description = "one pack id (default: every pack)")
    String pack;

    @Option(names = "--fixtures", paramLabel = "DIR", description = "folder of per-pack fixtures (default: HOME/fixtures)")
    Path fixtures;

    @Option(names = "--db", paramLabel = "FILE|URL", description = "the service's SQLite file or PostgreSQL URL: "
            + "compare with each pack's active version there (default: no comparison; a missing file is not created)")
    String db;

    @Mixin
    Home home;

    @Spec
    CommandSpec spec;

    @Mixin
    ProgressOption progressOption;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PackHome registry = home.packs(spec);
        Path root = fixtures != null ? fixtures : home.dir.resolve("fixtures");
        if (fixtures != null && !Files.isDirectory(fixtures)) {
            throw new BadInput(spec, "--fixtures " + fixtures + ": no such folder");
        }
        Progress progress = progressOption.start(spec.commandLine().getErr(), "test");
        List<String> ids = pack == null ? registry.ids() : List.of(pack);
        int failed = 0;
        int untested = 0;
        if (pack == null) {
            for (PackError misnamed : registry.misnamed()) {
                out.println("not a pack: " + misnamed.describe());
                failed++;
            }
        }
        if (db != null && !PostgresUrl.is(db) && !Files.isRegularFile(Path.of(db))) {
            out.println("no database at " + db + ": nothing to compare with, only the published figures are tested");
        }
        int n = 0;
        try (Baseline baseline = new Baseline(ActiveVersion.open(db))) {
            for (String id : ids) {
                CompiledPack p;
                PackTests.Outcome o;
                try (Progress.Step step = progress.step(String.format(Locale.ROOT, "pack %s (%d of %d): compiling and "
                        + "grading its fixtures", id, ++n, ids.size()), 0)) {
                    p = registry.load(id);
                    o = PackTests.run(p, root, Budgets.DEFAULTS, baseline.of(id, registry));
                } catch (UnknownPack e) {
                    out.println(e.getMessage());
                    failed++;
                    continue;
                } catch (PackRejected e) {
                    out.printf(registry.misnamed(id).isEmpty() ? "%-10s does not compile:%n" : "%-10s is not a pack id:%n",
                            id);
                    e.errors().stream().map(PackError::describe).forEach(d -> out.println("  " + d));
                    failed++;
                    continue;
                }
                print(out, p, o);
                SilentRows.of(p.source()).forEach(w -> out.println("  " + w.describe()));
                failed += o.changesPublishedFigures() || !o.changedByVersion().isEmpty() ? 1 : 0;
                untested += o.testedNothing() ? 1 : 0;
            }
        }
        out.flush();
        return failed > 0 ? 1 : untested > 0 ? NOTHING_TESTED : 0;
    }

    private static void print(PrintWriter out, CompiledPack p, PackTests.Outcome o) {
        out.printf("%-10s version %s  %s%n", p.id(), p.version(), o.summary());
        for (Reconciler.Difference d : o.differsFromPublished()) {
            out.printf("  differs: %s %s [%s] %s: published %s, this version %s%n", d.id() == null ? "" : d.id(),
                    d.name(), d.channel(), d.figure(), d.published(), d.graded());
        }
        for (FigureChanges.Change c : o.changedByVersion()) {
            out.printf("  changed: %s %s [%s] %s: version %s %s, this version %s (published %s)%n",
                    c.id() == null ? "" : c.id(), c.name(), c.channel(), c.figure(), o.against(), c.before(), c.after(),
                    c.published());
        }
    }

    /** The active versions to compare with, if a database was given; none otherwise. */
    private record Baseline(Optional<ActiveVersion> versions) implements AutoCloseable {
        CompiledPack of(String pack, PackHome packs) throws Exception {
            return versions.isPresent() ? versions.get().of(pack, packs).orElse(null) : null;
        }

        @Override
        public void close() throws Exception {
            if (versions.isPresent()) {
                versions.get().close();
            }
        }
    }
}
