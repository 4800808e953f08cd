package govgrade.facts;

/**
 * One thing wrong with a batch: where (a JSON path such as {@code accounts[3].posts[0].date}),
 * what was found there and what was expected instead.
 */
public record Violation(String path, String found, String expected) {

    public String message() {
        return path + ": found " + found + ", expected " + expected;
    }

    @Override
    public String toString() {
        return message();
    }
}
