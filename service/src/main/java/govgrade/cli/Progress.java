package govgrade.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What long command-line work is doing, on standard error: one step at a time (reading the
 * batch, compiling the pack, grading, writing), with how far it is and how long it took.
 *
 * <p>Off unless standard error is a terminal or {@code --progress} asks, so a script reading
 * standard error sees only errors; standard output is never touched. On a terminal a step
 * redraws its one line in place a few times a second (a daemon thread, since grading gives no
 * callback to hook); elsewhere it prints a line when it starts, at each tenth of its total,
 * and when it ends, which reads well in a log. Plain lines rather than a progress-bar library:
 * the steps are few and long, and a terminal library would probe the console and could warn on
 * standard error when it finds none.
 */
final class Progress {
    private static final long REDRAW_MS = 250;
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintWriter err;
    private final String command;
    private final boolean terminal;

    private Progress(PrintWriter err, String command, boolean terminal) {
        this.err = err;
        this.command = command;
        this.terminal = terminal;
    }

    /** Reports nothing. */
    static Progress off() {
        return new Progress(null, null, false);
    }

    /**
     * Progress of {@code command} on {@code err}: {@code asked} true or false as the command line
     * says, null to show it only where standard error is a terminal.
     */
    static Progress of(PrintWriter err, String command, Boolean asked) {
        boolean terminal = stderrIsTerminal();
        boolean on = asked != null ? asked : terminal;
        return on ? new Progress(err, command, terminal) : off();
    }

    /** A step of {@code total} units (bytes, files; 0 where unknown). Close it when it ends. */
    Step step(String what, long total) {
        if (err == null) {
            return new Step(null, what, total);
        }
        Step s = new Step(this, what, total);
        s.start();
        return s;
    }

    /**
     * Whether this process's standard error is a terminal. Java 17 has no call for it
     * ({@code System.console()} asks about standard input and output, and grade's output is
     * usually redirected); Linux names the file behind each descriptor. Elsewhere: no.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** One step; {@link #advanceTo} may be called from any thread. */
    static final class Step implements AutoCloseable {
        private final Progress owner;
        private final String what;
        private final long total;
        private final AtomicLong done = new AtomicLong();
        private final long started = System.nanoTime();
        private Thread redraw;
        private int tenthsShown;

        private Step(Progress owner, String what, long total) {
            this.owner = owner;
            this.what = what;
            this.total = total;
        }

        /** {@code n} of the step's total units are done. */
        void advanceTo(long n) {
            done.set(n);
            if (owner != null && !owner.terminal && total > 0) {
                int tenths = (int) Math.min(10, n * 10 / total);
                if (tenths > tenthsShown && tenths < 10) {
                    tenthsShown = tenths;
                    owner.line(line());
                }
            }
        }

        @Override
        public void close() {
            if (owner == null) {
                return;
            }
            if (redraw != null) {
                redraw.interrupt();
                try {
                    redraw.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String end = what + ": done in " + seconds();
            if (owner.terminal) {
                owner.draw(end + System.lineSeparator());
            } else {
                owner.line(end);
            }
        }

        private void start() {
            if (!owner.terminal) {
                owner.line(what + " ...");
                return;
            }
            redraw = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        owner.draw(line());
                        Thread.sleep(REDRAW_MS);
                    }
                } catch (InterruptedException e) {
                    // the step ended
                }
            }, "progress");
            redraw.setDaemon(true);
            redraw.start();
        }

        private String line() {
            String share = total > 0 ? String.format(Locale.ROOT, " %3d%%", Math.min(100, done.get() * 100 / total)) : "";
            return what + share + "  " + seconds();
        }

        private String seconds() {
            return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
        }
    }

    private void line(String text) {
        synchronized (err) {
            err.println(command + ": " + text);
            err.flush();
        }
    }

    private void draw(String text) {
        synchronized (err) {
            err.print(CLEAR_LINE + command + ": " + text);
            err.flush();
        }
    }
}
