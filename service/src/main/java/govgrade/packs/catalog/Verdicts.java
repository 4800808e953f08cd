package govgrade.packs.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackError;
import govgrade.packs.PackSource;
import govgrade.packs.tables.PackMeaning;
import govgrade.store.PackVersions;
import java.sql.SQLException;
import java.util.List;

/**
 * The verdicts on candidate versions: whether they pass the gate (worked out once per version in a
 * process), kept with the version in the store (ok, or refused with the reasons), and whether a
 * candidate changes rule code compared with the version it would replace.
 */
final class Verdicts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PackVersions store;
    private final FixtureChoice fixtures;
    private final VersionGate gate;
    private final GateResults gated = new GateResults();

    Verdicts(PackVersions store, FixtureChoice fixtures, VersionGate gate) {
        this.store = store;
        this.fixtures = fixtures;
        this.gate = gate;
    }

    /** The gate's reasons against a compiled version graded on {@code tests}; empty when it may be active. */
    List<PackError> gate(CompiledPack compiled, PackFixtures tests) {
        // By version and fixtures: the same version is judged again on other fixtures.
        return gated.computeIfAbsent(compiled.version() + "/" + tests.hash(), v -> gate.check(compiled, tests));
    }

    /**
     * Stores a compiled candidate ({@code isNew}) with the verdict and the fixtures it was gated
     * with, or records them on the version stored already. {@code meaning}: the content hash, null
     * to leave it as stored.
     */
    void record(PackSource src, boolean isNew, String origin, String by, String meaning, List<PackError> refusal,
                PackFixtures tests) throws SQLException {
        String status = refusal.isEmpty() ? PackVersions.OK : PackVersions.REFUSED;
        String reasons = refusal.isEmpty() ? null : json(refusal);
        if (!isNew || !store.store(src.id(), src.version(), src.files(), origin, by, meaning, status, reasons)) {
            store.setStatus(src.id(), src.version(), status, reasons);
        }
        fixtures.keep(src.id(), src.version(), tests);
    }

    /** Refuses {@code after} when its rule code is not {@code before}'s, naming the first difference. */
    static void requireSameCode(PackSource before, PackSource after) throws CodeChangeRefused {
        if (!before.codeVersion().equals(after.codeVersion())) {
            throw new CodeChangeRefused(after.id(), PackMeaning.of(after.files())
                    .firstCodeChange(PackMeaning.of(before.files()))
                    .orElse(PackError.inFile(null, "the rule code differs from the active version's")));
        }
    }

    private static String json(List<PackError> errors) {
        try {
            return JSON.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
