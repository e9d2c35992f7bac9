package io.leasebridge.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.leasebridge.architecture.violations.CamelNamedOutsideConnectors;
import io.leasebridge.architecture.violations.FixtureConfiguration;
import io.leasebridge.architecture.violations.FixtureStore;
import io.leasebridge.architecture.violations.FlowWithProducerTemplate;
import io.leasebridge.architecture.violations.FlowKeepingItsOwnRun;
import io.leasebridge.architecture.violations.FlowWithSalesforceDto;
import io.leasebridge.architecture.violations.HousekeepingThatAbortsRuns;
import io.leasebridge.architecture.violations.ReportWithJdbcTemplate;
import io.leasebridge.architecture.violations.connectors.ConnectorOnItsOwn;
import io.leasebridge.architecture.violations.connectors.ConnectorThatKnowsAFlow;
import io.leasebridge.architecture.violations.cycle.a.Alpha;
import io.leasebridge.architecture.violations.cycle.b.Beta;
import io.leasebridge.architecture.violations.purejava.CamelInPureJava;
import io.leasebridge.architecture.violations.purejava.PlainJava;
import io.leasebridge.architecture.violations.purejava.SpringInPureJava;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static io.leasebridge.architecture.ArchitectureRules.connectorsKnowNoRoutes;
import static io.leasebridge.architecture.ArchitectureRules.knowsNoCamelAndNoSpring;
import static io.leasebridge.architecture.ArchitectureRules.noPackageCycles;
import static io.leasebridge.architecture.ArchitectureRules.onlyAdaptersCallCamelOrSalesforce;
import static io.leasebridge.architecture.ArchitectureRules.onlyFlowRunsStartsAndFinishesRuns;
import static io.leasebridge.architecture.ArchitectureRules.onlyStoresQueryTheDatabase;
import static org.assertj.core.api.Assertions.assertThat;

/** Each architecture rule reports the small classes in {@code violations} that break it, and only those. */
class ArchitectureRulesFailTest {

    private static final String FIXTURES = "io.leasebridge.architecture.violations";
    private static final JavaClasses VIOLATIONS = new ClassFileImporter().importPackages(FIXTURES);

    @Test
    void twoPackagesThatKnowEachOtherAreACycle() {
        List<String> report = violations(noPackageCycles(FIXTURES + ".cycle.(*).."));

        assertThat(String.join("\n", report)).contains("Cycle detected: a -> ").contains(Alpha.class.getName())
                .contains(Beta.class.getName());
    }

    @Test
    void aPureJavaModuleThatTouchesCamelOrSpringIsReported() {
        List<String> report = violations(knowsNoCamelAndNoSpring(resideInAPackage(FIXTURES + ".purejava..")));

        assertThat(report).anyMatch(line -> line.contains(CamelInPureJava.class.getName()) && line.contains("org.apache.camel.Exchange"))
                .anyMatch(line -> line.contains(SpringInPureJava.class.getName()) && line.contains("org.springframework.stereotype.Component"))
                .noneMatch(line -> line.contains(PlainJava.class.getName()));
    }

    @Test
    void aConnectorThatKnowsARoutesClassIsReported() {
        List<String> report = violations(connectorsKnowNoRoutes(resideInAPackage(FIXTURES + ".connectors.."),
                resideInAPackage(FIXTURES + ".routes..")));

        assertThat(report).anyMatch(line -> line.contains(ConnectorThatKnowsAFlow.class.getName()))
                .noneMatch(line -> line.contains(ConnectorOnItsOwn.class.getName()));
    }

    @Test
    void aProducerTemplateOrACamelSalesforceTypeOutsideAnAdapterIsReported() {
        List<String> report = violations(onlyAdaptersCallCamelOrSalesforce());

        assertThat(report).anyMatch(line -> line.contains(FlowWithProducerTemplate.class.getName()) && line.contains("ProducerTemplate"))
                .anyMatch(line -> line.contains(FlowWithSalesforceDto.class.getName()) && line.contains("UpsertSObjectResult"))
                .anyMatch(line -> line.contains(CamelNamedOutsideConnectors.class.getName()));
    }

    @Test
    void aJdbcTemplateOutsideAStoreIsReportedButAStoreAndAConfigurationMayHoldOne() {
        List<String> report = violations(onlyStoresQueryTheDatabase());

        assertThat(report).anyMatch(line -> line.contains(ReportWithJdbcTemplate.class.getName()))
                .noneMatch(line -> line.contains(FixtureStore.class.getName()))
                .noneMatch(line -> line.contains(FixtureConfiguration.class.getName()));
    }

    @Test
    void aFlowThatStartsAndFinishesItsRunItselfIsReportedButAbortingDepartedRunsIsNot() {
        List<String> report = violations(onlyFlowRunsStartsAndFinishesRuns());

        assertThat(report).anyMatch(line -> line.contains(FlowKeepingItsOwnRun.class.getName()) && line.contains("RunHistory.start"))
                .anyMatch(line -> line.contains(FlowKeepingItsOwnRun.class.getName()) && line.contains("RunHistory.finish"))
                .noneMatch(line -> line.contains(HousekeepingThatAbortsRuns.class.getName()));
    }

    private static List<String> violations(ArchRule rule) {
        return rule.evaluate(VIOLATIONS).getFailureReport().getDetails();
    }
}
