package io.leasebridge.architecture.violations.connectors;

import java.net.URI;

/** Keeps the rule: a connector that knows only its endpoint. */
public record ConnectorOnItsOwn(URI baseUrl) {
}
