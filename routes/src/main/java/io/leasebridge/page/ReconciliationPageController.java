package io.leasebridge.page;

import io.leasebridge.reconcile.Difference;
import io.leasebridge.reconcile.SystemsReconciliation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;

/**
 * {@code /reconciliation}: the last reconciliation of the targets against the hub, per object and per day, with its
 * differences; an operator can reconcile now and send again a record Salesforce lost or changed.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ReconciliationPageController {

    private final SystemsReconciliation reconciliation;

    ReconciliationPageController(SystemsReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @ModelAttribute("user")
    String user(Principal principal) {
        return principal == null ? "" : principal.getName();
    }

    @GetMapping("/reconciliation")
    String report(HttpServletRequest request, Model model) {
        model.addAttribute("report", reconciliation.last().orElse(null));
        model.addAttribute("canMend", request.isUserInRole("OPERATOR"));
        return "page/reconciliation";
    }

    @PostMapping("/reconciliation/run")
    String run() {
        reconciliation.reconcile();
        return "redirect:/reconciliation";
    }

    @PostMapping("/reconciliation/resend")
    String resend(@RequestParam String object, @RequestParam String key, @RequestParam(defaultValue = "Salesforce") String system,
                  RedirectAttributes redirect) {
        boolean queued = reconciliation.resend(system, object, key);
        redirect.addFlashAttribute("outcome", queued
                ? object + " " + key + " is queued to be " + Difference.mended(system)
                : object + " " + key + " was not queued: it is on its way, or refused");
        return "redirect:/reconciliation";
    }
}
