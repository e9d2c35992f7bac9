package io.leasebridge.architecture.violations.purejava;

import org.apache.camel.Exchange;

/** Breaks "mappings and ledger know no Camel": a mapper that reads an exchange. */
public class CamelInPureJava {

    public Object body(Exchange exchange) {
        return exchange.getMessage().getBody();
    }
}
