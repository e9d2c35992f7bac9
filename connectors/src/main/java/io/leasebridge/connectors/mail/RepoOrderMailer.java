package io.leasebridge.connectors.mail;

/**
 * Mails a repo order, or its recall, to the agent. Returns once the mail server took the letter; throws when it did
 * not, and the letter stays queued. {@link CamelRepoOrderMailer} is the adapter.
 */
public interface RepoOrderMailer {

    void send(Letter letter);

    /**
     * One letter to an agent.
     *
     * @param messageId the letter's own Message-ID, stable for its case, so that a resend is the same message
     * @param inReplyTo the order's Message-ID when this recalls it (the agent's mail client shows the two together), else null
     */
    record Letter(String to, String from, String subject, String messageId, String inReplyTo, String body) {
    }
}
