package io.leasebridge.ingest;

import io.leasebridge.cluster.FlowSchedule;
import io.leasebridge.config.LeaseWorksProperties;
import io.leasebridge.config.RunProperties;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;


/**
 * One ingest route per LeaseWorks export (accounts, payments, notes): each file the export's endpoint
 * delivers is streamed into the hub. The endpoint URI is configuration; its default is a local folder
 * with an idempotent repository in the hub, so a file is processed once and then moved to {@code .done/}.
 */
@Component
public class LeaseWorksExportRoutes extends RouteBuilder {

    static final String EXPORT_HEADER = "LeaseBridgeExport";

    private final LeaseWorksProperties leaseWorks;
    private final RunProperties run;
    private final LeaseWorksExportIngest ingest;
    private final ExportPolls polls;

    public LeaseWorksExportRoutes(LeaseWorksProperties leaseWorks, RunProperties run, LeaseWorksExportIngest ingest,
                                  ExportPolls polls) {
        this.leaseWorks = leaseWorks;
        this.run = run;
        this.ingest = ingest;
        this.polls = polls;
    }

    public static String routeId(String export) {
        return LeaseWorksExportIngest.flowName(export) + "-ingest";
    }

    @Override
    public void configure() {
        leaseWorks.exports().forEach((export, uri) ->
                from(endpoint(export, uri)).routeId(routeId(export))
                        .autoStartup(!run.runOnce())
                        .choice()
                            .when(body().isNull())
                                .bean(polls, "pollFoundNothing(${routeId})")
                            .otherwise()
                                .setHeader(EXPORT_HEADER, constant(export))
                                .bean(ingest, "ingest(${header.LeaseBridgeExport}, ${header.CamelFileName}, ${body})")
                        .end());
    }

    /**
     * Polls report when they find nothing (run-once mode waits for that); when serving, a poller without
     * its own scheduler follows the flow's Quartz cron from {@code leasebridge.schedules}.
     */
    private Endpoint endpoint(String export, String uri) {
        Endpoint endpoint = getContext().getEndpoint(scheduled(export, uri));
        if (endpoint instanceof ScheduledPollEndpoint poller) {
            poller.setSendEmptyMessageWhenIdle(true);
        }
        return endpoint;
    }

    /**
     * The URI with the flow's cron as its Quartz scheduler, unless it sets its own polling (a scheduler or
     * a fixed delay). It has to be in the URI: Camel reads the scheduler options when it creates the endpoint.
     */
    private String scheduled(String export, String uri) {
        if (run.runOnce() || uri.contains("scheduler=") || uri.contains("delay=") || uri.contains("Delay=")) {
            return uri;
        }
        String cron = URLEncoder.encode(run.schedule(LeaseWorksExportIngest.flowName(export)), StandardCharsets.UTF_8);
        return uri + (uri.contains("?") ? "&" : "?") + FlowSchedule.pollingOptions(LeaseWorksExportIngest.flowName(export), cron);
    }
}
