package io.leasebridge.ingest;

import io.leasebridge.cluster.FlowSchedule;
import io.leasebridge.flow.Flow;
import io.leasebridge.flow.FlowRoutes;
import io.leasebridge.flow.RunProperties;
import io.leasebridge.hub.ExportFiles;
import io.leasebridge.mapping.LeaseWorksMapping;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * One ingest route per LeaseWorks export (accounts, payments, notes, ...): each complete file the
 * export's endpoint delivers is read into the hub, then moved to {@code .done/}; a file refused as a
 * whole goes to {@code .failed/}. Which files belong to an export is the field map's {@code include}
 * pattern unless the endpoint URI says otherwise; when a file is complete is the configured completion
 * protocol. Whether a file was read already is the hub's {@code export_file} record, written with the
 * file's last batch, so that a file a crash interrupted is taken again.
 */
@Component
public class LeaseWorksExportRoutes extends RouteBuilder implements FlowRoutes {

    static final String EXPORT_HEADER = "LeaseBridgeExport";
    static final String FILE_KEY_HEADER = "LeaseBridgeFileKey";

    private final LeaseWorksProperties leaseWorks;
    private final LeaseWorksMapping mapping;
    private final RunProperties run;
    private final LeaseWorksExportIngest ingest;
    private final LocalExportFiles localFiles;
    private final ExportPolls polls;

    public LeaseWorksExportRoutes(LeaseWorksProperties leaseWorks, LeaseWorksMapping mapping, RunProperties run,
                                  LeaseWorksExportIngest ingest, LocalExportFiles localFiles, ExportPolls polls) {
        this.leaseWorks = leaseWorks;
        this.mapping = mapping;
        this.run = run;
        this.ingest = ingest;
        this.localFiles = localFiles;
        this.polls = polls;
    }

    /**
     * The ingest route of each export LeaseBridge ships a field map for. An export a deployment adds to its field map
     * and to {@code leasebridge.leaseworks.exports} gets {@code leaseworks-<export>-ingest} the same way.
     */
    static final Map<String, String> INGEST_ROUTES = Map.of(
            "accounts", "leaseworks-accounts-ingest",
            "payments", "leaseworks-payments-ingest",
            "notes", "leaseworks-notes-ingest",
            "promises", "leaseworks-promises-ingest",
            "gl", "leaseworks-gl-ingest");

    public static String routeId(String export) {
        return INGEST_ROUTES.getOrDefault(export, LeaseWorksExportIngest.flowName(export) + "-ingest");
    }

    /** One flow per configured export, its cron polling the export's ingest route. */
    @Override
    public List<Flow> flows() {
        return leaseWorks.exports().keySet().stream()
                .map(export -> Flow.polled(LeaseWorksExportIngest.flowName(export), routeId(export)))
                .toList();
    }

    @Override
    public void configure() {
        // A refused file was recorded (dead letter, run, one log line); the failure only moves it to .failed/.
        onException(ExportRefusedException.class)
                .handled(false).logExhausted(false).logStackTrace(false).logRetryAttempted(false);

        leaseWorks.exports().forEach((export, uri) ->
                from(endpoint(export, uri)).routeId(routeId(export))
                        .autoStartup(!run.runOnce())
                        .choice()
                            .when(body().isNull())
                                .bean(polls, "pollFoundNothing(${routeId})")
                            .otherwise()
                                .setHeader(EXPORT_HEADER, constant(export))
                                .setHeader(FILE_KEY_HEADER, method(ExportFiles.class,
                                        "key(${header.CamelFileName}, ${header.CamelFileLength}, ${header.CamelFileLastModified})"))
                                .setBody(method(localFiles, "path(${body}, ${header.CamelFileName}, ${header.LeaseBridgeExport})"))
                                .bean(ingest, "ingest(${header.LeaseBridgeExport}, ${header.CamelFileName}, "
                                        + "${header.LeaseBridgeFileKey}, ${body})")
                        .end());
    }

    /**
     * Polls report when they find nothing (run-once mode waits for that); when serving, a poller without
     * its own scheduler follows the flow's Quartz cron from {@code leasebridge.schedules}.
     */
    private Endpoint endpoint(String export, String uri) {
        Endpoint endpoint = getContext().getEndpoint(scheduled(export, complete(export, uri)));
        if (endpoint instanceof ScheduledPollEndpoint poller) {
            poller.setSendEmptyMessageWhenIdle(true);
        }
        return endpoint;
    }

    /** The URI with the export's file-name pattern and the completion protocol, unless it sets them itself. */
    private String complete(String export, String uri) {
        String completed = uri;
        if (!uri.contains("include=") && !uri.contains("antInclude=")) {
            completed = withOption(completed, "include=RAW(" + mapping.files(export).include().pattern() + ")");
        }
        if (leaseWorks.completion() == LeaseWorksProperties.Completion.DONE_FILE && !uri.contains("doneFileName=")) {
            completed = withOption(completed, "doneFileName=$simple{file:name}.done");
        }
        return completed;
    }

    /**
     * The URI with the flow's cron as its Quartz scheduler, unless it sets its own polling (a scheduler or
     * a fixed delay). It has to be in the URI: Camel reads the scheduler options when it creates the endpoint.
     */
    private String scheduled(String export, String uri) {
        if (run.runOnce() || uri.contains("scheduler=") || uri.contains("delay=") || uri.contains("Delay=")) {
            return uri;
        }
        String flow = LeaseWorksExportIngest.flowName(export);
        return withOption(uri, FlowSchedule.pollingOptions(getContext(), flow, run.schedule(flow)));
    }

    private static String withOption(String uri, String option) {
        return uri + (uri.contains("?") ? "&" : "?") + option;
    }
}
