package io.leasebridge.cluster;

import io.leasebridge.testing.TestDatabase;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one PostgreSQL hub with an empty job store starting their LeaseWorks drop pollers at the same instant (a
 * Deployment of two replicas rolled out together). Each node's scheduler is the one LeaseBridge builds; it only holds
 * the answer to each node's look-up of a drop's trigger until the other node has looked too, so that both find none and both store
 * it, the race two nodes run when they start together, every time rather than now and then. The test checks that the
 * race was run: both nodes found no trigger for every drop.
 */
class SimultaneousPollingStartPostgresIT {

    private static final String POLL_GROUP = FlowSchedule.GROUP + "-polls";
    private static final String EVERY_TWO_SECONDS = "0/2 * * * * ?";
    private static final int DROPS = 3;
    private static TestDatabase database;

    @TempDir
    Path inbox;

    private final ConcurrentLinkedQueue<Poll> polls = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> unfoundLookups = new ConcurrentHashMap<>();

    record Poll(String node, String drop, Instant at) {
    }

    @BeforeAll
    static void connect() {
        database = TestDatabase.postgres();
    }

    @AfterAll
    static void disconnect() {
        database.close();
    }

    @Test
    void twoNodesStartingTogetherBothStartOnOneSharedTriggerPerDropAndANodeStoppedCleanlyLeavesItToTheOther() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(database.freshSchema());
        try (NodeSchedulers schedulers = new NodeSchedulers()) {
            Map<String, CyclicBarrier> lookups = new ConcurrentHashMap<>();
            List<CamelContext> nodes = startTogether(List.of(
                    node("node-a", inStep(schedulers.next(), lookups)),
                    node("node-b", inStep(schedulers.next(), lookups))));
            try {
                assertThat(unfoundLookups).as("drops whose trigger both nodes looked up before either stored it")
                        .containsOnlyKeys("drop-0", "drop-1", "drop-2")
                        .allSatisfy((drop, nodesThatFoundNone) -> assertThat(nodesThatFoundNone).hasValue(2));
                assertThat(nodes).allSatisfy(node -> assertThat(node.getRouteController().getRouteStatus("drop-0"))
                        .isEqualTo(ServiceStatus.Started));
                assertThat(jdbc.queryForList("select trigger_name from qrtz_triggers where trigger_group = ?", String.class, POLL_GROUP))
                        .containsExactlyInAnyOrder("drop-0", "drop-1", "drop-2");
                assertThat(jdbc.queryForObject("""
                        select count(*) from qrtz_job_details j where not exists (select 1 from qrtz_triggers t
                          where t.job_name = j.job_name and t.job_group = j.job_group)""", Long.class))
                        .as("jobs stored by a node that lost the race").isZero();
                await().atMost(Duration.ofSeconds(60)).until(() -> polledDrops().size() == DROPS);

                nodes.get(0).stop();
                Instant stopped = Instant.now();
                assertThat(jdbc.queryForObject("select count(*) from qrtz_triggers where trigger_group = ?", Long.class, POLL_GROUP))
                        .as("polling triggers after one node stopped cleanly").isEqualTo(DROPS);
                await().atMost(Duration.ofSeconds(60)).until(() -> List.of("drop-0", "drop-1", "drop-2").stream().allMatch(drop ->
                        polls.stream().filter(p -> p.drop().equals(drop) && p.at().isAfter(stopped) && p.node().equals("node-b")).count() >= 2));
                assertThat(polls.stream().filter(p -> p.node().equals("node-a") && p.at().isAfter(stopped.plusSeconds(1))))
                        .as("polls of the stopped node").isEmpty();
                for (String drop : polledDrops()) {
                    List<Instant> times = polls.stream().filter(p -> p.drop().equals(drop)).map(Poll::at).sorted().toList();
                    long fires = times.get(times.size() - 1).getEpochSecond() / 2 - times.get(0).getEpochSecond() / 2 + 1;
                    // a poll is timed when it runs, not when its fire was due: on a busy machine the first fire can run late,
                    // in the next one's two seconds; a fire run by both nodes would double the count instead
                    assertThat((long) times.size()).as(drop + "'s polls against the cron's fires").isLessThanOrEqualTo(fires + 1);
                }
            } finally {
                for (CamelContext node : nodes) {
                    node.stop();
                }
            }
        }
    }

    /** What a LeaseBridge drop's URI carries: the flow's cron on its shared trigger, through {@link FlowSchedule}. */
    private String leaseBridgePolling(CamelContext camel, String drop) {
        return FlowSchedule.pollingOptions(camel, drop, EVERY_TWO_SECONDS);
    }

    /** A node: a Camel context named as LeaseBridge names its own, camel-quartz on the node's scheduler, polling drops. */
    private CamelContext node(String name, Scheduler scheduler) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("leasebridge");
        QuartzComponent quartz = new QuartzComponent();
        quartz.setScheduler(scheduler);
        camel.addComponent("quartz", quartz);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < DROPS; i++) {
                    String drop = "drop-" + i;
                    from("file:" + inbox.resolve(drop) + "?sendEmptyMessageWhenIdle=true&" + leaseBridgePolling(getContext(), drop))
                            .routeId(drop)
                            .process(exchange -> polls.add(new Poll(name, drop, Instant.now())));
                }
            }
        });
        return camel;
    }

    private static List<CamelContext> startTogether(List<CamelContext> nodes) throws Exception {
        ExecutorService starts = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (CamelContext node : nodes) {
                runs.add(starts.submit(node::start));
            }
            for (Future<?> run : runs) {
                run.get(2, TimeUnit.MINUTES);
            }
            return nodes;
        } finally {
            starts.shutdownNow();
        }
    }

    /**
     * The node's scheduler, holding the answer to its first look-up of each polling trigger until the other node has
     * looked it up too (or ten seconds passed: the other node may have failed to start), so that neither stores the
     * trigger before both have looked.
     */
    private Scheduler inStep(Scheduler scheduler, Map<String, CyclicBarrier> lookups) {
        Set<String> looked = ConcurrentHashMap.newKeySet();
        return (Scheduler) Proxy.newProxyInstance(Scheduler.class.getClassLoader(), new Class<?>[] {Scheduler.class},
                (proxy, method, args) -> {
                    boolean firstLookup = method.getName().equals("getTrigger") && args[0] instanceof TriggerKey key
                            && key.getGroup().equals(POLL_GROUP) && looked.add(key.getName());
                    Object answer;
                    try {
                        answer = method.invoke(scheduler, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (firstLookup) {
                        try {
                            lookups.computeIfAbsent(((TriggerKey) args[0]).getName(), k -> new CyclicBarrier(2)).await(10, TimeUnit.SECONDS);
                        } catch (TimeoutException | BrokenBarrierException alone) {
                            // the other node is not coming
                        }
                    }
                    if (firstLookup && answer == null) {
                        unfoundLookups.computeIfAbsent(((TriggerKey) args[0]).getName(), k -> new AtomicInteger()).incrementAndGet();
                    }
                    return answer;
                });
    }

    private Set<String> polledDrops() {
        Set<String> drops = new HashSet<>();
        polls.forEach(p -> drops.add(p.drop()));
        return drops;
    }
}
