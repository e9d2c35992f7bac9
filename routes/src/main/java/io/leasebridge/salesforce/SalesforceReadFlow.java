package io.leasebridge.salesforce;

import io.leasebridge.connectors.salesforce.SalesforceCallException;
import io.leasebridge.connectors.salesforce.SalesforceGateway;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.flow.FlowRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;

/**
 * A flow that reads changes from Salesforce: one run in the run history, its Salesforce calls counted, every
 * page through {@link SalesforceChangeReader}, and a failure that stops the run where the last committed page
 * left the watermark.
 */
@Service
public class SalesforceReadFlow {

    /** Takes one page inside its transaction; returns what it changed, refused and quarantined. */
    @FunctionalInterface
    public interface PageHandler {
        RunCounts apply(List<Map<String, Object>> records, long runId);
    }

    private static final Logger log = LoggerFactory.getLogger(SalesforceReadFlow.class);

    private final SalesforceChangeReader reader;
    private final FlowRuns runs;
    private final SalesforceGateway salesforce;

    public SalesforceReadFlow(SalesforceChangeReader reader, FlowRuns runs, SalesforceGateway salesforce) {
        this.reader = reader;
        this.runs = runs;
        this.salesforce = salesforce;
    }

    public RunCounts run(String flow, ChangeQuery query, PageHandler handler) {
        return runs.run(flow, query.sObject(), run -> {
            long callsBefore = salesforce.apiCalls();
            RunCounts[] pages = {RunCounts.NONE};
            try {
                SalesforceChangeReader.ReadReport report = reader.read(query, records -> {
                    RunCounts page = handler.apply(records, run.id());
                    pages[0] = pages[0].plus(page);
                    return page.changed();
                });
                RunCounts counts = new RunCounts(report.read(), report.changed(), 0, pages[0].failed(), pages[0].quarantined(),
                        salesforce.apiCalls() - callsBefore);
                run.count(counts);
                log.info("{}: {} {} records read, {} changed", flow, report.read(), query.sObject(), report.changed());
                return counts;
            } catch (RuntimeException e) {
                String error = query.sObject() + ": " + SalesforceCallException.describe(e);
                log.error("{}: stopped, the watermark stays where the last committed page left it: {}", flow, error);
                run.count(new RunCounts(0, 0, 0, pages[0].failed(), pages[0].quarantined(), salesforce.apiCalls() - callsBefore));
                run.fail(error);
                return RunCounts.NONE;
            }
        });
    }
}
