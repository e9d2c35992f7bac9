package io.leasebridge.hub;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Whether other LeaseBridge processes can be on this hub now. PostgreSQL is shared by the nodes of a cluster; the
 * embedded H2 file is opened by one process at a time, so at start-up every other node it has seen is gone.
 */
public enum HubSharing {
    SHARED, SINGLE_PROCESS;

    public static HubSharing of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres") ? SHARED : SINGLE_PROCESS;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the hub is on", e);
        }
    }
}
