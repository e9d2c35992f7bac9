package io.leasebridge.admin;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/cluster}: the nodes on this hub, alive or gone, and the node that answers. */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ClusterController {

    private final ClusterMembers members;

    ClusterController(ClusterMembers members) {
        this.members = members;
    }

    @GetMapping("/api/cluster")
    ClusterView cluster() {
        return members.view();
    }
}
