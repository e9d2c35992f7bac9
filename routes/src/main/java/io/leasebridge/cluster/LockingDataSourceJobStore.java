package io.leasebridge.cluster;

import org.quartz.JobPersistenceException;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;

/**
 * Spring's job store on the hub's data source, with every job store operation in a transaction of its own, as in
 * Quartz's {@code JobStoreTX}. Spring's store expects a surrounding Spring transaction; camel-quartz schedules its
 * jobs outside one, so the {@code QRTZ_LOCKS} row lock was taken on an auto-committed connection and released at
 * once: two nodes starting together on an empty job store both inserted the same job, and one failed to start on a
 * duplicate key. Under a lock held to the commit, the second node finds the job stored and camel-quartz reuses it.
 */
public class LockingDataSourceJobStore extends LocalDataSourceJobStore {

    @Override
    protected Object executeInLock(String lockName, TransactionCallback txCallback) throws JobPersistenceException {
        return executeInNonManagedTXLock(lockName, txCallback, null);
    }
}
