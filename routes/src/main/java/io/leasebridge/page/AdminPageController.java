package io.leasebridge.page;

import io.leasebridge.admin.PageQueries;
import io.leasebridge.admin.PageQueries.PageReplay;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;

/**
 * The admin page, rendered on the server: {@code /} the flows with their last run, {@code /runs?page=} the run
 * history, {@code /dead-letters?page=} the queue with a Replay button per open entry for operators, and
 * {@code /accounts/{leaseId}} one lease with its promise history as a timeline. Security's page chain signs users in
 * with a form and puts a CSRF token in every form; only an OPERATOR may POST a replay.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AdminPageController {

    private final PageQueries queries;

    AdminPageController(PageQueries queries) {
        this.queries = queries;
    }

    /** Who is signed in, for the header of every page. */
    @ModelAttribute("user")
    String user(Principal principal) {
        return principal == null ? "" : principal.getName();
    }

    @GetMapping("/")
    String flows(Model model) {
        model.addAttribute("flows", queries.flows());
        return "page/flows";
    }

    @GetMapping("/runs")
    String runs(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("runs", queries.runs(page));
        model.addAttribute("cluster", queries.cluster());
        return "page/runs";
    }

    @GetMapping("/dead-letters")
    String deadLetters(@RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        model.addAttribute("deadLetters", queries.deadLetters(page));
        model.addAttribute("canReplay", request.isUserInRole("OPERATOR"));
        return "page/dead-letters";
    }

    @PostMapping("/dead-letters/{id}/replay")
    String replay(@PathVariable long id, @RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
        PageReplay outcome = queries.replay(id);
        redirect.addFlashAttribute("outcome", outcome);
        redirect.addAttribute("page", Math.max(0, page));
        return "redirect:/dead-letters";
    }

    @GetMapping("/accounts/{leaseId}")
    String account(@PathVariable String leaseId, Model model) {
        model.addAttribute("account", queries.account(leaseId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no lease " + leaseId + " in the hub")));
        return "page/account";
    }
}
