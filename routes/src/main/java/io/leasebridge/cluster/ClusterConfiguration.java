package io.leasebridge.cluster;

import io.leasebridge.hub.ClusterNode;
import io.leasebridge.hub.sql.OutboxClaims;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

/** Who this node is among the LeaseBridge instances on one hub. */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    @Bean
    ClusterNode clusterNode(ClusterProperties properties, Clock clock) {
        String host = hostName();
        String id = properties.nodeId() == null || properties.nodeId().isBlank()
                ? host + "-" + ProcessHandle.current().pid() + "-" + Long.toString(clock.millis(), 36)
                : properties.nodeId();
        return new ClusterNode(id, host);
    }

    @Bean
    OutboxClaims outboxClaims(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock, ClusterNode node,
                              ClusterProperties properties) {
        return new OutboxClaims(jdbc, transaction, clock, node, properties.claimTimeout());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
