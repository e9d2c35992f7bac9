package io.leasebridge.admin;

import io.leasebridge.flow.FlowRegistry;
import io.leasebridge.flow.RouteCalls;
import io.leasebridge.hub.FlowRun;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.direct.DirectEndpoint;
import org.apache.camel.pollconsumer.quartz.QuartzScheduledPollConsumerJob;
import org.apache.camel.pollconsumer.quartz.QuartzScheduledPollConsumerScheduler;
import org.apache.camel.spi.RouteController;
import org.apache.camel.support.ScheduledPollConsumer;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

/**
 * The flows of the running application, as the flow registry has them, with their Camel routes: {@code <flow>-schedule}
 * is a flow's Quartz schedule, the route its cron polls (an export's ingest route) takes files in, {@code <flow>} is the
 * route that does the work. A flow that has a schedule or a polled route running here is listed; a helper route such as
 * {@code salesforce-collections-upsert} is part of no flow.
 *
 * <p>Triggering runs a flow now, in the background, the way its schedule would: a flow whose route is a
 * {@code direct:} endpoint gets the same empty message its schedule sends; an export gets one poll of its endpoint,
 * after starting its route if it was stopped. When the endpoint polls on a Quartz cron, that poll is the cron's own
 * job fired now (Quartz never runs it twice at once); otherwise the consumer polls once on a thread of its own,
 * unless a poll is under way (the file and SFTP consumers' in-progress repository keeps two polls from taking the
 * same file). A flow that is paused or has a run in progress is not triggered. Pausing suspends the flow's routes,
 * schedule first, waiting for a run in progress to finish; resuming brings them back, work routes first.
 */
@Service
class Flows {

    private static final Logger log = LoggerFactory.getLogger(Flows.class);

    private final CamelContext camel;
    private final RouteCalls routes;
    private final RunSearch runs;
    private final FlowRegistry registry;
    private ExecutorService background;

    Flows(CamelContext camel, RouteCalls routes, RunSearch runs, FlowRegistry registry) {
        this.camel = camel;
        this.routes = routes;
        this.runs = runs;
        this.registry = registry;
    }

    List<FlowView> all() {
        return flows().values().stream().map(this::view).toList();
    }

    FlowView pause(String name) {
        Flow flow = require(name);
        for (String routeId : flow.routeIds()) {
            if (status(routeId) == ServiceStatus.Started) {
                control(routeId, "suspend", controller -> controller.suspendRoute(routeId));
            }
        }
        log.info("{}: paused", flow.name());
        return view(flow);
    }

    FlowView resume(String name) {
        Flow flow = require(name);
        List<String> workFirst = new ArrayList<>(flow.routeIds());
        Collections.reverse(workFirst);
        for (String routeId : workFirst) {
            ServiceStatus status = status(routeId);
            if (status == ServiceStatus.Suspended) {
                control(routeId, "resume", controller -> controller.resumeRoute(routeId));
            } else if (status == ServiceStatus.Stopped) {
                control(routeId, "start", controller -> controller.startRoute(routeId));
            }
        }
        log.info("{}: resumed", flow.name());
        return view(flow);
    }

    TriggerReceipt trigger(String name) {
        Flow flow = require(name);
        if (flow.routeIds().stream().anyMatch(id -> status(id) == ServiceStatus.Suspended)) {
            throw ApiProblem.conflict("flow paused", flow.name() + " is paused: resume it before triggering it");
        }
        FlowRun running = runs.running(flow.name()).orElse(null);
        if (running != null) {
            throw ApiProblem.conflict("flow running", flow.name() + " is running already (run " + running.id()
                    + ", started " + running.startedAt() + ")");
        }
        String mechanism;
        Route work = camel.getRoute(flow.name());
        Route ingest = flow.polledRouteId() == null ? null : camel.getRoute(flow.polledRouteId());
        if (work != null && work.getEndpoint() instanceof DirectEndpoint direct) {
            if (status(work.getRouteId()) != ServiceStatus.Started) {
                throw ApiProblem.conflict("flow stopped", flow.name() + " is stopped: resume it before triggering it");
            }
            routes.start(direct.getEndpointUri());
            mechanism = "sent to " + direct.getEndpointUri();
        } else if (ingest != null) {
            mechanism = pollNow(ingest);
        } else {
            throw ApiProblem.conflict("flow cannot be triggered", flow.name() + " has neither a direct: route nor a polled route");
        }
        log.info("{}: triggered ({})", flow.name(), mechanism);
        return new TriggerReceipt(flow.name(), mechanism, "/api/runs?flow=" + flow.name());
    }

    private String pollNow(Route ingest) {
        String routeId = ingest.getRouteId();
        String started = "";
        if (status(routeId) == ServiceStatus.Stopped) {
            control(routeId, "start", controller -> controller.startRoute(routeId));
            started = "started " + routeId + ", ";
        }
        if (!(ingest.getConsumer() instanceof ScheduledPollConsumer poller)) {
            throw ApiProblem.conflict("flow cannot be triggered", routeId + " does not poll: it takes what its endpoint sends");
        }
        if (poller.getScheduler() instanceof QuartzScheduledPollConsumerScheduler quartz) {
            try {
                Scheduler scheduler = quartz.getQuartzScheduler();
                scheduler.triggerJob(pollJob(scheduler, routeId));
                return started + "fired the Quartz job that polls " + routeId;
            } catch (SchedulerException e) {
                throw new IllegalStateException("cannot fire the poll of " + routeId, e);
            }
        }
        if (poller.isPolling()) {
            return started + "a poll of " + routeId + " is under way already";
        }
        background().execute(poller);
        return started + "polled " + routeId + " once, besides its own schedule";
    }

    /** Where a poll asked for runs, one at a time; Camel shuts it down with the context. */
    private synchronized ExecutorService background() {
        if (background == null) {
            background = camel.getExecutorServiceManager().newSingleThreadExecutor(this, "admin-flow-trigger");
        }
        return background;
    }

    private static JobKey pollJob(Scheduler scheduler, String routeId) throws SchedulerException {
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.anyJobGroup())) {
            JobDetail job = scheduler.getJobDetail(key);
            if (job != null && QuartzScheduledPollConsumerJob.class.equals(job.getJobClass())
                    && routeId.equals(job.getJobDataMap().get("routeId"))) {
                return key;
            }
        }
        throw new IllegalStateException("no Quartz poll job for " + routeId);
    }

    private FlowView view(Flow flow) {
        List<FlowView.RouteState> routes = flow.routeIds().stream()
                .map(id -> new FlowView.RouteState(id, String.valueOf(status(id)))).toList();
        return new FlowView(flow.name(), flowStatus(flow), routes, triggerDescription(flow), runs.latest(flow.name()).orElse(null));
    }

    private String flowStatus(Flow flow) {
        List<ServiceStatus> statuses = flow.routeIds().stream().map(this::status).toList();
        if (statuses.contains(ServiceStatus.Suspended)) {
            return "paused";
        }
        if (statuses.stream().allMatch(s -> s == ServiceStatus.Started)) {
            return "started";
        }
        if (statuses.stream().allMatch(s -> s == ServiceStatus.Stopped)) {
            return "stopped";
        }
        return "partly started";
    }

    private String triggerDescription(Flow flow) {
        Route work = camel.getRoute(flow.name());
        if (work != null && work.getEndpoint() instanceof DirectEndpoint direct) {
            return "sends to " + direct.getEndpointUri() + " in the background, as its schedule does";
        }
        return "polls " + flow.polledRouteId() + " once now";
    }

    private Flow require(String name) {
        Flow flow = flows().get(name);
        if (flow == null) {
            throw ApiProblem.notFound("unknown flow", "no flow '" + name + "'; flows: " + String.join(", ", flows().keySet()));
        }
        return flow;
    }

    /** Flow name -> its routes here, schedule first, then the work, then the polled route. */
    private Map<String, Flow> flows() {
        Map<String, Flow> flows = new TreeMap<>();
        for (io.leasebridge.flow.Flow flow : registry.all()) {
            String polled = flow.trigger() instanceof io.leasebridge.flow.Flow.Polled p ? p.routeId() : null;
            List<String> members = Stream.of(flow.scheduleRouteId(), flow.id(), polled)
                    .filter(r -> r != null && camel.getRoute(r) != null).toList();
            if (members.contains(flow.scheduleRouteId()) || members.contains(polled)) {
                flows.put(flow.id(), new Flow(flow.id(), members, polled));
            }
        }
        return flows;
    }

    private ServiceStatus status(String routeId) {
        return camel.getRouteController().getRouteStatus(routeId);
    }

    private void control(String routeId, String action, RouteAction change) {
        try {
            change.apply(camel.getRouteController());
        } catch (Exception e) {
            throw new IllegalStateException("cannot " + action + " route " + routeId + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface RouteAction {
        void apply(RouteController controller) throws Exception;
    }

    private record Flow(String name, List<String> routeIds, String polledRouteId) {
        Flow {
            routeIds = List.copyOf(routeIds);
        }
    }
}
