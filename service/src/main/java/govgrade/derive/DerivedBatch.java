package govgrade.derive;

import java.util.ArrayList;
import java.util.List;

/** Everything a pack's rules see of one batch, derived and ready to insert. */
public record DerivedBatch(PeriodFact period, List<UnitFact> units, List<NewMediaAccount> accounts,
                           List<UnitActivity> activity, List<UnitColumns> columns) {

    /** Every fact, in batch order, for insertion into a session. */
    public List<Object> facts() {
        List<Object> all = new ArrayList<>(1 + units.size() + accounts.size() + activity.size() + columns.size());
        all.add(period);
        all.addAll(units);
        all.addAll(accounts);
        all.addAll(activity);
        all.addAll(columns);
        return all;
    }
}
