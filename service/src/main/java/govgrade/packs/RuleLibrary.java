package govgrade.packs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared rule library: DRL files in {@code rules-lib/} at the installation folder that a pack
 * takes in by a line in its own DRL, {@code // include: veto} (or {@code // 引用: veto}). An
 * included file becomes one of the pack's files under {@code rules-lib/<name>.drl}, so it is
 * hashed into the pack's version, stored with it and compiled and checked like the pack's own
 * DRL: a version re-activated later grades with the library text it had, and a library edit on
 * disk is a new version of every pack that includes it. A comment, so the pack's DRL still reads
 * as plain DRL to any editor and to Drools.
 */
public final class RuleLibrary {
    public static final String LIB_DIR = "rules-lib";
    /** The rule for a library name, in words, for messages. */
    public static final String NAME_RULE = "lower-case letters, digits and '-', starting with a letter ([a-z][a-z0-9-]*)";

    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*//\\s*(?:include|引用)\\s*[:：]\\s*(.*?)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private RuleLibrary() {
    }

    /** One name on an include line, with the line (1-based) it is on. */
    public record Include(String name, int line) {
        public boolean isValidName() {
            return NAME.matcher(name).matches();
        }

        /** The path the included file has among a pack's files. */
        public String path() {
            return LIB_DIR + "/" + name + ".drl";
        }
    }

    /** The names a DRL text includes, in order; several on one line are separated by commas or spaces. */
    public static List<Include> includes(String drl) {
        List<Include> out = new ArrayList<>();
        Matcher m = DIRECTIVE.matcher(drl);
        while (m.find()) {
            int line = 1;
            for (int i = 0; i < m.start(); i++) {
                if (drl.charAt(i) == '\n') {
                    line++;
                }
            }
            for (String name : m.group(1).split("[,，\\s]+")) {
                if (!name.isEmpty()) {
                    out.add(new Include(name, line));
                }
            }
        }
        return out;
    }

    /** Whether a pack file is an included library file rather than the pack's own. */
    public static boolean isLibraryFile(String path) {
        return path.startsWith(LIB_DIR + "/");
    }

    /** Every include of the pack's own DRL files in {@code files}. */
    public static List<Include> includesOf(SortedMap<String, byte[]> files) {
        List<Include> out = new ArrayList<>();
        files.forEach((path, bytes) -> {
            if (!isLibraryFile(path) && path.toLowerCase(Locale.ROOT).endsWith(".drl")) {
                out.addAll(includes(new String(bytes, StandardCharsets.UTF_8)));
            }
        });
        return out;
    }

    /**
     * Puts in {@code files} the library files its DRL includes, read from {@code home/rules-lib};
     * library files {@code files} holds already keep their text (a draft keeps the library of the
     * version it starts from), and those no longer included are dropped. A name that is no valid
     * library name or has no file is left out: the build refuses it at the include line.
     */
    public static void resolve(Path home, SortedMap<String, byte[]> files) throws IOException {
        Set<String> wanted = new LinkedHashSet<>();
        for (Include inc : includesOf(files)) {
            if (inc.isValidName()) {
                wanted.add(inc.path());
            }
        }
        files.keySet().removeIf(p -> isLibraryFile(p) && !wanted.contains(p));
        for (String path : wanted) {
            Path file = home.resolve(path);
            if (!files.containsKey(path) && Files.isRegularFile(file)) {
                files.put(path, Files.readAllBytes(file));
            }
        }
    }

    /** The include lines that name no valid library file in {@code files}, each at its file and line. */
    public static List<PackError> unknownIncludes(SortedMap<String, byte[]> files) {
        List<PackError> out = new ArrayList<>();
        files.forEach((path, bytes) -> {
            if (isLibraryFile(path) || !path.toLowerCase(Locale.ROOT).endsWith(".drl")) {
                return;
            }
            for (Include inc : includes(new String(bytes, StandardCharsets.UTF_8))) {
                if (!inc.isValidName()) {
                    out.add(PackError.inDrl(path, inc.line(), "\"" + inc.name() + "\" is not a library name ("
                            + NAME_RULE + "); 引用的规则库名称无效"));
                } else if (!files.containsKey(inc.path())) {
                    out.add(PackError.inDrl(path, inc.line(), "no library file " + inc.path() + " for include \""
                            + inc.name() + "\"; the library has the .drl files in " + LIB_DIR + "/ (规则库中没有 "
                            + inc.name() + ")"));
                }
            }
        });
        return out;
    }
}
