package io.leasebridge.sandbox;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The simulated org in a JVM of its own, for the delivery benchmark: the million and more records the org keeps do not
 * share the heap of the LeaseBridge being measured. The child prints its base URL once it listens and its counters
 * when asked ({@code stats} on its standard input), and stops when its standard input closes.
 */
final class SalesforceSimulatorProcess implements AutoCloseable {

    private static final String LISTENING = "salesforce-simulator listening on ";
    private static final String STATS = "salesforce-simulator stats ";

    private final Process process;
    private final BufferedReader answers;
    private final PrintWriter commands;
    private final String baseUrl;

    private SalesforceSimulatorProcess(Process process) throws IOException {
        this.process = process;
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.baseUrl = answer(LISTENING);
    }

    /**
     * Starts the org with {@code heap} of its own: each write call answers after {@code writeLatency}, a Bulk job takes
     * {@code jobTime} plus {@code recordTime} a record; the daily API limit is out of reach.
     */
    static SalesforceSimulatorProcess start(String heap, Duration writeLatency, Duration jobTime, Duration recordTime) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = new ProcessBuilder(List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                SalesforceSimulatorProcess.class.getName(), String.valueOf(writeLatency.toMillis()), String.valueOf(jobTime.toMillis()),
                String.valueOf(recordTime.toNanos())))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        return new SalesforceSimulatorProcess(process);
    }

    String baseUrl() {
        return baseUrl;
    }

    /** API calls the org counted so far. */
    long apiUsage() throws IOException {
        return Long.parseLong(stats()[0]);
    }

    int totalBulkJobs() throws IOException {
        return Integer.parseInt(stats()[1]);
    }

    private String[] stats() throws IOException {
        commands.println("stats");
        return answer(STATS).split(" ");
    }

    private String answer(String prefix) throws IOException {
        String line;
        while ((line = answers.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        throw new IOException("the simulated org's process ended before it said " + prefix.trim());
    }

    @Override
    public void close() {
        commands.close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The child: {@code <write latency ms> <job ms> <record ns>}. */
    public static void main(String[] args) throws IOException {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        SalesforceSimulator salesforce = SalesforceSimulator.startForLoad(0);
        salesforce.apiDailyLimit(Long.MAX_VALUE / 2);
        salesforce.writeLatency(Duration.ofMillis(Long.parseLong(args[0])));
        salesforce.bulkProcessingTime(Duration.ofMillis(Long.parseLong(args[1])), Duration.ofNanos(Long.parseLong(args[2])));
        PrintStream out = System.out;
        out.println(LISTENING + salesforce.baseUrl());
        out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String command;
            while ((command = in.readLine()) != null) {
                if ("stats".equals(command.trim())) {
                    out.println(STATS + salesforce.apiUsage() + " " + salesforce.totalBulkJobs());
                    out.flush();
                }
            }
        } finally {
            salesforce.stop();
        }
    }
}
