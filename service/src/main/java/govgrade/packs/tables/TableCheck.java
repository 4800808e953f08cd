package govgrade.packs.tables;

/**
 * One thing wrong in a decision table, where a policy officer can act on it: the sheet and A1
 * cell, what was found and what was expected, said in Chinese and in English.
 */
public record TableCheck(String sheet, String cell, String chinese, String english) {

    /** Chinese first (staff read it), English after (for the integrator and the log). */
    public String message() {
        return chinese + " / " + english;
    }
}
