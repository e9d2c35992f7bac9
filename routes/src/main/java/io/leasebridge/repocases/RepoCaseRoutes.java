package io.leasebridge.repocases;

import io.leasebridge.config.RunProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import static org.apache.camel.builder.endpoint.StaticEndpointBuilders.quartz;

/** Repossession cases: Salesforce Case changes through the workflow, then the repo orders they queued. */
@Component
public class RepoCaseRoutes extends RouteBuilder {

    public static final String READ = "direct:" + RepoCaseSync.FLOW;
    public static final String MAIL = "direct:" + RepoOrderMail.FLOW;

    private final RepoCaseSync sync;
    private final RepoOrderMail mail;
    private final RunProperties run;

    public RepoCaseRoutes(RepoCaseSync sync, RepoOrderMail mail, RunProperties run) {
        this.sync = sync;
        this.mail = mail;
        this.run = run;
    }

    @Override
    public void configure() {
        from(READ).routeId(RepoCaseSync.FLOW)
                .bean(sync, "read")
                .to(MAIL);

        from(MAIL).routeId(RepoOrderMail.FLOW)
                .bean(mail, "sendPending");

        if (!run.runOnce()) {
            from(quartz("leasebridge/" + RepoCaseSync.FLOW).cron(run.schedule(RepoCaseSync.FLOW)))
                    .routeId(RepoCaseSync.FLOW + "-schedule")
                    .to(READ);
        }
    }
}
