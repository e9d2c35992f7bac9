package io.leasebridge.connectors.files;

/**
 * Hands a finished file to the route that takes it where it goes: a LeaseWorks import folder, an agency's SFTP
 * directory or mailbox. Returns once the file was taken whole under its name; throws when it was not.
 * {@link CamelFileSink} is the adapter.
 */
public interface FileSink {

    /**
     * @param channel the endpoint of the route that writes the file, a constant of the flow's own routes
     */
    void write(String channel, OutgoingFile file);

    /**
     * One file.
     *
     * @param destination where a channel that serves many destinations (one per agency) sends this file, else null
     * @param messageId   for a file that may go by mail: the message's Message-ID, stable so that a resend is the same
     *                    message; null for a file that goes to a folder only
     */
    record OutgoingFile(String name, String body, String destination, String messageId) {

        /** A file that goes where its channel writes, under its name. */
        public static OutgoingFile named(String name, String body) {
            return new OutgoingFile(name, body, null, null);
        }
    }
}
