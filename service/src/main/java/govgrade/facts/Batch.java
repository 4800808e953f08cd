package govgrade.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A fact batch exactly as CONTRACT.md names it. Records stay close to the JSON; lists a
 * client leaves out are bound as empty lists, so later stages never test for null lists.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Batch(String pack, Period period, List<Unit> units, List<Account> accounts,
                    List<Column> columns, List<Activity> activity,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Earlier> earlier) {

    public Batch {
        units = orEmpty(units);
        accounts = orEmpty(accounts);
        columns = orEmpty(columns);
        activity = orEmpty(activity);
        earlier = orEmpty(earlier);
    }

    /** A batch that carries no earlier periods. */
    public Batch(String pack, Period period, List<Unit> units, List<Account> accounts, List<Column> columns,
                 List<Activity> activity) {
        this(pack, period, units, accounts, columns, activity, List.of());
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The inspection period; {@code checkDate} defaults to {@code to}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Period(LocalDate from, LocalDate to, LocalDate checkDate) {
        public LocalDate effectiveCheckDate() {
            return checkDate != null ? checkDate : to;
        }
    }

    /**
     * {@code figures}, here and on accounts, columns and activity: the figures the pack declares
     * there (its 数据项 sheet), by name; null where the batch gives none. Checked against the pack
     * by {@link DeclaredFigures}.
     */
    public record Unit(String id, String name, Group group, String region, List<Finding> findings,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> figures) {
        public Unit {
            findings = orEmpty(findings);
        }

        public Unit(String id, String name, Group group, String region, List<Finding> findings) {
            this(id, name, group, region, findings, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Account(String id, String name, Platform platform, String unit, String region,
                          List<Post> posts, LocalDate lastUpdate, Integer originals, Integer reposts,
                          Integer recommendedReposts, DateSpan longestGap, DateSpan longestOriginalGap,
                          List<Finding> findings, List<Message> messages, Map<String, Object> figures) {
        public Account {
            findings = orEmpty(findings);
            messages = orEmpty(messages);
            // Generated clients send every list, empty where unset: beside aggregates, an empty posts
            // list is the posts left out, not an account that posted nothing.
            if (posts != null && posts.isEmpty() && (lastUpdate != null || originals != null || reposts != null
                    || recommendedReposts != null || longestGap != null || longestOriginalGap != null)) {
                posts = null;
            }
        }

        public Account(String id, String name, Platform platform, String unit, String region, List<Post> posts,
                       LocalDate lastUpdate, Integer originals, Integer reposts, Integer recommendedReposts,
                       DateSpan longestGap, DateSpan longestOriginalGap, List<Finding> findings,
                       List<Message> messages) {
            this(id, name, platform, unit, region, posts, lastUpdate, originals, reposts, recommendedReposts,
                    longestGap, longestOriginalGap, findings, messages, null);
        }

        /** Posts given (possibly none): the service derives counts and gaps itself. */
        public boolean hasPosts() {
            return posts != null;
        }
    }

    public record Post(LocalDate date, Boolean original, Boolean recommended) {
        public boolean isOriginal() {
            return Boolean.TRUE.equals(original);
        }

        public boolean isRecommended() {
            return Boolean.TRUE.equals(recommended);
        }
    }

    public record DateSpan(LocalDate from, LocalDate to) {
    }

    public record Message(OffsetDateTime received, OffsetDateTime answered) {
    }

    public record Finding(String code, String note) {
    }

    public record Column(String unit, String name, Cadence cadence, Integer updates, List<Finding> findings,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> figures) {
        public Column {
            findings = orEmpty(findings);
        }

        public Column(String unit, String name, Cadence cadence, Integer updates, List<Finding> findings) {
            this(unit, name, cadence, updates, findings, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Activity(String unit, Channel channel, Integer posts, Integer submitted, Integer adopted,
                           Integer adoptedInMonth, List<Finding> findings, Map<String, Object> figures) {
        public Activity {
            findings = orEmpty(findings);
        }

        public Activity(String unit, Channel channel, Integer posts, Integer submitted, Integer adopted,
                        Integer adoptedInMonth, List<Finding> findings) {
            this(unit, channel, posts, submitted, adopted, adoptedInMonth, findings, null);
        }
    }

    /** An earlier period the batch carries: what its subjects were graded, and their figures. */
    public record Earlier(Period period, List<EarlierResult> results) {
        public Earlier {
            results = orEmpty(results);
        }
    }

    /**
     * One subject's result in an earlier period, keyed as results are (type, id, channel). Figures
     * are by name: the built-in ones (posts, submitted ...) or a pack's declared ones.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EarlierResult(String type, String id, Channel channel, String grade, List<String> problems,
                                Map<String, BigDecimal> figures) {
        public EarlierResult {
            problems = orEmpty(problems);
            figures = figures == null ? Map.of() : figures;
        }
    }
}
