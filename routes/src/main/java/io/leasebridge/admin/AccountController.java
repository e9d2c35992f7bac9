package io.leasebridge.admin;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/accounts/{leaseId}}: one lease with its customer, payments, notes and promises. */
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
}
