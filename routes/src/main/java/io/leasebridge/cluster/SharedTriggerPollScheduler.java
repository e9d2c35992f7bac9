package io.leasebridge.cluster;

import org.apache.camel.pollconsumer.quartz.QuartzScheduledPollConsumerScheduler;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * camel-quartz's cron scheduler for a polling consumer (a LeaseWorks drop), on a trigger that every node shares.
 * camel-quartz 4.17 looks the fixed trigger up and, finding none, stores it without expecting anyone else to store it
 * in between: two nodes starting together on an empty job store both find none, the second is refused with
 * {@link ObjectAlreadyExistsException}, and its route, and so the node, fails to start. The same refusal meets a node
 * restarted after a kill on the embedded hub, where camel-quartz tolerates an existing trigger only in a cluster.
 * Either way the trigger the store holds is this flow's, on the same key: the consumer takes it as found.
 */
public class SharedTriggerPollScheduler extends QuartzScheduledPollConsumerScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(SharedTriggerPollScheduler.class);

    @Override
    protected void doStart() throws Exception {
        try {
            super.doStart();
        } catch (ObjectAlreadyExistsException stored) {
            TriggerKey key = new TriggerKey(getTriggerId(), getTriggerGroup());
            Trigger found = getQuartzScheduler().getTrigger(key);
            if (getTriggerId() == null || found == null) {
                throw stored;
            }
            LOG.info("Polling trigger {} was stored by another node or an earlier start: using it. Next fire date is {}",
                    key, found.getNextFireTime());
        }
    }
}
