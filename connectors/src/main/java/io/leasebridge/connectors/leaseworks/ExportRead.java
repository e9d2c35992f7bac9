package io.leasebridge.connectors.leaseworks;

/**
 * What reading one export file found.
 *
 * @param rows          the rows handed on (blank rows are not counted)
 * @param cutAtLine     the line of a last row the file ends inside of (a quoted value never closed, a character
 *                      cut in two), or 0
 * @param empty         the file holds no bytes at all, not even a header
 */
public record ExportRead(long rows, long cutAtLine, boolean empty) {

    public boolean endsInsideQuotedValue() {
        return cutAtLine > 0;
    }
}
