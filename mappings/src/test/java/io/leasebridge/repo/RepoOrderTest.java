package io.leasebridge.repo;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class RepoOrderTest {

    private static final Instant NOW = Instant.parse("2026-11-21T15:30:00Z");

    @Test
    void theOrderCarriesTheFactsTheRepUsedToType() {
        RepoOrder order = order(new RepoOrder.GpsStatus("REPORTING", new BigDecimal("32.776700"), new BigDecimal("-96.797000"),
                Instant.parse("2026-11-21T09:00:00Z")), RepoType.INVOLUNTARY);

        assertThat(order.text(NOW)).contains(
                "Case: 00001027",
                "Order date: 11/21/2026",
                "Repo type: Involuntary",
                "Days past due: 47",
                "Payments made: 14",
                "GPS status: REPORTING, last located at 32.776700, -96.797000 on 2026-11-21T09:00:00Z (6 hours before this order)",
                "Vehicle: 2013 Ford F-150 XLT, VIN 1FTFW1ET9DFC10312, unit U-0417",
                "Garaging address: 4410 Gaston Ave, Dallas, TX 75246");
        assertThat(order.subject()).isEqualTo("Repossession order, case 00001027: 2013 Ford F-150 XLT, VIN 1FTFW1ET9DFC10312, unit U-0417");
    }

    @Test
    void withoutGpsDataTheOrderSaysSoAndAVoluntaryRepoIsNamed() {
        String text = order(RepoOrder.GpsStatus.none(), RepoType.VOLUNTARY).text(NOW);

        assertThat(text).contains("GPS status: no GPS data", "Repo type: Voluntary");
    }

    @Test
    void anOldFixIsAgedInDays() {
        RepoOrder order = order(new RepoOrder.GpsStatus("SILENT", BigDecimal.ONE, BigDecimal.TEN,
                Instant.parse("2026-11-18T15:30:00Z")), RepoType.INVOLUNTARY);

        assertThat(order.text(NOW)).contains("(3 days before this order)");
    }

    private static RepoOrder order(RepoOrder.GpsStatus gps, RepoType type) {
        return new RepoOrder("00001027", LocalDate.of(2026, 11, 21), type, "L-1001", "Marcus Bell", 47, 14,
                new RepoOrder.VehicleDescription("1FTFW1ET9DFC10312", 2013, "Ford", "F-150 XLT", "U-0417"),
                "4410 Gaston Ave, Dallas, TX 75246", gps);
    }
}
