package io.leasebridge.repocases;

import io.leasebridge.connectors.mail.CamelRepoOrderMailer;
import io.leasebridge.flow.Flow;
import io.leasebridge.flow.FlowRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Repossession cases: the recovery costs reps entered, Salesforce Case changes through the workflow, every case's costs
 * rolled up, the lease adjustments of their final account reviews written for LeaseWorks, then the repo orders they queued.
 */
@Component
public class RepoCaseRoutes extends RouteBuilder implements FlowRoutes {

    public static final String READ = "direct:" + RepoCaseSync.FLOW;
    public static final String MAIL = "direct:" + RepoOrderMail.FLOW;
    static final String SEND = CamelRepoOrderMailer.SEND;
    static final String ADJUSTMENT_FILE = "direct:leaseworks-repo-adjustment-file";

    private final RepoCaseSync sync;
    private final RecoveryCosts costs;
    private final RepoOrderMail mail;
    private final RepoProperties properties;
    private final RepoAdjustmentImport adjustments;
    private final AdjustmentImportProperties adjustmentFile;

    public RepoCaseRoutes(RepoCaseSync sync, RecoveryCosts costs, RepoOrderMail mail, RepoProperties properties,
                          RepoAdjustmentImport adjustments, AdjustmentImportProperties adjustmentFile) {
        this.adjustments = adjustments;
        this.adjustmentFile = adjustmentFile;
        this.costs = costs;
        this.properties = properties;
        this.sync = sync;
        this.mail = mail;
    }

    @Override
    public List<Flow> flows() {
        return List.of(Flow.scheduled(RepoCaseSync.FLOW, READ));
    }

    @Override
    public void configure() {
        from(READ).routeId(RepoCaseSync.FLOW)
                .bean(costs, "read")
                .bean(sync, "read")
                .bean(costs, "rollUp")
                .bean(adjustments, "write")
                .to(MAIL);

        from(MAIL).routeId(RepoOrderMail.FLOW)
                .bean(mail, "sendPending");

        from(SEND).routeId("repo-order-send")
                .to(properties.mail().endpoint());

        from(ADJUSTMENT_FILE).routeId("leaseworks-repo-adjustment-file")
                .to(adjustmentFile.endpoint());
    }
}
