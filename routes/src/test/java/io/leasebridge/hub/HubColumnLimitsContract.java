package io.leasebridge.hub;

import io.leasebridge.hub.MappedFields.MappedField;
import io.leasebridge.hub.SalesforceFieldWidths.Width;
import io.leasebridge.mapping.FieldLimits;
import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field the LeaseWorks field map fills declares its limit, the limit fits the Salesforce fields the value
 * is sent to, and its hub columns (schema from the Flyway migrations) hold the limit and those Salesforce fields:
 * so that a value the mapping accepted is refused neither by the hub nor by Salesforce.
 */
abstract class HubColumnLimitsContract {

    private static final Path CONFIG = Path.of(System.getProperty("leasebridge.config.dir", "../config"));
    private static final Set<Integer> TEXT = Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR);
    private static final Set<Integer> DECIMAL = Set.of(Types.NUMERIC, Types.DECIMAL);

    private final SalesforceFieldWidths salesforce =
            SalesforceFieldWidths.read(CONFIG.resolve("salesforce/force-app/main/default/objects"));
    private final TestDatabase database;
    private DataSource dataSource;
    private JdbcTemplate jdbc;

    /** The database under test, for one test: wiped and migrated before it, closed after it. */
    HubColumnLimitsContract(TestDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void freshSchema() {
        dataSource = database.freshSchema();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void everyMappedFieldFitsItsHubColumnsAndTheSalesforceFieldsItFeeds() {
        List<MappedField> fields = MappedFields.of(CONFIG, salesforce);

        assertThat(fields).extracting(MappedField::name).contains("Payment.method", "Customer.name", "LeaseAccount.pastDueAmount");
        assertThat(fields).filteredOn(f -> f.name().equals("Payment.method"))
                .extracting(MappedField::salesforceFields).containsExactly(List.of("Payment__c.Method__c"));
        assertThat(problems(fields)).isEmpty();
    }

    @Test
    void aHubColumnNarrowerThanItsSalesforceFieldIsFound() {
        jdbc.execute("alter table payment alter column method set data type varchar(40)");

        assertThat(problems(MappedFields.of(CONFIG, salesforce))).containsExactly(
                "Payment.method: hub column payment.method holds 40 characters, less than its declared limit (255)",
                "Payment.method: hub column payment.method holds 40 characters, less than Salesforce Payment__c.Method__c (255)");
    }

    @Test
    void aHubColumnNarrowerThanItsDeclaredLimitIsFound() {
        jdbc.execute("alter table lease_account alter column garaging_state set data type varchar(1)");
        jdbc.execute("alter table payment alter column amount set data type numeric(14, 2)");

        assertThat(problems(MappedFields.of(CONFIG, salesforce))).containsExactly(
                "LeaseAccount.garagingState: hub column lease_account.garaging_state holds 1 characters, less than its declared limit (2)",
                "Payment.amount: hub column payment.amount holds numeric(14, 2), less than its declared limit (numeric(16, 2))",
                "Payment.amount: hub column payment.amount holds numeric(14, 2), less than Salesforce Payment__c.Amount__c (numeric(16, 2))");
    }

    private List<String> problems(List<MappedField> fields) {
        Map<String, Column> columns = hubColumns();
        List<String> problems = new ArrayList<>();
        for (MappedField field : fields) {
            FieldLimits declared = FieldLimits.of(field.component());
            Class<?> type = field.component().getType();
            if (type == String.class) {
                textProblems(field, declared, columns, problems);
            } else if (type == BigDecimal.class) {
                decimalProblems(field, declared, columns, problems);
            }
        }
        return problems;
    }

    /**
     * A value must fit every Salesforce field it is sent to, so the narrowest of them bounds the declared limit and
     * is what the hub must hold at least (a lease id feeds both its 64-character external id and the 80-character Name).
     */
    private void textProblems(MappedField field, FieldLimits declared, Map<String, Column> columns, List<String> problems) {
        if (declared.maxLength() == null) {
            problems.add(field.name() + ": declares no @MaxLength");
            return;
        }
        Optional<Map.Entry<String, Integer>> narrowest = field.salesforceFields().stream()
                .map(f -> Map.entry(f, salesforceWidth(f)))
                .filter(e -> e.getValue().length() != null)
                .map(e -> Map.entry(e.getKey(), e.getValue().length()))
                .min(Map.Entry.comparingByValue());
        narrowest.filter(sent -> declared.maxLength() > sent.getValue())
                .ifPresent(sent -> problems.add(field.name() + ": declared limit " + declared.maxLength()
                        + " is more than Salesforce " + sent.getKey() + " holds (" + sent.getValue() + ")"));
        for (String hubColumn : field.hubColumns()) {
            Column column = column(columns, hubColumn);
            if (!column.isText()) {
                problems.add(field.name() + ": hub column " + hubColumn + " is not text");
                continue;
            }
            if (column.size() < declared.maxLength()) {
                problems.add(field.name() + ": hub column " + hubColumn + " holds " + column.size()
                        + " characters, less than its declared limit (" + declared.maxLength() + ")");
            }
            narrowest.filter(sent -> column.size() < sent.getValue())
                    .ifPresent(sent -> problems.add(field.name() + ": hub column " + hubColumn + " holds " + column.size()
                            + " characters, less than Salesforce " + sent.getKey() + " (" + sent.getValue() + ")"));
        }
    }

    private void decimalProblems(MappedField field, FieldLimits declared, Map<String, Column> columns, List<String> problems) {
        if (declared.precision() == null) {
            problems.add(field.name() + ": declares no @Numeric");
            return;
        }
        Width limit = new Width(null, declared.precision(), declared.scale());
        List<Map.Entry<String, Width>> sent = field.salesforceFields().stream()
                .map(f -> Map.entry(f, salesforceWidth(f)))
                .filter(e -> e.getValue().precision() != null)
                .toList();
        for (Map.Entry<String, Width> s : sent) {
            if (!holds(s.getValue(), limit)) {
                problems.add(field.name() + ": declared limit " + numeric(limit) + " is more than Salesforce " + s.getKey()
                        + " holds (" + numeric(s.getValue()) + ")");
            }
        }
        for (String hubColumn : field.hubColumns()) {
            Column column = column(columns, hubColumn);
            if (!column.isDecimal()) {
                problems.add(field.name() + ": hub column " + hubColumn + " is not a decimal");
                continue;
            }
            Width hub = new Width(null, column.size(), column.digits());
            if (!holds(hub, limit)) {
                problems.add(field.name() + ": hub column " + hubColumn + " holds " + numeric(hub)
                        + ", less than its declared limit (" + numeric(limit) + ")");
            }
            for (Map.Entry<String, Width> s : sent) {
                if (!holds(hub, s.getValue())) {
                    problems.add(field.name() + ": hub column " + hubColumn + " holds " + numeric(hub)
                            + ", less than Salesforce " + s.getKey() + " (" + numeric(s.getValue()) + ")");
                }
            }
        }
    }

    private Width salesforceWidth(String field) {
        return salesforce.width(field).orElseThrow(() -> new AssertionError(field + " is not in the Salesforce metadata"));
    }

    /** Whether every value {@code inner} can hold fits {@code outer}: as many digits before and after the point. */
    private static boolean holds(Width outer, Width inner) {
        return outer.wholeDigits() >= inner.wholeDigits() && outer.scale() >= inner.scale();
    }

    private static String numeric(Width width) {
        return "numeric(" + width.precision() + ", " + width.scale() + ")";
    }

    private static Column column(Map<String, Column> columns, String name) {
        return Objects.requireNonNull(columns.get(name), () -> "the hub has no column " + name);
    }

    private Map<String, Column> hubColumns() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            Map<String, Column> columns = new HashMap<>();
            try (ResultSet rs = meta.getColumns(null, connection.getSchema(), "%", "%")) {
                while (rs.next()) {
                    String name = (rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME")).toLowerCase(Locale.ROOT);
                    columns.put(name, new Column(rs.getInt("DATA_TYPE"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS")));
                }
            }
            return columns;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hub column as the database describes it: for text its length, for a decimal its precision and scale. */
    private record Column(int sqlType, int size, int digits) {

        boolean isText() {
            return TEXT.contains(sqlType);
        }

        boolean isDecimal() {
            return DECIMAL.contains(sqlType);
        }
    }
}
