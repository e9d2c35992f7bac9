package io.leasebridge.sandbox;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A collection agency as the shipped {@code config/mappings/agencies.yml} describes Lone Star Recovery Services: an SFTP
 * server (Apache MINA SSHD) on which LeaseBridge drops placement and recall files in {@code placements/}, and where the
 * agency drops its return files in {@code returns/}. Asked to {@link #work}, it takes the files it has not seen and
 * answers them in one return file: the first placement paid in full (a closure), the others a part payment and a
 * contact, each recall acknowledged. What it answered is kept in {@value #ANSWERED} under its folder, so an agency
 * started again on the same folder answers no file twice.
 */
public final class CollectionAgency implements AutoCloseable {

    public static final String NAME = "Lone Star Recovery Services";
    static final String USER = "lessor";
    static final String PASSWORD = "sandbox-agency";
    /** One line per file taken: its name, then the name of the return file that answered it. */
    static final String ANSWERED = "answered.txt";
    private static final DateTimeFormatter DATES = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final String[] RETURN_HEADER = {"Client Account", "Activity Date", "Account Status", "Amount Collected",
            "Contact Date", "Contact Result"};

    private final SshServer server;
    private final Path root;
    private final Path answered;

    private CollectionAgency(SshServer server, Path root) {
        this.server = server;
        this.root = root;
        this.answered = root.resolve(ANSWERED);
    }

    public static CollectionAgency start(Path root) {
        try {
            Files.createDirectories(root.resolve("placements"));
            Files.createDirectories(root.resolve("returns"));
            SshServer server = SshServer.setUpDefaultServer();
            server.setHost("localhost");
            server.setPort(0);
            server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(root.resolve("host.key")));
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.setFileSystemFactory(new VirtualFileSystemFactory(root));
            server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
            server.start();
            return new CollectionAgency(server, root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulated collection agency", e);
        }
    }

    /** The shipped agency layouts with this agency's folders as the endpoints. */
    public String layouts(String shipped) {
        List<String> endpoints = shipped.lines().filter(l -> l.strip().startsWith("endpoint:")).toList();
        return shipped.replace(endpoints.get(0), "    endpoint: \"" + endpoint("placements") + "\"")
                .replace(endpoints.get(1), "      endpoint: \"" + endpoint("returns") + "\"");
    }

    private String endpoint(String folder) {
        return "sftp://localhost:" + server.getPort() + "/" + folder + "?username=" + USER + "&password=" + PASSWORD
                + "&useUserKnownHostsFile=false&strictHostKeyChecking=no";
    }

    /** The placement and recall files LeaseBridge dropped, by name. */
    public List<Path> received() {
        try (Stream<Path> files = Files.list(root.resolve("placements"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers the files it has not taken yet in one return file dated {@code day}; returns its name, or null when none. */
    public String work(LocalDate day) {
        List<String> answeredLines = answeredLines();
        List<String> taken = answeredLines.stream().map(line -> line.split(" ")[0]).toList();
        long returnFiles = answeredLines.stream().map(line -> line.split(" ")[1]).distinct().count();
        List<String> takenNow = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Path file : received()) {
            String name = file.getFileName().toString();
            if (taken.contains(name)) {
                continue;
            }
            takenNow.add(name);
            boolean recall = name.contains("RECALL");
            for (CSVRecord row : read(file)) {
                rows.add(recall ? List.of(row.get("Client Account"), DATES.format(day), "RECALL ACKNOWLEDGED", "0.00", "", "")
                        : answer(row, day, rows.isEmpty() && returnFiles == 0));
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        String name = "LSRS_RETURN_" + DateTimeFormatter.BASIC_ISO_DATE.format(day) + "_" + (returnFiles + 1) + ".csv";
        try {
            Files.writeString(root.resolve("returns").resolve(name), csv(rows));
            // recorded after the answer is written, so that no file is ever taken without one
            Files.write(answered, takenNow.stream().map(file -> file + " " + name).toList(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot answer in " + root, e);
        }
        return name;
    }

    private List<String> answeredLines() {
        try {
            return Files.exists(answered) ? Files.readAllLines(answered, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + answered, e);
        }
    }

    /** The first placement ever is paid in full and closed; every other one pays a quarter and promises more. */
    private static List<Object> answer(CSVRecord row, LocalDate day, boolean paidInFull) {
        BigDecimal placed = new BigDecimal(row.get("Balance Placed"));
        return paidInFull
                ? List.of(row.get("Client Account"), DATES.format(day), "PAID IN FULL", placed.toPlainString(), DATES.format(day),
                        "Paid in full by card")
                : List.of(row.get("Client Account"), DATES.format(day), "ACTIVE",
                        placed.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP).toPlainString(), DATES.format(day.minusDays(1)),
                        "Spoke with debtor, promised the rest in two weeks");
    }

    private static List<CSVRecord> read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csv(List<List<Object>> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(RETURN_HEADER).setRecordSeparator("\r\n").get().print(out)) {
            for (List<Object> row : rows) {
                csv.printRecord(row);
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
