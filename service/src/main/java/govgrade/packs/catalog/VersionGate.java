package govgrade.packs.catalog;

import govgrade.packs.CompiledPack;
import govgrade.packs.PackError;
import java.util.List;

/**
 * What a compiled version must pass before it may become active or be published: grading its
 * pack's tests without an error. Declared here, where versions are activated, and implemented
 * above (by the pack tests, which grade), handed in by whoever assembles the catalog.
 */
@FunctionalInterface
public interface VersionGate {
    /** No check: for the command line, which activates nothing. */
    VersionGate NONE = pack -> List.of();

    /** Why {@code candidate} may not be activated, each reason at its place; empty when it may. */
    List<PackError> check(CompiledPack candidate);

    /**
     * The same question over the fixtures the catalog chose for the candidate (those its version
     * keeps in the store, or the disk's), so every instance gates alike whatever its disk holds.
     * A gate that reads no fixtures need not override it.
     */
    default List<PackError> check(CompiledPack candidate, PackFixtures fixtures) {
        return check(candidate);
    }
}
