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
 * The Case validation rules and {@link RepoWorkflow} allow the same Repo_Status__c steps: Repo_Status_Step's formula
 * lists each allowed {@code "FROM>TO"} (a new Case: {@code ">TO"}) but those to REINSTATED, Repo_Reinstatement's
 * lists each {@code "FROM"} REINSTATED is reached from, and everything else is refused. Two rules, because one
 * message naming every step would not fit Salesforce's 255 characters.
 */
class RepoStatusRuleTest {

    private static final Pattern ALLOWED = Pattern.compile("\"([A-Z_]*)>([A-Z_]+)\",\\s*0");
    private static final Pattern ALLOWED_FROM = Pattern.compile("\"([A-Z_]+)\",\\s*0");

    private static Element rule;
    private static String formula;
    private static Element reinstatement;

    @BeforeAll
    static void load() {
        Path file = OrgMetadata.shippedForceApp().resolve("main/default/objects/Case/validationRules/Repo_Status_Step.validationRule-meta.xml");
        rule = SfdxObjects.root(file, "ValidationRule");
        formula = SfdxObjects.text(rule, "errorConditionFormula");
        reinstatement = SfdxObjects.root(OrgMetadata.shippedForceApp()
                .resolve("main/default/objects/Case/validationRules/Repo_Reinstatement.validationRule-meta.xml"), "ValidationRule");
    }

    @Test
    void theRuleAllowsExactlyTheStepsOfTheWorkflow() {
        Set<String> inRule = new TreeSet<>();
        Matcher m = ALLOWED.matcher(formula);
        while (m.find()) {
            inRule.add(m.group(1) + ">" + m.group(2));
        }
        Matcher from = ALLOWED_FROM.matcher(SfdxObjects.text(reinstatement, "errorConditionFormula"));
        while (from.find()) {
            inRule.add(from.group(1) + ">" + RepoStatus.REINSTATED);
        }

        assertThat(inRule).isEqualTo(workflowSteps());
    }

    @Test
    void evaluatedAsTheOrgEvaluatesThemTheStatusRulesRefuseEveryStepTheWorkflowRefusesAndNoOther() {
        java.util.List<ValidationRuleDescription> statusRules = OrgMetadata.shipped().validationRules("Case").stream()
                .filter(r -> Set.of("Repo_Status_Step", "Repo_Reinstatement").contains(r.fullName())).toList();
        assertThat(statusRules).hasSize(2);
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
                SalesforceFormula.Save save = prior == null ? SalesforceFormulaTest.insert(after) : SalesforceFormulaTest.update(before, after);
                boolean refused = statusRules.stream().anyMatch(r -> r.errorCondition().isTrue(save));
                String step = (prior == null ? "" : prior) + ">" + to;
                if (refused == allowed.contains(step)) {
                    disagreements.add(step + (refused ? " refused by the rules" : " let through by the rules"));
                }
            }
        }
        Map<String, Object> otherCase = Map.of("RecordType.DeveloperName", "Support", "Repo_Status__c", "SOLD");

        assertThat(disagreements).isEmpty();
        for (ValidationRuleDescription rule : statusRules) {
            assertThat(rule.errorCondition().isTrue(SalesforceFormulaTest.update(Map.of("Repo_Status__c", "PENDING"), otherCase)))
                    .as("%s on a Case of another record type", rule.fullName()).isFalse();
            assertThat(rule.error().fields()).containsExactly("Repo_Status__c");
        }
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

        Set<RepoStatus> reinstatedFrom = new TreeSet<>();
        for (RepoStatus from : RepoStatus.values()) {
            Set<RepoStatus> next = new TreeSet<>(RepoWorkflow.nextStates(from));
            if (next.remove(RepoStatus.REINSTATED)) {
                reinstatedFrom.add(from);
            }
            if (!next.isEmpty()) {
                assertThat(message).contains(from + ">" + next.stream().map(Enum::name).collect(Collectors.joining("/")));
            }
        }
        assertThat(SfdxObjects.text(reinstatement, "errorMessage"))
                .startsWith("REINSTATED is reached from " + reinstatedFrom.stream().map(Enum::name).collect(Collectors.joining("/")));
        assertThat(message).contains("new " + RepoWorkflow.startStates().stream().map(Enum::name).collect(Collectors.joining("/")));
    }

    @Test
    void theStepRuleLeavesReinstatementToItsOwnRule() {
        assertThat(formula).contains("NOT(ISPICKVAL(Repo_Status__c, \"REINSTATED\"))").doesNotContain(">REINSTATED");
        assertThat(SfdxObjects.text(reinstatement, "active")).isEqualTo("true");
        assertThat(SfdxObjects.text(reinstatement, "errorConditionFormula")).contains(
                "RecordType.DeveloperName = \"Repossession\"", "ISPICKVAL(Repo_Status__c, \"REINSTATED\")",
                "PRIORVALUE(Repo_Status__c)", "ISNEW()");
    }

    @Test
    void aSecondRuleKeepsVoluntaryReturnsAwayFromTheAgentAndInvoluntaryOnesFromSkippingTheOrder() {
        Element voluntary = SfdxObjects.root(OrgMetadata.shippedForceApp()
                .resolve("main/default/objects/Case/validationRules/Repo_Voluntary_Return.validationRule-meta.xml"), "ValidationRule");
        String condition = SfdxObjects.text(voluntary, "errorConditionFormula");

        assertThat(SfdxObjects.text(voluntary, "active")).isEqualTo("true");
        assertThat(condition).contains("ISPICKVAL(PRIORVALUE(Repo_Status__c), \"PENDING\")",
                "ISPICKVAL(Repo_Status__c, \"RECOVERED\")", "NOT(ISPICKVAL(Repo_Type__c, \"VOLUNTARY\"))",
                "ISBLANK(Drop_Off_Date__c)", "ISBLANK(Drop_Off_Location__c)",
                "AND(ISPICKVAL(Repo_Status__c, \"ORDERED\"), ISPICKVAL(Repo_Type__c, \"VOLUNTARY\"))");
        assertThat(RepoWorkflow.nextStates(RepoStatus.PENDING)).contains(RepoStatus.ORDERED, RepoStatus.RECOVERED);
    }

    @Test
    void everyMessageFitsSalesforcesTwoHundredFiftyFiveCharacters() throws Exception {
        try (var files = java.nio.file.Files.list(OrgMetadata.shippedForceApp().resolve("main/default/objects/Case/validationRules"))) {
            for (Path file : files.toList()) {
                assertThat(SfdxObjects.text(SfdxObjects.root(file, "ValidationRule"), "errorMessage"))
                        .as("%s", file.getFileName()).hasSizeLessThanOrEqualTo(255);
            }
        }
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
