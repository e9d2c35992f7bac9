package io.leasebridge.admin;

import io.leasebridge.hub.ExternalWrite;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/accounts/{leaseId}}: one lease with its customer, payments, notes and promises; {@code /writes}: its audit trail. */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AccountController {

    private final AccountViews accounts;

    AccountController(AccountViews accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/accounts/{leaseId}")
    AccountView account(@PathVariable String leaseId) {
        return accounts.of(leaseId);
    }

    /** The audit trail of the lease: every write to an external system, oldest first. */
    @GetMapping("/api/accounts/{leaseId}/writes")
    List<ExternalWrite> writes(@PathVariable String leaseId) {
        return accounts.writes(leaseId);
    }
}
