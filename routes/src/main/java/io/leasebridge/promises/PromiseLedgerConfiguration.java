package io.leasebridge.promises;

import io.leasebridge.ledger.PromiseLedgerStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ledger module's store of promise_event and promise, the one store of both tables, on the hub. */
@Configuration(proxyBeanMethods = false)
class PromiseLedgerConfiguration {

    @Bean
    PromiseLedgerStore promiseLedgerStore(JdbcTemplate jdbc) {
        return new PromiseLedgerStore(jdbc);
    }
}
