package govgrade.cli;

import govgrade.packs.RuleLibrary;
import govgrade.packs.catalog.PackStarter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code new-pack ID --name 武定县}: a new pack from the starter pack, and what to edit next. */
@Command(name = "new-pack", mixinStandardHelpOptions = true,
        description = "Create a pack from the starter pack: rules-drl/ID/, decision-tables/ID/ and fixtures/ID/ "
                + "(a skeleton batch and its expected results), then print what to edit next.",
        exitCodeListHeading = Exits.HEADING,
        exitCodeList = {"0:the pack was created", "1:not created: the pack exists already",
                "2:not created: the id is not a pack id, there is no starter pack, or an option is bad or missing",
                Exits.INTERNAL_LINE})
final class NewPackCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "the pack id: lower-case letters, digits, '-' or '_', e.g. wuding")
    String id;

    @Option(names = "--name", paramLabel = "NAME", description = "the county's name as the circular writes it, "
            + "e.g. 武定县 (default: the id)")
    String name;

    @Option(names = "--from", paramLabel = "DIR", description = "folder holding the starter pack (rules-drl/starter/, "
            + "decision-tables/starter/, fixtures/starter/); default: starter/ under --home")
    Path from;

    @Mixin
    Home home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path starter = from != null ? from : home.dir.resolve("starter");
        List<Path> written;
        try {
            written = PackStarter.create(home.dir, starter, id, name == null || name.isBlank() ? id : name.strip());
        } catch (PackStarter.Refused e) {
            err.println("new-pack: " + e.getMessage());
            err.flush();
            return e.badInput() ? 2 : 1;
        }
        out.println("created pack " + id + ":");
        written.forEach(p -> out.println("  " + home.dir.relativize(p).toString().replace('\\', '/')));
        String drl = "rules-drl/" + id + "/" + id + ".drl";
        for (RuleLibrary.Include inc : RuleLibrary.includes(Files.readString(home.dir.resolve(drl),
                StandardCharsets.UTF_8))) {
            if (!Files.isRegularFile(home.dir.resolve(inc.path()))) {
                out.println("note: " + inc.path() + " is not in " + home.dir.toAbsolutePath().normalize() + "; copy the "
                        + "installation's rules-lib/ folder there, or validate refuses the include (缺少共用规则库文件)");
            }
        }
        String xlsx = "decision-tables/" + id + "/" + id + ".xlsx";
        out.println();
        out.println("What to edit next (下一步):");
        out.println("  1. " + xlsx + ": 参数 (the numbers: days, counts, points), 等级 (how the circular words each grade),");
        out.println("     问题 (how it words each problem; a grade in 评定等级 makes the problem a veto), 设置 (ranking,");
        out.println("     the summary's total row), 数据项 (figures a batch carries beyond the built-in ones), 扣分 (points");
        out.println("     per problem), 等级分档 (score bands to grades), 报表 (the report's sheet names and titles). Change");
        out.println("     only the value cells; delete the sheets and rules the circular does not use.");
        out.println("  2. " + drl + ": the shared rules the pack includes (\"// include: veto, findings, stale, pass\")");
        out.println("     and its own rules (docs/rule-reference.md lists what a rule can read and produce).");
        out.println("  3. fixtures/" + id + "/" + id + ".json: a real batch of the circular's period; " + id
                + ".expected.json: what the circular published for it.");
        out.println("  4. java -jar target/govgrade.jar validate " + id + "   (every mistake at its file, sheet and cell)");
        out.println("  5. java -jar target/govgrade.jar test " + id + "       (every published figure reproduced)");
        out.flush();
        return 0;
    }
}
