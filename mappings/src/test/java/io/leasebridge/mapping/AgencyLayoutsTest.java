package io.leasebridge.mapping;

import io.leasebridge.agency.PlacementField;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgencyLayoutsTest {

    @Test
    void theShippedLayoutsNameAnAgencyWithItsPlacementAndRecallFiles() throws Exception {
        AgencyLayouts layouts;
        try (InputStream in = Files.newInputStream(configDir().resolve("mappings/agencies.yml"))) {
            layouts = AgencyLayouts.read(in, "agencies.yml");
        }
        AgencyLayouts.Agency agency = layouts.agency("Lone Star Recovery Services").orElseThrow();
        assertThat(agency.endpoint()).startsWith("sftp://").contains("{{env:AGENCY_SFTP_PASSWORD}}");
        assertThat(agency.placementFile().fileName(LocalDate.of(2026, 12, 2), 1)).isEqualTo("LSRS_PLACE_20261202_1.csv");
        assertThat(agency.placementFile().columns()).extracting(AgencyLayouts.Column::placementField)
                .contains(PlacementField.PLACEMENT_ID, PlacementField.PLACED_BALANCE);
        assertThat(agency.recallFile().columns()).extracting(AgencyLayouts.Column::placementField)
                .contains(PlacementField.RECALL_REASON);
        assertThat(layouts.agency("Nobody")).isEmpty();
    }

    @Test
    void aColumnAskingForAnSsnOrALicenceIsRefusedNamingTheAgencyAndColumn() {
        assertThatThrownBy(() -> read(layout("{ header: \"Debtor SSN\", field: lease-id }")))
                .isInstanceOf(MappingConfigException.class)
                .hasMessageContaining("agencies.Acme.placement-file.columns[1] 'Debtor SSN'")
                .hasMessageContaining("never stores nor sends an SSN");
        assertThatThrownBy(() -> read(layout("{ header: \"Driver License\", field: lease-id }")))
                .hasMessageContaining("'Driver License'");
    }

    @Test
    void aFieldLeaseBridgeDoesNotHaveIsRefusedNamingTheColumnAndTheFieldsItHas() {
        assertThatThrownBy(() -> read(layout("{ header: \"Birth Date\", field: date-of-birth }")))
                .hasMessageContaining("columns[1] 'Birth Date': field 'date-of-birth' is none of placement-id, lease-id");
    }

    @Test
    void anAgencyWithoutAnEndpointIsRefused() {
        assertThatThrownBy(() -> read(layout("{ header: \"VIN\", field: vin }").replace("endpoint: \"sftp://a/b\"", "endpoint: \"\"")))
                .hasMessageContaining("agencies.Acme.endpoint");
    }

    private static String layout(String secondColumn) {
        return """
                date-format: "MM/dd/yyyy"
                agencies:
                  Acme:
                    endpoint: "sftp://a/b"
                    placement-file:
                      name: "P_{date}.csv"
                      columns:
                        - { header: "Account", field: placement-id }
                        - %s
                    recall-file:
                      name: "R_{date}.csv"
                      columns:
                        - { header: "Account", field: placement-id }
                """.formatted(secondColumn);
    }

    private static AgencyLayouts read(String yaml) throws Exception {
        return AgencyLayouts.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }

    private static Path configDir() {
        String configured = System.getProperty("leasebridge.config.dir");
        return configured == null || configured.isBlank() || configured.contains("${") ? Path.of("..", "config") : Path.of(configured);
    }
}
