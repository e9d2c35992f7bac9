package io.leasebridge.agency;

import io.leasebridge.testing.LocalSftpServers;
import org.apache.sshd.server.SshServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A collection agency's SFTP server (Apache MINA SSHD): one user, one folder its placement files are dropped in. */
final class AgencySftpServer implements AutoCloseable {

    static final String USER = "lessor";
    static final String PASSWORD = "Agency5Drop";
    static final String FOLDER = "placements";
    static final String RETURNS = "returns";

    private final SshServer server;
    private final Path root;

    private AgencySftpServer(SshServer server, Path root) {
        this.server = server;
        this.root = root;
    }

    static AgencySftpServer start() {
        try {
            Path root = Files.createTempDirectory("agency-sftp");
            Files.createDirectories(root.resolve(FOLDER));
            Files.createDirectories(root.resolve(RETURNS));
            SshServer server = LocalSftpServers.serve(root, sftp -> sftp.setPasswordAuthenticator(
                    (user, password, session) -> USER.equals(user) && PASSWORD.equals(password)));
            return new AgencySftpServer(server, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Camel endpoint of the agency's folder, without a known_hosts file of the user running the build. */
    String endpoint() {
        return endpoint(FOLDER);
    }

    /** The Camel endpoint of the folder the agency drops its return files in. */
    String returnsEndpoint() {
        return endpoint(RETURNS);
    }

    private String endpoint(String folder) {
        return "sftp://localhost:" + server.getPort() + "/" + folder + "?username=" + USER + "&password=" + PASSWORD
                + "&useUserKnownHostsFile=false&strictHostKeyChecking=no";
    }

    /** The files in the agency's folder, by name. */
    List<Path> files() {
        return files(FOLDER);
    }

    /** The return files LeaseBridge has read and moved aside. */
    List<Path> returnsRead() {
        return files(RETURNS + "/.done");
    }

    /** The agency drops a return file for the lessor. */
    void dropReturn(String name, String content) {
        try {
            Files.writeString(root.resolve(RETURNS).resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Path> returnsWaiting() {
        return files(RETURNS);
    }

    private List<Path> files(String folder) {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void clear() {
        Stream.of(files(), returnsWaiting(), returnsRead()).flatMap(List::stream).forEach(f -> {
            try {
                Files.delete(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
