package govgrade.facts;

import java.util.regex.Pattern;

/**
 * What a pack id may be: the one rule for a batch's {@code pack} field, a pack folder's name and a
 * URL's pack, so a folder that validates can also be graded. Lower case only: a folder named
 * {@code Wuding2} on a case-insensitive disk and {@code wuding2} in a batch would otherwise be two
 * packs on one machine and one on another.
 */
public final class PackId {
    /** The rule in words, for messages. */
    public static final String RULE = "lower-case letters, digits, '-' or '_', starting with a letter or digit, "
            + "at most 40 characters ([a-z0-9][a-z0-9_-]{0,39})";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    private PackId() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
