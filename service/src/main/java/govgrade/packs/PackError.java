package govgrade.packs;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason a pack does not compile, with its place: file and line for DRL; file, sheet and
 * cell for a decision table. Paths are relative to the installation folder.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PackError(String file, String sheet, String cell, Integer line, String message) {

    public static PackError inDrl(String file, Integer line, String message) {
        return new PackError(file, null, null, line, message);
    }

    public static PackError inSheet(String file, String sheet, String cell, String message) {
        return new PackError(file, sheet, cell, null, message);
    }

    public static PackError inFile(String file, String message) {
        return new PackError(file, null, null, null, message);
    }

    /** file:line or file [sheet!cell], then the message: one line a person can act on. */
    public String describe() {
        StringBuilder sb = new StringBuilder(file == null ? "(pack)" : file);
        if (line != null) {
            sb.append(':').append(line);
        }
        if (sheet != null) {
            sb.append(" [").append(sheet);
            if (cell != null) {
                sb.append('!').append(cell);
            }
            sb.append(']');
        }
        return sb.append(": ").append(message).toString();
    }
}
