package govgrade.cli;

import govgrade.packs.PackSource;
import govgrade.packs.catalog.PackHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where packs live: rules-drl/ and decision-tables/ under this folder (the working folder by default). */
final class Home {
    @Option(names = "--home", paramLabel = "DIR", defaultValue = ".",
            description = "folder holding rules-drl/ and decision-tables/ (default: the working folder)")
    Path dir;

    /**
     * The packs under the home folder, for a command that needs at least one. A home without any is
     * a bad option, said once with the paths looked in, rather than "unknown pack" naming no pack.
     */
    PackHome packs(CommandSpec spec) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new BadInput(spec, "--home " + abs + ": no such folder");
        }
        PackHome packs = new PackHome(dir);
        if (packs.ids().isEmpty() && packs.misnamed().isEmpty()) {
            throw new BadInput(spec, "no packs in " + abs + ": looked for a folder per pack in " + found(abs,
                    PackSource.DRL_DIR) + " and " + found(abs, PackSource.TABLE_DIR) + " there (--home names the "
                    + "folder holding both; default: the working folder)");
        }
        return packs;
    }

    private static String found(Path home, String sub) throws IOException {
        Path p = home.resolve(sub);
        if (!Files.isDirectory(p)) {
            return sub + "/ (no such folder)";
        }
        try (var s = Files.list(p)) {
            return sub + "/" + (s.anyMatch(Files::isDirectory) ? "" : " (empty)");
        }
    }
}
