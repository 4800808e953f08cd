package govgrade.cli;

import govgrade.facts.Batch;
import govgrade.facts.BatchReader;
import govgrade.facts.BatchRejected;
import govgrade.factsheets.FactsWriter;
import govgrade.packs.CompiledPack;
import govgrade.packs.FactsRead;
import govgrade.packs.PackRejected;
import govgrade.packs.UnknownPack;
import govgrade.packs.catalog.PackHome;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code facts-template PACK [-o FILE]}: the workbook a county office fills with a period's facts. */
@Command(name = "facts-template", mixinStandardHelpOptions = true,
        description = "Write the facts template of a pack: the sheets and columns its batches have, its declared "
                + "figures, one example row each, and a 说明 sheet. Fill it in and grade it with grade FILE.xlsx.",
        exitCodeListHeading = Exits.HEADING,
        exitCodeList = {"0:written", "1:the pack is unknown or does not compile", Exits.BAD_INPUT_LINE,
            Exits.INTERNAL_LINE})
final class FactsTemplateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PACK", description = "the pack id")
    String pack;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "where to write (default: PACK-facts.xlsx)")
    Path output;

    @Option(names = "--batch", paramLabel = "FILE.json",
            description = "fill the workbook with this batch instead of an example row (its pack must be PACK): the "
                    + "workbook an office would send for it")
    Path batch;

    @Mixin
    Home home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PackHome registry = home.packs(spec);
        CompiledPack compiled;
        try {
            compiled = registry.load(pack);
        } catch (UnknownPack e) {
            err.println(e.getMessage());
            return Exits.FAILED;
        } catch (PackRejected e) {
            err.println("pack " + pack + " does not compile; validate " + pack + " lists its errors");
            return Exits.FAILED;
        }
        Path to = output != null ? output : Path.of(pack + "-facts.xlsx");
        if (Files.isDirectory(to)) {
            throw new BadInput(spec, "-o " + to + ": a folder, not a file");
        }
        if (batch != null) {
            return filled(compiled, to, err);
        }
        try (OutputStream out = Files.newOutputStream(to)) {
            FactsWriter.template(compiled.id(), compiled.figures(), FactsRead.of(compiled).places(), out);
        }
        spec.commandLine().getOut().println(to);
        return Exits.OK;
    }

    private int filled(CompiledPack compiled, Path to, PrintWriter err) throws Exception {
        Batch b;
        try (InputStream in = Files.newInputStream(InputFile.require(spec, "--batch", batch))) {
            b = BatchReader.read(in, compiled.id());
        } catch (BatchRejected e) {
            err.println(batch + ": the batch cannot be written:");
            e.violations().forEach(v -> err.println("  " + v.message()));
            return Exits.BAD_INPUT;
        }
        if (!compiled.id().equals(b.pack())) {
            throw new BadInput(spec, "--batch " + batch + " is pack " + b.pack() + "'s, not " + compiled.id() + "'s");
        }
        try (OutputStream out = Files.newOutputStream(to)) {
            FactsWriter.write(b, compiled.figures(), out);
        }
        spec.commandLine().getOut().println(to);
        return Exits.OK;
    }
}
