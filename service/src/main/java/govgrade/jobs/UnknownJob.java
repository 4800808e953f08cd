package govgrade.jobs;

/** No job has this id. */
public class UnknownJob extends Exception {
    public UnknownJob(String id) {
        super("no job " + id + "; POST /api/v1/jobs answers a job's id");
    }
}
