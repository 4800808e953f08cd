package govgrade.packs.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import govgrade.packs.PackError;
import govgrade.packs.PackSource;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/rule-reference.md is held to the code: every type a rule may name from govgrade (the list
 * {@link RuleVocabulary} allows) has a heading, every public member of those types has a table row
 * naming it exactly, no row names a member that is gone, every DRL example parses and passes the
 * rule code check, and every example said to come from a bundled pack is in that pack's DRL.
 */
class RuleReferenceTest {
    private static final Path DOC = Path.of("docs/rule-reference.md");
    /** A table row's first cell naming a member: `Type.member` or `Type.member(Param, ...)`. */
    private static final Pattern ROW_ENTRY =
            Pattern.compile("^\\|\\s*`([A-Z][A-Za-z]*(?:\\.[A-Z][A-Za-z]*)?\\.[A-Za-z_][A-Za-z0-9_]*(?:\\([A-Za-z, ]*\\))?)`\\s*\\|");
    /** A heading naming a type: ### `Type`. */
    private static final Pattern HEADING_ENTRY = Pattern.compile("^#{2,4}\\s+`([A-Z][A-Za-z.]*)`\\s*$");
    private static final Pattern DRL_FENCE = Pattern.compile("(?ms)^```drl\\s*\\n(.*?)^```");
    /** An example cell quoting a bundled pack's DRL: `code` (pack). */
    private static final Pattern PACK_EXAMPLE =
            Pattern.compile("`([^`]+)` \\((luoshan|meixian|qingshen|shangnan|shangqiu)\\)");
    private static final Set<String> ENUM_PLUMBING = Set.of("values", "valueOf");

    private static String doc;
    private static List<Class<?>> govgradeTypes;

    @BeforeAll
    static void read() throws Exception {
        doc = Files.readString(DOC);
        Field f = RuleVocabulary.class.getDeclaredField("TYPES");
        f.setAccessible(true);
        govgradeTypes = ((List<?>) f.get(null)).stream().map(c -> (Class<?>) c)
                .filter(c -> c.getName().startsWith("govgrade.")).collect(Collectors.toList());
    }

    @Test
    void everyPublicMemberOfTheRuleVocabularyHasAnEntry() {
        Set<String> missing = new TreeSet<>(expectedEntries());
        missing.removeAll(documentedEntries());
        assertTrue(missing.isEmpty(), DOC + " has no entry for: " + missing);
    }

    @Test
    void everyEntryNamesSomethingThatExists() {
        Set<String> stale = new TreeSet<>(documentedEntries());
        stale.removeAll(expectedEntries());
        assertTrue(stale.isEmpty(), DOC + " has entries for what the code does not have (stale or misspelt): " + stale);
    }

    @Test
    void everyGovgradeTypeARuleMayNameHasAHeadingAndEveryOtherTypeIsNamed() throws Exception {
        Set<String> headings = headings();
        Set<String> expected = govgradeTypes.stream().map(RuleReferenceTest::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(headings);
        assertTrue(missing.isEmpty(), DOC + " has no heading for the types: " + missing);
        Set<String> stale = new TreeSet<>(headings);
        stale.removeAll(expected);
        assertTrue(stale.isEmpty(), DOC + " has type headings for types a rule may not name: " + stale);
        Field f = RuleVocabulary.class.getDeclaredField("TYPES");
        f.setAccessible(true);
        List<String> unnamed = ((List<?>) f.get(null)).stream().map(c -> name((Class<?>) c))
                .filter(n -> !doc.contains("`" + n + "`")).toList();
        assertTrue(unnamed.isEmpty(), DOC + " does not name the allowed types: " + unnamed);
    }

    @Test
    void everyDrlExampleParsesAndPassesTheRuleCodeCheck() {
        Matcher m = DRL_FENCE.matcher(doc);
        int n = 0;
        List<String> refused = new ArrayList<>();
        while (m.find()) {
            n++;
            List<PackError> errors = RuleCodeCheck.check(m.group(1), Origin.drl(DOC + " example " + n));
            errors.forEach(e -> refused.add(e.toString()));
        }
        assertTrue(n >= 5, "expected the reference to carry DRL examples, found " + n);
        assertTrue(refused.isEmpty(), String.join("\n", refused));
    }

    @Test
    void theCheckOfExamplesIsNotBlind() {
        // The same check on a rule reaching for a class must fail, or the test above proves nothing.
        String hostile = "rule \"x\"\nwhen\n    $a : NewMediaAccount()\nthen\n    System.exit( 1 );\nend\n";
        assertFalse(RuleCodeCheck.check(hostile, Origin.drl("x.drl")).isEmpty());
    }

    @Test
    void everyExampleSaidToComeFromABundledPackIsInItsDrl() throws IOException {
        Matcher m = PACK_EXAMPLE.matcher(doc);
        Map<String, String> packs = new LinkedHashMap<>();
        List<String> notFound = new ArrayList<>();
        int n = 0;
        while (m.find()) {
            n++;
            String pack = m.group(2);
            String drl = packs.computeIfAbsent(pack, RuleReferenceTest::packDrl);
            if (!squeeze(drl).contains(squeeze(m.group(1)))) {
                notFound.add(m.group(1) + " (" + pack + ")");
            }
        }
        assertTrue(n >= 30, "expected examples quoted from the bundled packs, found " + n);
        assertEquals(List.of(), notFound, "examples not found in the named pack's DRL");
    }

    // ---- what the code has ----

    /** Every entry the code calls for, by the document's convention. */
    private static Set<String> expectedEntries() {
        Set<String> out = new TreeSet<>();
        for (Class<?> t : govgradeTypes) {
            for (Method m : t.getMethods()) {
                if (m.isSynthetic() || m.isBridge() || !Modifier.isPublic(m.getModifiers())
                        || m.getDeclaringClass() == Object.class || m.getDeclaringClass() == Enum.class
                        || isObjectOverride(m) || (t.isEnum() && ENUM_PLUMBING.contains(m.getName()))) {
                    continue;
                }
                Class<?> owner = owner(t, m);
                if (owner == t) {
                    out.add(name(t) + "." + memberName(m));
                }
            }
            for (Field f : t.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers())) {
                    out.add(name(t) + "." + f.getName());
                }
            }
        }
        return out;
    }

    /** The highest type of the vocabulary that declares {@code m}: Subject for getId, Outcome for with. */
    private static Class<?> owner(Class<?> t, Method m) {
        Class<?> best = t;
        for (Class<?> other : govgradeTypes) {
            if (other != t && other.isAssignableFrom(t) && declares(other, m)) {
                best = other.isAssignableFrom(best) ? other : best;
            }
        }
        return best;
    }

    private static boolean declares(Class<?> type, Method m) {
        return Arrays.stream(type.getDeclaredMethods()).anyMatch(d -> Modifier.isPublic(d.getModifiers())
                && d.getName().equals(m.getName()) && Arrays.equals(d.getParameterTypes(), m.getParameterTypes()));
    }

    private static boolean isObjectOverride(Method m) {
        return (m.getName().equals("toString") || m.getName().equals("hashCode")) && m.getParameterCount() == 0
                || m.getName().equals("equals") && m.getParameterCount() == 1;
    }

    /** getPosts is `posts` and isListed `listed`, as a constraint reads them; other methods keep their parameters. */
    private static String memberName(Method m) {
        String n = m.getName();
        if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getReturnType() != void.class) {
            for (String prefix : new String[] {"get", "is"}) {
                if (n.length() > prefix.length() && n.startsWith(prefix) && Character.isUpperCase(n.charAt(prefix.length()))) {
                    return Character.toLowerCase(n.charAt(prefix.length())) + n.substring(prefix.length() + 1);
                }
            }
        }
        return n + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** Criterion.Kind for a nested type, the simple name otherwise. */
    private static String name(Class<?> t) {
        return t.getEnclosingClass() == null ? t.getSimpleName() : t.getEnclosingClass().getSimpleName() + "." + t.getSimpleName();
    }

    // ---- what the document says ----

    private static Set<String> documentedEntries() {
        Set<String> out = new TreeSet<>();
        for (String line : doc.split("\n")) {
            Matcher m = ROW_ENTRY.matcher(line);
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static Set<String> headings() {
        return Arrays.stream(doc.split("\n")).map(HEADING_ENTRY::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The pack's DRL and the library files it includes (rules-lib/), as the pack compiles them. */
    private static String packDrl(String pack) {
        try {
            StringBuilder all = new StringBuilder();
            PackSource.filesOnDisk(Path.of("."), pack).forEach((path, bytes) -> {
                if (path.endsWith(".drl")) {
                    all.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
                }
            });
            return all.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whitespace aside: an example may be shortened to one line. */
    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
