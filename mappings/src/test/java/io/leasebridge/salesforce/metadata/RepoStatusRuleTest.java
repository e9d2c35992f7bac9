package io.leasebridge.salesforce.metadata;

import io.leasebridge.repo.RepoStatus;
import io.leasebridge.repo.RepoWorkflow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Case validation rule and {@link RepoWorkflow} allow the same Repo_Status__c steps: the rule's formula lists
 * each allowed {@code "FROM>TO"} (a new Case: {@code ">TO"}), and everything else is refused.
 */
class RepoStatusRuleTest {

    private static final Pattern ALLOWED = Pattern.compile("\"([A-Z_]*)>([A-Z_]+)\",\\s*0");

    private static Element rule;
    private static String formula;

    @BeforeAll
    static void load() {
        Path file = OrgMetadata.shippedForceApp().resolve("main/default/objects/Case/validationRules/Repo_Status_Step.validationRule-meta.xml");
        rule = SfdxObjects.root(file, "ValidationRule");
        formula = SfdxObjects.text(rule, "errorConditionFormula");
    }

    @Test
    void theRuleAllowsExactlyTheStepsOfTheWorkflow() {
        Set<String> inRule = new TreeSet<>();
        Matcher m = ALLOWED.matcher(formula);
        while (m.find()) {
            inRule.add(m.group(1) + ">" + m.group(2));
        }

        assertThat(inRule).isEqualTo(workflowSteps());
    }

    @Test
    void evaluatedAsTheOrgEvaluatesItTheRuleRefusesEveryStepTheWorkflowRefusesAndNoOther() {
        ValidationRuleDescription shipped = OrgMetadata.shipped().validationRules("Case").stream()
                .filter(r -> r.fullName().equals("Repo_Status_Step")).findFirst().orElseThrow();
        Set<String> allowed = workflowSteps();
        java.util.List<String> disagreements = new java.util.ArrayList<>();
        java.util.List<String> from = new java.util.ArrayList<>(java.util.Arrays.stream(RepoStatus.values()).map(Enum::name).toList());
        from.add(null);
        for (String prior : from) {
            for (RepoStatus to : RepoStatus.values()) {
                if (to.name().equals(prior)) {
                    continue; // a save that leaves the status alone is no step
                }
                Map<String, Object> after = Map.of("RecordType.DeveloperName", "Repossession", "Repo_Status__c", to.name());
                Map<String, Object> before = prior == null ? null : Map.of("Repo_Status__c", prior);
                boolean refused = shipped.errorCondition().isTrue(prior == null
                        ? SalesforceFormulaTest.insert(after) : SalesforceFormulaTest.update(before, after));
                String step = (prior == null ? "" : prior) + ">" + to;
                if (refused == allowed.contains(step)) {
                    disagreements.add(step + (refused ? " refused by the rule" : " let through by the rule"));
                }
            }
        }
        Map<String, Object> otherCase = Map.of("RecordType.DeveloperName", "Support", "Repo_Status__c", "SOLD");

        assertThat(disagreements).isEmpty();
        assertThat(shipped.errorCondition().isTrue(SalesforceFormulaTest.update(Map.of("Repo_Status__c", "PENDING"), otherCase)))
                .as("a Case of another record type").isFalse();
        assertThat(shipped.error().fields()).containsExactly("Repo_Status__c");
    }

    @Test
    void theRuleChecksChangesOfRepoStatusOnRepossessionCasesAgainstTheirPriorValue() {
        assertThat(SfdxObjects.text(rule, "active")).isEqualTo("true");
        assertThat(formula).contains("RecordType.DeveloperName = \"Repossession\"", "ISCHANGED(Repo_Status__c)",
                "PRIORVALUE(Repo_Status__c)", "ISNEW()");
        assertThat(SfdxObjects.text(rule, "errorDisplayField")).isEqualTo("Repo_Status__c");
    }

    @Test
    void theMessageNamesTheAllowedNextStepsOfEveryStatus() {
        String message = SfdxObjects.text(rule, "errorMessage");

        for (RepoStatus from : RepoStatus.values()) {
            Set<RepoStatus> next = RepoWorkflow.nextStates(from);
            if (!next.isEmpty()) {
                assertThat(message).contains(from + ">" + next.stream().map(Enum::name).collect(Collectors.joining("/")));
            }
        }
        assertThat(message).contains("new " + RepoWorkflow.startStates().stream().map(Enum::name).collect(Collectors.joining("/")));
    }

    private static Set<String> workflowSteps() {
        Set<String> steps = new TreeSet<>();
        RepoWorkflow.startStates().forEach(s -> steps.add(">" + s));
        for (RepoStatus from : RepoStatus.values()) {
            RepoWorkflow.nextStates(from).forEach(to -> steps.add(from + ">" + to));
        }
        return steps;
    }
}
