package govgrade.packs.build;

import govgrade.derive.ColumnFact;
import govgrade.derive.DateSpan;
import govgrade.derive.EarlierPeriod;
import govgrade.derive.History;
import govgrade.derive.NewMediaAccount;
import govgrade.derive.PeriodFact;
import govgrade.derive.Subject;
import govgrade.derive.UnitActivity;
import govgrade.derive.UnitColumns;
import govgrade.derive.UnitFact;
import govgrade.facts.Channel;
import govgrade.facts.Group;
import govgrade.facts.Platform;
import govgrade.rules.Criteria;
import govgrade.rules.Criterion;
import govgrade.rules.Grade;
import govgrade.rules.Outcome;
import govgrade.rules.Problem;
import govgrade.rules.RankKey;
import govgrade.rules.RankMethod;
import govgrade.rules.Score;
import govgrade.rules.Verdict;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a rule may name: an allow-list, because the JVM has no sandbox and a DRL file is Java.
 * Types: the fact model rules match on, the rule vocabulary they insert, java.time, BigDecimal,
 * Math, String and the number and boolean boxes, and the read side of java.util. Members: the
 * public methods, properties and constants of those types, less the ones that lead out
 * (getClass, an enum's class) or change a collection the engine passed in. A name missing here
 * is refused; a name wrongly here is a hole, so the list is short and grows only with a need.
 */
final class RuleVocabulary {
    /** Said with every refusal, so a rule author knows what is there to use. */
    static final String WHAT_RULES_MAY_USE = "rules may use the fact model (govgrade.derive, govgrade.rules), "
            + "java.time, BigDecimal, Math, String and number basics, List/Set/Map reads, the outcome builders "
            + "(Problem.of, Verdict.of, Score.of, RankKey.of, Criterion.*) and insert";

    private static final List<Class<?>> TYPES = List.of(
            // the fact model and the rule vocabulary
            Subject.class, UnitFact.class, UnitActivity.class, UnitColumns.class, NewMediaAccount.class,
            ColumnFact.class, DateSpan.class, PeriodFact.class, History.class, EarlierPeriod.class, Platform.class,
            Channel.class, Group.class,
            Criteria.class, Criterion.class, Criterion.Kind.class, Grade.class, Outcome.class, Problem.class,
            RankKey.class, RankMethod.class, Score.class, Verdict.class,
            // values
            String.class, Math.class, Integer.class, Long.class, Double.class, Float.class, Short.class,
            Byte.class, Boolean.class, Character.class, Number.class, BigDecimal.class, BigInteger.class,
            RoundingMode.class,
            LocalDate.class, LocalDateTime.class, LocalTime.class, Instant.class, Duration.class, Period.class,
            ZonedDateTime.class, OffsetDateTime.class, ZoneOffset.class, DayOfWeek.class, Month.class, Year.class,
            YearMonth.class, MonthDay.class, ChronoUnit.class,
            // reading collections (the engine's are immutable copies; mutators are refused by name below)
            List.class, Set.class, Map.class, Collection.class, Collections.class, Optional.class, Objects.class);

    /** Packages a wildcard import may name: a type from them is still checked against {@link #TYPES} where used. */
    private static final Set<String> PACKAGES = Set.of("govgrade.derive", "govgrade.rules", "govgrade.facts",
            "java.time", "java.math", "java.util", "java.lang");

    /** Members of allowed types that lead out of them, or change what the engine passed in. */
    private static final Set<String> DENIED_MEMBERS = Set.of("getClass", "class", "TYPE", "getDeclaringClass",
            "describeConstable", "resolveConstantDesc", "wait", "notify", "notifyAll", "forName", "getClassLoader",
            "newInstance", "invoke", "remove", "removeIf", "removeAll", "retainAll", "clear", "put", "putAll",
            "putIfAbsent", "compute", "computeIfAbsent", "computeIfPresent", "merge", "replaceAll", "sort", "set",
            "addAll", "addFirst", "addLast", "removeFirst", "removeLast", "forEach", "iterator", "spliterator",
            "parallelStream", "fill", "swap", "shuffle", "reverse", "rotate", "copy", "getRuntime", "exec", "exit", "halt", "load", "loadLibrary");

    /** Words of Java and DRL a rule may use; every other keyword (while, for, do, try, class ...) is refused. */
    static final Set<String> WORDS = Set.of("if", "else", "return", "new", "int", "long", "double", "float",
            "boolean", "short", "byte", "char", "final", "var", "true", "false", "null", "this", "instanceof",
            // DRL operators inside constraints
            "contains", "not", "in", "matches", "memberOf", "excludes", "soundslike", "str");

    /** What a consequence may call without a receiver, or pass along (drools, to the outcome builders). */
    static final Set<String> ENGINE = Set.of("insert", "insertLogical", "drools");

    /** The only types a rule may create with {@code new}: values, no arrays, no collections to grow. */
    static final Set<String> NEWABLE = Set.of("BigDecimal", "BigInteger");

    /** Accumulate functions a condition may use. */
    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average");

    static final Set<String> LOOPS = Set.of("while", "for", "do", "foreach", "until");

    private static final Map<String, Class<?>> BY_SIMPLE_NAME = new HashMap<>();
    private static final Map<String, Class<?>> BY_FULL_NAME = new HashMap<>();
    private static final Set<String> MEMBERS = new HashSet<>();

    static {
        for (Class<?> t : TYPES) {
            BY_SIMPLE_NAME.put(t.getSimpleName(), t);
            BY_FULL_NAME.put(t.getCanonicalName(), t);
            for (Method m : t.getMethods()) {
                MEMBERS.add(m.getName());
                MEMBERS.add(property(m.getName()));
            }
            for (Field f : t.getFields()) {
                if (Modifier.isPublic(f.getModifiers())) {
                    MEMBERS.add(f.getName());
                }
            }
        }
        MEMBERS.add("length"); // a String's length() by MVEL's property name
        MEMBERS.removeAll(DENIED_MEMBERS);
        MEMBERS.remove("");
    }

    private RuleVocabulary() {
    }

    /** getPosts and isListed are read as posts and listed in a constraint. */
    private static String property(String method) {
        for (String prefix : new String[] {"get", "is"}) {
            if (method.length() > prefix.length() && method.startsWith(prefix)
                    && Character.isUpperCase(method.charAt(prefix.length()))) {
                String rest = method.substring(prefix.length());
                return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
            }
        }
        return "";
    }

    static boolean isType(String simpleName) {
        return BY_SIMPLE_NAME.containsKey(simpleName);
    }

    static boolean isFullName(String dotted) {
        return BY_FULL_NAME.containsKey(dotted);
    }

    static boolean isMember(String name) {
        return MEMBERS.contains(name);
    }

    static boolean isDeniedMember(String name) {
        return DENIED_MEMBERS.contains(name);
    }

    /** An import a pack may have: an allowed type, or a wildcard over a package of them. */
    static boolean isImport(String target) {
        String t = target.trim();
        if (t.endsWith(".*")) {
            return PACKAGES.contains(t.substring(0, t.length() - 2));
        }
        return isFullName(t);
    }

    /** A pattern's type: an allowed type by its simple or full name. */
    static boolean isFactType(String type) {
        return isType(type) || isFullName(type);
    }
}
