package govgrade.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where packs live: rules-drl/ and decision-tables/ under this folder (the working folder by default). */
final class Home {
    @Option(names = "--home", paramLabel = "DIR", defaultValue = ".",
            description = "folder holding rules-drl/ and decision-tables/ (default: the working folder)")
    Path dir;
}
