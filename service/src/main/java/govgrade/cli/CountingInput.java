package govgrade.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Tells a progress step how many bytes of a file have been read. */
final class CountingInput extends FilterInputStream {
    private final Progress.Step step;
    private long read;

    CountingInput(InputStream in, Progress.Step step) {
        super(in);
        this.step = step;
    }

    /** The bytes read so far. */
    long count() {
        return read;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            step.advanceTo(++read);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            read += n;
            step.advanceTo(read);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        read += skipped;
        step.advanceTo(read);
        return skipped;
    }
}
