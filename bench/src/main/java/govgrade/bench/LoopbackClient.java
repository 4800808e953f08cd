package govgrade.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection to 127.0.0.1 that POSTs and reads the whole answer. The load
 * benchmark's clients share the machine's two cores with the service, so they are kept to plain
 * blocking socket I/O: java.net.http's selector machinery cost about a sixth of the CPU samples.
 */
final class LoopbackClient implements Closeable {
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    LoopbackClient(int port) {
        this.port = port;
    }

    /** An answer: status and body. */
    record Answer(int status, byte[] body) {
    }

    Answer post(String path, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        }
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return read();
    }

    private Answer read() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int n = Integer.parseInt(line().split(";")[0].trim(), 16); n > 0;
                 n = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                b.write(in.readNBytes(n));
                line();
            }
            line();
            body = b.toByteArray();
        } else {
            body = in.readNBytes((int) Math.max(0, length));
        }
        if (close) {
            close();
        }
        return new Answer(code, body);
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed mid-answer");
            }
            if (c != '\r') {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
