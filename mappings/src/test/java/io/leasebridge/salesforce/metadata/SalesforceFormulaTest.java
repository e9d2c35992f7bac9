package io.leasebridge.salesforce.metadata;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SalesforceFormulaTest {

    @Test
    void textIsJoinedWithAmpersandAndABlankPicklistIsEmptyText() {
        Map<String, Object> record = new HashMap<>();
        record.put("Repo_Status__c", null);

        assertThat(SalesforceFormula.parse("\"a\" & TEXT(Repo_Status__c) & 'b'").evaluate(update(Map.of(), record))).isEqualTo("ab");
    }

    @Test
    void caseReturnsTheResultOfTheFirstMatchingValueElseTheLast() {
        SalesforceFormula formula = SalesforceFormula.parse("CASE(Kind__c, \"A\", 1, \"B\", 2, 3)");

        assertThat(formula.evaluate(update(Map.of(), Map.of("Kind__c", "B")))).isEqualTo(new BigDecimal("2"));
        assertThat(formula.evaluate(update(Map.of(), Map.of("Kind__c", "Z")))).isEqualTo(new BigDecimal("3"));
    }

    @Test
    void isChangedIsFalseOnANewRecordAndPriorValueThereIsTheValueNow() {
        SalesforceFormula changed = SalesforceFormula.parse("ISCHANGED(Status__c)");
        SalesforceFormula prior = SalesforceFormula.parse("PRIORVALUE(Status__c)");

        assertThat(changed.isTrue(insert(Map.of("Status__c", "OPEN")))).isFalse();
        assertThat(prior.evaluate(insert(Map.of("Status__c", "OPEN")))).isEqualTo("OPEN");
        assertThat(changed.isTrue(update(Map.of("Status__c", "OPEN"), Map.of("Status__c", "KEPT")))).isTrue();
        assertThat(prior.evaluate(update(Map.of("Status__c", "OPEN"), Map.of("Status__c", "KEPT")))).isEqualTo("OPEN");
        assertThat(changed.isTrue(update(Map.of("Status__c", "OPEN"), Map.of("Status__c", "OPEN")))).isFalse();
    }

    @Test
    void numbersCompareByValueWhateverTheirScale() {
        SalesforceFormula formula = SalesforceFormula.parse("AND(Amount__c >= 100, Amount__c * 2 <> 250, NOT(ISBLANK(Amount__c)))");

        assertThat(formula.isTrue(update(Map.of(), Map.of("Amount__c", new BigDecimal("100.00"))))).isTrue();
        assertThat(formula.isTrue(update(Map.of(), Map.of("Amount__c", 125)))).isFalse();
        assertThat(formula.isTrue(update(Map.of(), Map.of("Amount__c", 99.5)))).isFalse();
    }

    @Test
    void operatorsAndCommentsReadAsSalesforceWritesThem() {
        SalesforceFormula formula = SalesforceFormula.parse("/* paid or waived */ (Paid__c || ISPICKVAL(Reason__c, 'WAIVED')) && !Closed__c");

        assertThat(formula.isTrue(update(Map.of(), Map.of("Paid__c", false, "Reason__c", "WAIVED", "Closed__c", false)))).isTrue();
        assertThat(formula.isTrue(update(Map.of(), Map.of("Paid__c", true, "Reason__c", "", "Closed__c", true)))).isFalse();
    }

    @Test
    void aFunctionTheSimulatedOrgDoesNotEvaluateIsRefusedWhenTheFormulaIsParsed() {
        assertThatThrownBy(() -> SalesforceFormula.parse("AND(ISNEW(), CloseDate < TODAY())"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("function TODAY is not one the simulated org evaluates");
    }

    @Test
    void aFormulaCutShortIsRefusedNamingWhere() {
        assertThatThrownBy(() -> SalesforceFormula.parse("AND(ISNEW(), \"open"))
                .hasMessageContaining("a text literal is not closed");
        assertThatThrownBy(() -> SalesforceFormula.parse("OR(ISNEW()"))
                .hasMessageContaining("expected ')'");
    }

    static SalesforceFormula.Save insert(Map<String, Object> after) {
        return save(null, after);
    }

    static SalesforceFormula.Save update(Map<String, Object> before, Map<String, Object> after) {
        return save(before, after);
    }

    private static SalesforceFormula.Save save(Map<String, Object> before, Map<String, Object> after) {
        return new SalesforceFormula.Save() {
            public Object value(String path) {
                return after.get(path);
            }

            public Object priorValue(String field) {
                return before == null ? after.get(field) : before.get(field);
            }

            public boolean isNew() {
                return before == null;
            }
        };
    }
}
