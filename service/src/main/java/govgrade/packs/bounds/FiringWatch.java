package govgrade.packs.bounds;

import java.util.HashMap;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Counts one session's rule firings against its limit and knows the rule running now, so that a
 * session stopped for its firings or its time can say which rule it was. Written by the session's
 * thread only; {@link #running()} and {@link #halt()} are for the thread that waits on it.
 */
public final class FiringWatch extends DefaultAgendaEventListener {
    private final long limit;
    private final Map<String, Long> byRule = new HashMap<>();
    private long total;
    private volatile String running;
    private volatile KieSession session;
    private volatile boolean halted;

    FiringWatch(long limit) {
        this.limit = limit;
    }

    /** Watches {@code s}: call before inserting, so a session stopped early can still be halted. */
    public KieSession attach(KieSession s) {
        session = s;
        s.addEventListener(this);
        return s;
    }

    /**
     * The most firings to ask of {@code fireAllRules}: one past the limit, which tells a batch that
     * needed exactly the limit from one that needed more.
     */
    public int maxFirings() {
        return (int) Math.min(Integer.MAX_VALUE, limit + 1);
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        running = event.getMatch().getRule().getName();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        byRule.merge(running, 1L, Long::sum);
        total++;
        running = null;
        if (total > limit) {
            event.getKieRuntime().halt();
        }
    }

    long limit() {
        return limit;
    }

    long total() {
        return total;
    }

    boolean exceeded() {
        return total > limit;
    }

    /** The rule that fired most, with its count; null before any firing. */
    Map.Entry<String, Long> mostFired() {
        return byRule.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
    }

    /**
     * Whether the waiting thread stopped the session (its time ran out, or the service is stopping):
     * whatever the session holds then is thrown away, so the worker need not gather it.
     */
    public boolean halted() {
        return halted;
    }

    /** The rule whose consequence runs now, or null between firings. */
    String running() {
        return running;
    }

    /** Asks the session to stop after the firing under way; a consequence that never returns ignores it. */
    void halt() {
        halted = true;
        KieSession s = session;
        if (s != null) {
            s.halt();
        }
    }
}
