package govgrade.jobs;

/** A job over more runs than {@link JobService#MAX_ITEMS}: cut it into periods. */
public class JobTooLarge extends Exception {
    public JobTooLarge(int runs, int max) {
        super("the job would take " + runs + " stored runs; at most " + max + " go in one job: name a period");
    }
}
