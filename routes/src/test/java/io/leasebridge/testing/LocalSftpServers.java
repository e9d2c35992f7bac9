package io.leasebridge.testing;

import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** An SFTP server (Apache MINA SSHD) on a free localhost port, serving {@code root}, signing users in as told. */
public final class LocalSftpServers {

    private LocalSftpServers() {
    }

    public static SshServer serve(Path root, Consumer<SshServer> authentication) {
        try {
            SshServer server = SshServer.setUpDefaultServer();
            server.setHost("localhost");
            server.setPort(0);
            server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(Files.createTempDirectory("sftp-host").resolve("host.key")));
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.setFileSystemFactory(new VirtualFileSystemFactory(root));
            authentication.accept(server);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
