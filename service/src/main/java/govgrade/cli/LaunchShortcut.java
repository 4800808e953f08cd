package govgrade.cli;

import govgrade.app.StartupCaches;
import govgrade.store.PostgresUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code serve}, and {@code grade} of a big batch, started again with a class archive
 * ({@link Relaunch}) before the command line is built: the launching JVM is a whole JVM start on
 * the way to the first response (or the first byte of the batch read), and picocli's model of
 * every command (reflection over each option of eight commands) was most of it. Only the options
 * that say whether and where to relaunch are read here, as picocli reads them (the flag, then the
 * environment, then the default); the child reads and checks every option itself, and its errors
 * and exit code are the launcher's. Anything this does not read the way picocli would (help, a
 * flag with a value of its own, an option it does not know) is left to the command line, which
 * relaunches as before.
 */
final class LaunchShortcut {
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");
    /** grade's options that take a value (besides the --max- limits), and its flags that say nothing of relaunching. */
    private static final Set<String> GRADE_VALUES = Set.of("--home", "--earlier");
    private static final Set<String> GRADE_FLAGS = Set.of("--progress", "--no-progress", "--verbose", "--pack-cache",
            "--no-pack-cache");

    private LaunchShortcut() {
    }

    /** The served child's exit code, or empty when the command line is to run here. */
    static OptionalInt serve(String[] args, Map<String, String> env) {
        if (args.length == 0 || !args[0].equals("serve") || Boolean.getBoolean(Relaunch.MARK)) {
            return OptionalInt.empty();
        }
        Optional<Path> folder = folder(List.of(args).subList(1, args.length), env);
        return folder.isEmpty() ? OptionalInt.empty() : Relaunch.serve(folder.get());
    }

    /** The graded child's exit code, or empty when the command line is to run here. */
    static OptionalInt grade(String[] args, Map<String, String> env) {
        if (args.length == 0 || !args[0].equals("grade") || Boolean.getBoolean(Relaunch.MARK)) {
            return OptionalInt.empty();
        }
        return bigBatch(List.of(args).subList(1, args.length), env).isEmpty() ? OptionalInt.empty()
                : GradeJvm.relaunch(env);
    }

    /**
     * The batch file when grade is to relaunch (one file named, over the default size, the JVM cache
     * on); empty when it is not, or when picocli must say: an option this does not know, or that
     * changes the size (--jvm-cache-over-mb), or more or fewer than one file.
     */
    static Optional<Path> bigBatch(List<String> args, Map<String, String> env) {
        Boolean jvm = bool(env(env, "GOVGRADE_JVM_CACHE"));
        if (jvm == null && env(env, "GOVGRADE_JVM_CACHE") != null) {
            return Optional.empty();
        }
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--jvm-cache")) {
                jvm = true;
            } else if (a.equals("--no-jvm-cache")) {
                jvm = false;
            } else if (GRADE_VALUES.contains(a) || a.startsWith("--max-") && !a.contains("=")) {
                i++; // its value, whatever it is: picocli's child checks it
            } else if (GRADE_FLAGS.contains(a) || GRADE_VALUES.contains(name(a)) || a.startsWith("--max-")) {
                continue;
            } else if (a.startsWith("-")) {
                return Optional.empty();
            } else {
                files.add(a);
            }
        }
        if (Boolean.FALSE.equals(jvm) || files.size() != 1) {
            return Optional.empty();
        }
        Path file = Path.of(files.get(0));
        return GradeJvm.big(file, Long.parseLong(GradeJvm.OVER_MB)) ? Optional.of(file) : Optional.empty();
    }

    /** An option's name where it is written with its value ({@code --home=dir}). */
    private static String name(String arg) {
        int eq = arg.indexOf('=');
        return eq < 0 ? "" : arg.substring(0, eq);
    }

    /** The cache folder when serve is to relaunch; empty when it is not, or when picocli must say. */
    static Optional<Path> folder(List<String> args, Map<String, String> env) {
        String db = env(env, "GOVGRADE_DB");
        String cacheDir = env(env, "GOVGRADE_CACHE_DIR");
        Boolean jvm = bool(env(env, "GOVGRADE_JVM_CACHE"));
        if (jvm == null && env(env, "GOVGRADE_JVM_CACHE") != null) {
            return Optional.empty(); // not a boolean: picocli's message, not a guess
        }
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (HELP.contains(a) || a.startsWith("--jvm-cache=") || a.startsWith("--no-jvm-cache")
                    && !a.equals("--no-jvm-cache")) {
                return Optional.empty();
            } else if (a.equals("--jvm-cache")) {
                jvm = true;
            } else if (a.equals("--no-jvm-cache")) {
                jvm = false;
            } else if (a.equals("--db") || a.equals("--cache-dir")) {
                if (i + 1 >= args.size()) {
                    return Optional.empty();
                }
                String value = args.get(++i);
                if (a.equals("--db")) {
                    db = value;
                } else {
                    cacheDir = value;
                }
            } else if (a.startsWith("--db=")) {
                db = a.substring("--db=".length());
            } else if (a.startsWith("--cache-dir=")) {
                cacheDir = a.substring("--cache-dir=".length());
            }
        }
        if (jvm != null && !jvm) {
            return Optional.empty();
        }
        // As ServeCommand.settings: a PostgreSQL URL leaves the file name at its default.
        String file = db == null ? "govgrade.db" : db;
        Path dbFile = Path.of(PostgresUrl.is(file) ? "govgrade.db" : file);
        return Optional.of(new StartupCaches(true, true, cacheDir == null ? null : Path.of(cacheDir)).folder(dbFile));
    }

    private static String env(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Boolean bool(String v) {
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> null;
        };
    }
}
