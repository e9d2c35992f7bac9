package io.leasebridge.cluster;

import io.leasebridge.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two schedulers configured as LeaseBridge configures its own (the shipped Quartz properties, the same job store), on
 * one PostgreSQL hub with an empty job store, storing the same jobs at the same instant, as two nodes starting together
 * do: each job is stored once and the loser of each race is told it exists (camel-quartz then reuses it), never a
 * duplicate key.
 */
class SimultaneousSchedulingPostgresIT {

    private static final int JOBS = 40;
    private static TestDatabase database;

    @BeforeAll
    static void connect() {
        database = TestDatabase.postgres();
    }

    @AfterAll
    static void disconnect() {
        database.close();
    }

    @Test
    void twoNodesStoringTheSameJobsAtOnceStoreEachJobOnceAndNeitherFails() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(database.freshSchema());
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try (NodeSchedulers schedulers = new NodeSchedulers()) {
            Scheduler first = schedulers.next();
            Scheduler second = schedulers.next();
            CyclicBarrier together = new CyclicBarrier(2);
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> foundStored = new ConcurrentLinkedQueue<>();
            List<Future<?>> runs = new ArrayList<>();
            for (Scheduler node : List.of(first, second)) {
                runs.add(nodes.submit(() -> {
                    for (int i = 0; i < JOBS; i++) {
                        JobDetail job = JobBuilder.newJob(Idle.class).withIdentity("flow-" + i, "leasebridge").build();
                        Trigger trigger = TriggerBuilder.newTrigger().withIdentity("flow-" + i, "leasebridge")
                                .withSchedule(CronScheduleBuilder.cronSchedule("0 0 6 * * ?")).build();
                        try {
                            together.await(30, TimeUnit.SECONDS);
                            node.scheduleJob(job, trigger);
                        } catch (ObjectAlreadyExistsException e) {
                            foundStored.add(job.getKey().getName());
                        } catch (Exception e) {
                            failures.add(job.getKey() + ": " + e);
                        }
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get(2, TimeUnit.MINUTES);
            }

            assertThat(failures).as("jobs a node failed to store").isEmpty();
            assertThat(foundStored).as("one node of each race finds the job stored").hasSize(JOBS);
            assertThat(jdbc.queryForObject("select count(*) from qrtz_job_details", Long.class)).isEqualTo(JOBS);
            assertThat(jdbc.queryForObject("select count(*) from qrtz_triggers", Long.class)).isEqualTo(JOBS);
        } finally {
            nodes.shutdownNow();
        }
    }

    public static class Idle implements Job {
        @Override
        public void execute(JobExecutionContext context) {
        }
    }
}
