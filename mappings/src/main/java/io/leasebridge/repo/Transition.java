package io.leasebridge.repo;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The workflow's answer to one status change of a repossession case: {@link Allowed} with what LeaseBridge
 * must do because of it, {@link Unchanged} when the status did not move (a re-read of the same Case, which
 * must do nothing again), or {@link Refused} with the reason to write back to {@code Integration_Error__c}.
 */
public sealed interface Transition permits Transition.Allowed, Transition.Unchanged, Transition.Refused {

    /** The status before, or {@code null} for a case LeaseBridge sees for the first time. */
    RepoStatus from();

    RepoStatus to();

    default boolean isRefused() {
        return this instanceof Refused;
    }

    /**
     * A legal step and its side effects as data; carrying them out (idempotently) is the caller's job.
     *
     * @param from        the status before, {@code null} when a new case starts in {@code to}
     * @param disposition the vehicle's new {@code Disposition__c}, if entering {@code to} sets one
     * @param actions     what else entering {@code to} calls for
     */
    record Allowed(RepoStatus from, RepoStatus to, Optional<VehicleDisposition> disposition, Set<RepoAction> actions)
            implements Transition {

        public Allowed {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(disposition, "disposition");
            actions = Set.copyOf(actions);
        }
    }

    /** The Case was read again without a status change: not a transition, nothing to do. */
    record Unchanged(RepoStatus status) implements Transition {

        public Unchanged {
            Objects.requireNonNull(status, "status");
        }

        @Override
        public RepoStatus from() {
            return status;
        }

        @Override
        public RepoStatus to() {
            return status;
        }
    }

    /**
     * A change LeaseBridge does not apply downstream.
     *
     * @param from   the status before, {@code null} for a new case
     * @param to     the status asked for, {@code null} when the Case has none
     * @param reason names both states and what would have been allowed, for the rep who made the change
     */
    record Refused(RepoStatus from, RepoStatus to, String reason) implements Transition {

        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
