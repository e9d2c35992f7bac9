package io.leasebridge.sftp;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.leasebridge.salesforce.SalesforceWireMock;
import io.leasebridge.testing.LeaseWorksExports;
import io.leasebridge.testing.LocalSftpServers;
import io.leasebridge.testing.TestProperties;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.KeySetPublickeyAuthenticator;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

/**
 * An SFTP server on a free localhost port (Apache MINA SSHD) that serves a temporary directory as its root:
 * LeaseWorks' drop as a lessor's SFTP server would offer it. One user, who signs in either with a password
 * or with a key, never both, so that a test proves which one worked.
 */
final class EmbeddedSftpServer implements AutoCloseable {

    static final String USER = "leaseworks";
    static final String PASSWORD = "Drop7Secret";
    static final String EXPORTS = "exports";

    private final SshServer server;
    private final Path root;

    private EmbeddedSftpServer(SshServer server, Path root) {
        this.server = server;
        this.root = root;
    }

    /** A server that takes {@link #USER} with {@link #PASSWORD}. */
    static EmbeddedSftpServer withPassword() {
        return start(server -> server.setPasswordAuthenticator(
                (user, password, session) -> USER.equals(user) && PASSWORD.equals(password)));
    }

    /** A server that takes {@link #USER} with the private half of {@code key}, and no password. */
    static EmbeddedSftpServer withKey(KeyPair key) {
        KeySetPublickeyAuthenticator authorizedKeys = new KeySetPublickeyAuthenticator(USER, List.of(key.getPublic()));
        return start(server -> {
            server.setPasswordAuthenticator(null);
            server.setKeyboardInteractiveAuthenticator(null);
            server.setPublickeyAuthenticator((user, offered, session) ->
                    USER.equals(user) && authorizedKeys.authenticate(user, offered, session));
        });
    }

    private static EmbeddedSftpServer start(java.util.function.Consumer<SshServer> authentication) {
        try {
            Path root = Files.createTempDirectory("sftp-root");
            Files.createDirectories(root.resolve(EXPORTS));
            SshServer server = LocalSftpServers.serve(root, authentication);
            return new EmbeddedSftpServer(server, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getPort();
    }

    /** The server's directory of exports, as the test sees it on disk. */
    Path exports() {
        return root.resolve(EXPORTS);
    }

    /**
     * Drops an export as LeaseWorks would, last written at {@code writtenAt} (whole seconds, as SFTP tells
     * it).
     */
    Path drop(String name, LeaseWorksExports export, java.time.Instant writtenAt) throws IOException {
        Path file = Files.writeString(exports().resolve(name), export.text(), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(writtenAt));
        return file;
    }

    /**
     * The accounts export endpoint, with the options of config/application-production.yml and those a test
     * needs: no known_hosts file of the user running the build, and no host key check against it.
     */
    String accountsUri(String authentication) {
        return "sftp://localhost:" + port() + "/" + EXPORTS + "?" + authentication
                + "&include=accounts.*\\.csv&move=.done/$simple{file:name}&moveFailed=.failed/$simple{file:name}"
                + "&sortBy=file:name&localWorkDirectory=" + root.resolve("work")
                + "&throwExceptionOnConnectFailed=true&useUserKnownHostsFile=false&strictHostKeyChecking=no";
    }

    /**
     * A run-once application that reads the accounts export from this server, signed in with {@code authentication},
     * into the hub {@code database}, and delivers to {@code salesforce}; returns its local inbox.
     */
    Path runOnce(DynamicPropertyRegistry registry, WireMockServer salesforce, String database, String authentication) throws IOException {
        salesforce.stubFor(WireMock.patch(WireMock.urlPathMatching("/services/data/v62.0/composite/sobjects/.*"))
                .willReturn(SalesforceWireMock.json(200, SalesforceWireMock.body("collections-upsert-results.json"))));
        Path localInbox = Files.createTempDirectory(database + "-local-inbox");
        registry.add("leasebridge.run-once", () -> "true");
        TestProperties.salesforceAndHub(registry, salesforce, database);
        registry.add("leasebridge.leaseworks.inbox", localInbox::toString);
        registry.add("leasebridge.kpis.report-dir", () -> localInbox.resolve("reports").toString());
        registry.add("leasebridge.leaseworks.exports.accounts", () -> accountsUri("username=" + USER + "&" + authentication));
        return localInbox;
    }

    /** A fresh EC key pair, its private half written in OpenSSH format to a file for camel-ftp's privateKeyFile. */
    static KeyPair newKey(Path privateKeyFile) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair key = generator.generateKeyPair();
            try (OutputStream out = Files.newOutputStream(privateKeyFile)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "leasebridge-test", null, out);
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
