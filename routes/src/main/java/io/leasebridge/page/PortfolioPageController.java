package io.leasebridge.page;

import io.leasebridge.agency.PlacementKpis;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.security.Principal;

/** {@code /portfolio}: the portfolio and delivery charts, drawn on the server, each with its numbers in a table. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PortfolioPageController {

    private final PortfolioCharts charts;
    private final PlacementKpis agencyRecovery;

    PortfolioPageController(PortfolioCharts charts, PlacementKpis agencyRecovery) {
        this.charts = charts;
        this.agencyRecovery = agencyRecovery;
    }

    @ModelAttribute("user")
    String user(Principal principal) {
        return principal == null ? "" : principal.getName();
    }

    @GetMapping("/portfolio")
    String portfolio(Model model) {
        model.addAttribute("portfolio", charts.portfolio());
        model.addAttribute("delivery", charts.delivery());
        model.addAttribute("agencyRecovery", agencyRecovery.compute());
        return "page/portfolio";
    }
}
