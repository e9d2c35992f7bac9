package io.leasebridge.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.lang.ArchRule;
import io.leasebridge.flow.FlowRuns;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.RunHistory;
import org.apache.camel.FluentProducerTemplate;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules that keep LeaseBridge walkable, each a method so that {@link ArchitectureTest} holds them against the
 * shipped classes and {@link ArchitectureRulesFailTest} proves each one reports classes that break it.
 */
final class ArchitectureRules {

    private static final String CONNECTOR_PACKAGES = "io.leasebridge.connectors..";
    private static final String FLOW_PACKAGES = "io.leasebridge.flow..";

    private ArchitectureRules() {
    }

    /** Slices named by the first capture group of {@code slicePattern} (e.g. {@code io.leasebridge.(*)..}) form no cycle. */
    static ArchRule noPackageCycles(String slicePattern) {
        return slices().matching(slicePattern).namingSlices("$1").should().beFreeOfCycles();
    }

    /** Pure Java modules: mappings and ledger are used by everything and may be run without a container. */
    static ArchRule knowsNoCamelAndNoSpring(DescribedPredicate<JavaClass> module) {
        return noClasses().that(module)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.springframework..")
                .because("mappings and ledger are plain Java that every module and every unit test uses");
    }

    /** Connectors speak to the outside world for the flows; they know nothing of the flows themselves. */
    static ArchRule connectorsKnowNoRoutes(DescribedPredicate<JavaClass> connectors, DescribedPredicate<JavaClass> routes) {
        return noClasses().that(connectors)
                .should().dependOnClassesThat(routes)
                .because("the dependencies point one way: routes use connectors, never the reverse");
    }

    static ArchRule onlyAdaptersCallCamelOrSalesforce() {
        return noClasses().that(not(adapters()))
                .should().dependOnClassesThat(assignableTo(ProducerTemplate.class)
                        .or(assignableTo(FluentProducerTemplate.class))
                        .or(resideInAPackage("org.apache.camel.component.salesforce..")))
                .because("a flow calls an exchange-free gateway or RouteCalls; only a Camel adapter sends exchanges or holds "
                        + "camel-salesforce types");
    }

    static ArchRule onlyStoresQueryTheDatabase() {
        return noClasses().that(not(stores()).and(not(storeHelpers())).and(not(configurations())))
                .should().dependOnClassesThat(belongToAnyOf(JdbcTemplate.class, NamedParameterJdbcTemplate.class,
                        JdbcOperations.class, NamedParameterJdbcOperations.class, JdbcClient.class))
                .because("each table is read and written through the store of the feature that owns it");
    }

    static ArchRule onlyFlowRunsStartsAndFinishesRuns() {
        return noClasses().that().doNotBelongToAnyOf(FlowRuns.class)
                .should().callMethod(RunHistory.class, "start", String.class, String.class)
                .orShould().callMethod(RunHistory.class, "finish", long.class, RunCounts.class, String.class)
                .because("every run is kept the one way FlowRuns keeps it: started, in the log context, finished with its counts "
                        + "or its failure");
    }

    /**
     * A Camel adapter of a gateway: a class in a connectors package whose name starts with {@code Camel}
     * ({@code CamelQuickBooksHttp}), or a class nested in one.
     */
    static DescribedPredicate<JavaClass> adapters() {
        PackageMatcher connectorPackages = PackageMatcher.of(CONNECTOR_PACKAGES);
        PackageMatcher flowPackages = PackageMatcher.of(FLOW_PACKAGES);
        return DescribedPredicate.describe("adapters (classes named Camel* in " + CONNECTOR_PACKAGES + ", for the systems, or in "
                + FLOW_PACKAGES + ", for LeaseBridge's own routes)", javaClass -> {
            JavaClass outermost = outermost(javaClass);
            return (connectorPackages.matches(outermost.getPackageName()) || flowPackages.matches(outermost.getPackageName()))
                    && outermost.getSimpleName().startsWith("Camel");
        });
    }


    /** A store: a Spring {@code @Repository} class, or a class nested in one (its row mappers, its rows). */
    static DescribedPredicate<JavaClass> stores() {
        return DescribedPredicate.describe("stores (@Repository classes)",
                javaClass -> outermost(javaClass).isAnnotatedWith(Repository.class));
    }

    /** The statement helpers the hub's stores hand their {@code JdbcTemplate} to: batched writes, key look-ups, claims. */
    static DescribedPredicate<JavaClass> storeHelpers() {
        return resideInAPackage("io.leasebridge.hub.sql..").as("the stores' statement helpers (io.leasebridge.hub.sql)");
    }

    /** A {@code @Configuration} class may wire a {@code JdbcTemplate} for the stores it makes. */
    static DescribedPredicate<JavaClass> configurations() {
        return DescribedPredicate.describe("@Configuration classes", javaClass -> {
            JavaClass outermost = outermost(javaClass);
            return outermost.isAnnotatedWith(Configuration.class) || outermost.isMetaAnnotatedWith(Configuration.class);
        });
    }

    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass outermost = javaClass;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        return outermost;
    }
}
