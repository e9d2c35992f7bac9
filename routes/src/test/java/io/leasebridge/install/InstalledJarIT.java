package io.leasebridge.install;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leasebridge.salesforce.SalesforceWireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exec jar as an operator installs it: started with {@code java -jar} from an empty directory, with a 256 MB
 * heap, it reads the field maps packaged in it and serves. A 200 MB push to the webhook, declared or streamed, is
 * refused (413) long before it is sent in full, and one without the secret (401) too; the process stays up.
 */
class InstalledJarIT {

    private static final String SECRET = "whsec-installed-jar-5e0c";
    private static final long TWO_HUNDRED_MB = 200L * 1024 * 1024;
    private static final WireMockServer salesforce = SalesforceWireMock.start();
    private static Process leaseBridge;
    private static Path home;
    private static Path log;
    private static int port;

    @BeforeAll
    static void startTheJarFromAnEmptyDirectory() throws Exception {
        home = Files.createTempDirectory("leasebridge-installed");
        log = Files.createTempFile("leasebridge-installed", ".log");
        port = freePort();
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", execJar().toString(),
                "--spring.profiles.active=dev",
                "--server.port=" + port,
                "--camel.component.salesforce.login-url=" + salesforce.baseUrl(),
                "--camel.component.salesforce.client-id=3MVG9test",
                "--camel.component.salesforce.client-secret=test-secret",
                "--camel.component.salesforce.user-name=integration@lessor.example",
                "--camel.component.salesforce.password=test-password")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        command.environment().put("FLEETROCK_WEBHOOK_SECRET", SECRET);
        leaseBridge = command.start();
        awaitLive(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws Exception {
        if (leaseBridge != null) {
            leaseBridge.destroy();
            if (!leaseBridge.waitFor(30, TimeUnit.SECONDS)) {
                leaseBridge.destroyForcibly();
            }
        }
        salesforce.stop();
    }

    @Test
    void fromAnEmptyDirectoryTheJarReadsThePackagedFieldMapsAndServes() throws Exception {
        assertThat(Files.readString(log))
                .contains("config/mappings/leaseworks.yml is not under " + home + ": using the copy packaged in the jar")
                .doesNotContain("cannot read field map");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void twoHundredMegabytePushesAreRefusedBeforeTheyAreReadAndTheProcessStaysUp() throws Exception {
        Post declared = post(Map.of("X-FleetRock-Secret", SECRET), TWO_HUNDRED_MB, false);
        Post streamed = post(Map.of("X-FleetRock-Secret", SECRET), TWO_HUNDRED_MB, true);
        Post withoutSecret = post(Map.of(), TWO_HUNDRED_MB, false);

        assertThat(declared.statusLine()).startsWith("HTTP/1.1 413");
        assertThat(streamed.statusLine()).startsWith("HTTP/1.1 413");
        assertThat(withoutSecret.statusLine()).startsWith("HTTP/1.1 401");
        assertThat(List.of(declared, streamed, withoutSecret)).allSatisfy(post ->
                assertThat(post.bytesSent()).as("answered before the body was sent in full").isLessThan(TWO_HUNDRED_MB / 4));

        HttpResponse<String> small = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/webhooks/fleetrock"))
                .header("X-FleetRock-Secret", SECRET).POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"ro.updated\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(small.statusCode()).as("still serving, and reading a small push").isEqualTo(400);
        assertThat(leaseBridge.isAlive()).isTrue();
        assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError").doesNotContain(SECRET);
    }

    @Test
    void aSecretInTheQueryIsRefusedEvenWithTheRightHeader() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        url("/webhooks/fleetrock?X-FleetRock-Secret=" + SECRET)).header("X-FleetRock-Secret", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"ro.updated\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("never in the URL");
    }

    private record Post(String statusLine, long bytesSent) {
    }

    /** A push of {@code size} spaces (JSON whitespace) over a raw socket, sent until LeaseBridge answers. */
    private static Post post(Map<String, String> headers, long size, boolean chunked) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder("POST /webhooks/fleetrock HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nContent-Type: application/json\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n").append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> statusLine(in));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            long sent = 0;
            try {
                while (sent < size && !answer.isDone()) {
                    int n = (int) Math.min(chunk.length, size - sent);
                    if (chunked) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(chunk, 0, n);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    sent += n;
                }
            } catch (IOException closedByLeaseBridge) {
                // the expected end: LeaseBridge answered and closed the connection instead of reading on
            }
            return new Post(answer.get(60, TimeUnit.SECONDS), sent);
        }
    }

    private static String statusLine(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                line.write(b);
            }
        } catch (IOException e) {
            return "no answer: " + e;
        }
        return line.toString(StandardCharsets.US_ASCII).strip();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static void awaitLive(Duration atMost) throws Exception {
        Instant deadline = Instant.now().plus(atMost);
        while (Instant.now().isBefore(deadline)) {
            if (!leaseBridge.isAlive()) {
                throw new AssertionError("the jar stopped (exit " + leaseBridge.exitValue() + "):\n" + Files.readString(log));
            }
            try {
                if (get("/actuator/health/liveness").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the jar did not serve within " + atMost + ":\n" + Files.readString(log));
    }

    private static Path execJar() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(jar -> jar.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/*-exec.jar: run mvn verify, which packages it first"))
                    .toAbsolutePath();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
