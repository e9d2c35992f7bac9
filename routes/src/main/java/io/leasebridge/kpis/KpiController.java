package io.leasebridge.kpis;

import io.leasebridge.promises.LedgerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;

/** {@code GET /api/kpis?asOf=2026-03-31}: the collections KPIs as of a day, today in the lessor's zone by default. */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class KpiController {

    private final CollectionsKpis kpis;
    private final Clock clock;
    private final LedgerProperties ledger;

    KpiController(CollectionsKpis kpis, Clock clock, LedgerProperties ledger) {
        this.kpis = kpis;
        this.clock = clock;
        this.ledger = ledger;
    }

    @GetMapping("/api/kpis")
    KpiReport kpis(@RequestParam(name = "asOf", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return kpis.compute(asOf != null ? asOf : LocalDate.now(clock.withZone(ledger.zone())));
    }
}
