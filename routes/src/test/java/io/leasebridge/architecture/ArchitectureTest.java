package io.leasebridge.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static io.leasebridge.architecture.ArchitectureRules.connectorsKnowNoRoutes;
import static io.leasebridge.architecture.ArchitectureRules.knowsNoCamelAndNoSpring;
import static io.leasebridge.architecture.ArchitectureRules.noPackageCycles;
import static io.leasebridge.architecture.ArchitectureRules.onlyAdaptersCallCamelOrSalesforce;
import static io.leasebridge.architecture.ArchitectureRules.onlyFlowRunsStartsAndFinishesRuns;
import static io.leasebridge.architecture.ArchitectureRules.onlyStoresQueryTheDatabase;
import static io.leasebridge.architecture.Modules.CONNECTORS;
import static io.leasebridge.architecture.Modules.LEDGER;
import static io.leasebridge.architecture.Modules.MAPPINGS;
import static io.leasebridge.architecture.Modules.PRODUCTION;
import static io.leasebridge.architecture.Modules.ROUTES;

/**
 * The architecture rules held against the shipped classes of mappings, ledger, connectors and routes. Cycles are looked
 * for inside each module: Maven already refuses a cycle between modules, and a feature's package name may stand in two
 * modules (its model in mappings, its flows in routes).
 */
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> CONNECTOR_PACKAGES = resideInAPackage("io.leasebridge.connectors..");

    @Test
    void theMappingsPackagesFormNoCycle() {
        noPackageCycles("io.leasebridge.(*)..").check(PRODUCTION.that(MAPPINGS));
    }

    @Test
    void theLedgerPackagesFormNoCycle() {
        noPackageCycles("io.leasebridge.(*)..").check(PRODUCTION.that(LEDGER));
    }

    @Test
    void theConnectorPackagesFormNoCycle() {
        // every connector class is in io.leasebridge.connectors: one level deeper tells the systems apart
        noPackageCycles("io.leasebridge.connectors.(*)..").check(PRODUCTION.that(CONNECTORS));
    }

    @Test
    void theRoutesPackagesFormNoCycle() {
        noPackageCycles("io.leasebridge.(*)..").check(PRODUCTION.that(ROUTES));
    }

    @Test
    void mappingsKnowNoCamelAndNoSpring() {
        knowsNoCamelAndNoSpring(MAPPINGS).check(PRODUCTION);
    }

    @Test
    void theLedgerKnowsNoCamelAndNoSpring() {
        knowsNoCamelAndNoSpring(LEDGER).check(PRODUCTION);
    }

    @Test
    void connectorsKnowNoRoutesPackage() {
        connectorsKnowNoRoutes(CONNECTOR_PACKAGES, ROUTES.and(not(CONNECTOR_PACKAGES))).check(PRODUCTION);
    }

    @Test
    void onlyAdaptersHoldAProducerTemplateOrACamelSalesforceType() {
        onlyAdaptersCallCamelOrSalesforce().check(PRODUCTION);
    }

    @Test
    void onlyStoresHoldAJdbcTemplate() {
        onlyStoresQueryTheDatabase().check(PRODUCTION);
    }

    @Test
    void onlyFlowRunsStartsAndFinishesARun() {
        onlyFlowRunsStartsAndFinishesRuns().check(PRODUCTION);
    }
}
