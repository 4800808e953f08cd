package govgrade.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Several serve processes on loopback ports, each with the HTTP client a test reaches it with.
 * A process put in a slot (a restart on the same port) gets a new client: the old one's pooled
 * connections went with the dead process, as a load balancer drops them.
 */
final class Instances implements AutoCloseable {
    private final AtomicReferenceArray<ServeProcess> processes;
    private final AtomicReferenceArray<HttpClient> clients;
    private final String token;

    Instances(int count, String token) {
        this.processes = new AtomicReferenceArray<>(count);
        this.clients = new AtomicReferenceArray<>(count);
        this.token = token;
    }

    int count() {
        return processes.length();
    }

    void set(int k, ServeProcess process) {
        clients.set(k, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build());
        processes.set(k, process);
    }

    ServeProcess get(int k) {
        return processes.get(k);
    }

    /** Sends to instance {@code k} (whichever process holds its port now) with the token. */
    HttpResponse<byte[]> send(int k, String path, HttpRequest.Builder request) throws IOException, InterruptedException {
        return clients.get(k).send(request.uri(URI.create(processes.get(k).base() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpRequest.Builder post(byte[] body) {
        return HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
    }

    /** A multipart/form-data POST of one file, as a draft is sent. */
    static HttpRequest.Builder upload(Path file) throws IOException {
        String boundary = "----govgrade-instances";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head), HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    @Override
    public void close() throws InterruptedException {
        for (int k = 0; k < processes.length(); k++) {
            if (processes.get(k) != null) {
                processes.get(k).close();
            }
        }
    }
}
