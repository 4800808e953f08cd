package govgrade.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.MalformedInputException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A file's bytes read, and checked as UTF-8 ({@link Utf8}), on a thread of their own while the
 * parser binds what came before: reading (and whatever the stream does with the bytes, such as a
 * checksum) takes the second core. Nothing is decoded to characters: Jackson's byte parser decodes the
 * few strings a batch has, and the posts, nine tenths of it, are read from the bytes
 * ({@link PostScan}). A few chunks are read ahead and their buffers reused, so memory stays a few
 * hundred kilobytes whatever the size of the file.
 *
 * <p>What comes out is the file less a leading byte-order mark, and only bytes the strict decoder
 * would read: a sequence that is not UTF-8 ends the bytes with a {@link MalformedInputException}
 * where it starts. {@link #close} returns only once the reading thread has stopped, so the caller
 * may read the rest of the stream itself afterwards.
 */
final class BytesAhead extends InputStream {
    private static final int CHUNK = 1 << 16;
    private static final int BUFFERS = 4;

    /** Checked bytes from {@code from} to {@code to}; no bytes: the end, or {@code failure}. */
    private record Chunk(byte[] bytes, int from, int to, IOException failure) {
    }

    private final InputStream source;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    // Room for every buffer and the end: the reader never waits to hand a chunk over.
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final Thread reader;
    private volatile boolean closed;
    private Chunk current;
    private int pos;

    BytesAhead(InputStream source) {
        this.source = source;
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[CHUNK]);
        }
        this.reader = new Thread(this::readAll, "batch-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** This stream once its first chunk is read: bytes that are not UTF-8 from the start are refused before parsing. */
    BytesAhead started() throws IOException {
        next();
        if (current.failure() != null) {
            throw current.failure();
        }
        return this;
    }

    private void readAll() {
        // A sequence cut by the end of a chunk is carried to the start of the next.
        byte[] carry = new byte[3];
        int carried = 0;
        boolean first = true;
        try {
            while (true) {
                byte[] buf = free.take();
                if (closed) {
                    return;
                }
                System.arraycopy(carry, 0, buf, 0, carried);
                int n = carried;
                // The first chunk holds at least a byte-order mark's length, if the file has as much.
                do {
                    int r = source.read(buf, n, CHUNK - n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                } while (first && n < 3);
                if (n == carried) {
                    full.put(carried == 0 ? new Chunk(null, 0, 0, null) : bad(carried));
                    return;
                }
                int from = first && n >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF
                        ? 3 : 0;
                first = false;
                int ok = Utf8.wellFormed(buf, from, n, true);
                if (ok < n && !Utf8.cut(buf, ok, n)) {
                    full.put(new Chunk(buf, from, ok, null));
                    full.put(bad(1));
                    return;
                }
                carried = n - ok;
                System.arraycopy(buf, ok, carry, 0, carried);
                full.put(new Chunk(buf, from, ok, null));
            }
        } catch (IOException e) {
            full.offer(new Chunk(null, 0, 0, e));
        } catch (InterruptedException e) {
            full.offer(new Chunk(null, 0, 0, new InterruptedIOException("reading the batch was interrupted")));
        }
    }

    private static Chunk bad(int length) {
        return new Chunk(null, 0, 0, new MalformedInputException(length));
    }

    @Override
    public int read(byte[] into, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || (current.bytes() != null && pos == current.to())) {
            next();
        }
        if (current.bytes() == null) {
            if (current.failure() != null) {
                throw current.failure();
            }
            return -1;
        }
        int n = Math.min(len, current.to() - pos);
        System.arraycopy(current.bytes(), pos, into, off, n);
        pos += n;
        return n;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    private void next() throws IOException {
        if (current != null && current.bytes() != null) {
            free.add(current.bytes());
        }
        try {
            current = full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("reading the batch was interrupted");
        }
        pos = current.from();
    }

    /** Stops the reader (without interrupting it: that would close a file channel under it) and waits for it. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            while (reader.isAlive()) {
                Chunk c = full.poll(10, TimeUnit.MILLISECONDS);
                if (c != null && c.bytes() != null) {
                    free.offer(c.bytes());
                }
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("closing the batch was interrupted");
        }
        source.close();
    }
}
