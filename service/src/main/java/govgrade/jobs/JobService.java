package govgrade.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import govgrade.grading.ResultJson;
import govgrade.packs.CompiledPack;
import govgrade.packs.PackRejected;
import govgrade.packs.PackUnavailable;
import govgrade.packs.UnknownPack;
import govgrade.packs.UnknownVersion;
import govgrade.packs.catalog.PackCatalog;
import govgrade.runs.RunIds;
import govgrade.store.JobRows;
import govgrade.store.Jobs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes jobs and reads them back. A job is cut into one item per stored run as it is made, and
 * the version it grades with is fixed then (the active one when none is named), so every item,
 * whichever instance does it, grades under the same version; the workers ({@link JobWorkers}) of
 * every instance over the store do the items.
 */
public final class JobService {
    /** The most runs one job takes: its items are read whole to answer it. */
    public static final int MAX_ITEMS = 100_000;

    private final PackCatalog catalog;
    private final Jobs jobs;
    private final JobRows rows;

    public JobService(PackCatalog catalog, Jobs jobs, JobRows rows) {
        this.catalog = catalog;
        this.jobs = jobs;
        this.rows = rows;
    }

    /** Makes the job; answers it as {@link #find} would (finished already when no run matched). */
    public Map<String, Object> create(JobRequest request) throws UnknownPack, UnknownVersion, PackUnavailable,
            PackRejected, JobTooLarge, IOException, SQLException, UnknownJob {
        // Resolving compiles the version here, so a version that cannot grade is refused now, not item by item.
        CompiledPack against = request.version() == null ? catalog.active(request.pack())
                : catalog.version(request.pack(), request.version());
        Jobs.RunsOf of = new Jobs.RunsOf(request.pack(), text(request.from()), text(request.to()), text(request.day()));
        int runs = jobs.count(of);
        if (runs > MAX_ITEMS) {
            throw new JobTooLarge(runs, MAX_ITEMS);
        }
        String id = RunIds.next();
        jobs.create(id, request.kind(), request.version(), against.version(), params(request), request.who(), of);
        return find(id);
    }

    /** The job as it stands: counts, which instances did its items, and once finished its answer. */
    public Map<String, Object> find(String id) throws UnknownJob, SQLException {
        JobRows.Job job = rows.find(id).orElseThrow(() -> new UnknownJob(id));
        return JobAnswers.full(job, rows.items(id));
    }

    /** A page of jobs; {@code next}, the cursor of the page after it, null on the last page. */
    public record Page(List<Map<String, Object>> jobs, String next) {
    }

    /** Up to {@code limit} jobs made before the one numbered {@code before}, newest first, without their answers. */
    public Page list(int limit, long before) throws SQLException {
        List<JobRows.Job> found = rows.list(limit + 1, before);
        boolean more = found.size() > limit;
        List<Map<String, Object>> out = new ArrayList<>();
        for (JobRows.Job job : more ? found.subList(0, limit) : found) {
            out.add(JobAnswers.brief(job));
        }
        return new Page(out, more ? String.valueOf(found.get(limit - 1).order()) : null);
    }

    private static String params(JobRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", r.kind());
        m.put("pack", r.pack());
        m.put("version", r.version());
        if (r.from() != null) {
            Map<String, Object> period = new LinkedHashMap<>();
            period.put("from", r.from().toString());
            period.put("to", r.to().toString());
            m.put("period", period);
        } else if (r.day() != null) {
            m.put("period", r.day().toString());
        }
        try {
            return ResultJson.mapper().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
