package govgrade.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Text decoded on a thread of its own while the parser binds what came before: reading the
 * bytes (and whatever the stream does with them, such as a hash) and decoding UTF-8 take the
 * second core, which a national batch otherwise leaves idle. A few chunks are decoded ahead and
 * their buffers reused, so memory stays a few hundred kilobytes whatever the size of the file.
 * A decoding error reaches the reader as the same exception, where the parser would have met it.
 * {@link #close} returns only once the decoding thread has stopped, so the caller may read the
 * rest of the stream itself afterwards.
 */
final class ReadAhead extends Reader {
    private static final int CHUNK = 1 << 15;
    private static final int BUFFERS = 4;

    /** Decoded text from {@code from} to {@code to}; no chars: the end, or {@code failure}. */
    private record Chunk(char[] chars, int from, int to, IOException failure) {
    }

    private final Reader text;
    private final BlockingQueue<char[]> free = new ArrayBlockingQueue<>(BUFFERS);
    // Room for every buffer and the end: the decoder never waits to hand a chunk over.
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final Thread decoder;
    private volatile boolean closed;
    private Chunk current;
    private int pos;

    ReadAhead(InputStream bytes, CharsetDecoder decoder) {
        this.text = new InputStreamReader(bytes, decoder);
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new char[CHUNK]);
        }
        this.decoder = new Thread(this::decode, "batch-decoder");
        this.decoder.setDaemon(true);
        this.decoder.start();
    }

    /**
     * This reader once its first chunk is decoded: text that is not UTF-8 from the start is refused
     * before parsing begins, as a reader that decodes a first buffer on opening refuses it.
     */
    ReadAhead started() throws IOException {
        next();
        if (current.failure() != null) {
            throw current.failure();
        }
        return this;
    }

    private void decode() {
        boolean first = true;
        try {
            while (true) {
                char[] buf = free.take();
                if (closed) {
                    return;
                }
                int n = text.read(buf, 0, CHUNK);
                if (n < 0) {
                    full.put(new Chunk(null, 0, 0, null));
                    return;
                }
                // A leading byte-order mark, as some Windows tools write, is not part of the JSON.
                int from = first && n > 0 && buf[0] == '\uFEFF' ? 1 : 0;
                first = first && n == 0;
                full.put(new Chunk(buf, from, n, null));
            }
        } catch (IOException e) {
            full.offer(new Chunk(null, 0, 0, e));
        } catch (InterruptedException e) {
            full.offer(new Chunk(null, 0, 0, new InterruptedIOException("reading the batch was interrupted")));
        }
    }

    @Override
    public int read(char[] into, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (current == null || (current.chars() != null && pos == current.to())) {
            next();
        }
        if (current.chars() == null) {
            if (current.failure() != null) {
                throw current.failure();
            }
            return -1;
        }
        int n = Math.min(len, current.to() - pos);
        System.arraycopy(current.chars(), pos, into, off, n);
        pos += n;
        return n;
    }

    private void next() throws IOException {
        if (current != null && current.chars() != null) {
            free.add(current.chars());
        }
        try {
            current = full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("reading the batch was interrupted");
        }
        pos = current.from();
    }

    /** Stops the decoder (without interrupting it: that would close a file channel under it) and waits for it. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            while (decoder.isAlive()) {
                Chunk c = full.poll(10, TimeUnit.MILLISECONDS);
                if (c != null && c.chars() != null) {
                    free.offer(c.chars());
                }
            }
            decoder.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("closing the batch was interrupted");
        }
        text.close();
    }
}
