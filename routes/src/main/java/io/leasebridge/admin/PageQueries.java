package io.leasebridge.admin;

import io.leasebridge.hub.FlowRun;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/**
 * What the admin page ({@code io.leasebridge.page}) reads and does, through the same services as the admin API, so
 * that the page and the API never disagree; dead-letter reasons come masked from {@link DeadLetterQueue}. The
 * services stay package-private: this is the page's one way in.
 */
@Service
public class PageQueries {

    /** Rows a page of the admin page lists. */
    public static final int PAGE_SIZE = 50;

    private final Flows flows;
    private final RunSearch runs;
    private final DeadLetterQueue deadLetters;
    private final AccountViews accounts;
    private final ClusterMembers cluster;

    PageQueries(Flows flows, RunSearch runs, DeadLetterQueue deadLetters, AccountViews accounts, ClusterMembers cluster) {
        this.flows = flows;
        this.runs = runs;
        this.deadLetters = deadLetters;
        this.accounts = accounts;
        this.cluster = cluster;
    }

    public ClusterView cluster() {
        return cluster.view();
    }

    public List<FlowView> flows() {
        return flows.all();
    }

    public Paged<FlowRun> runs(int page) {
        return runs.find(null, null, paging(page));
    }

    public Paged<DeadLetterEntry> deadLetters(int page) {
        return deadLetters.find(null, null, paging(page));
    }

    /** Empty when the hub holds no such lease. */
    public Optional<AccountView> account(String leaseId) {
        try {
            return Optional.of(accounts.of(leaseId));
        } catch (ApiProblem unknown) {
            return Optional.empty();
        }
    }

    /** Replays one OPEN dead letter; one that is not open (a second click) is refused with the reason, not replayed. */
    public PageReplay replay(long id) {
        try {
            ReplayResult result = deadLetters.replay(id);
            return new PageReplay(id, result.replayed(), result.detail(), result.status());
        } catch (ApiProblem refused) {
            return new PageReplay(id, false, refused.getMessage(), null);
        }
    }

    private static Paging paging(int page) {
        return Paging.of(Math.max(0, page), PAGE_SIZE);
    }

    /**
     * What a replay from the page did.
     *
     * @param status the dead letter's status afterwards; null when the replay was refused
     */
    public record PageReplay(long deadLetterId, boolean replayed, String detail, String status) {
    }
}
