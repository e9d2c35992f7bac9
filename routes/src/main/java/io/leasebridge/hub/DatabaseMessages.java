package io.leasebridge.hub;

import org.springframework.dao.DataAccessException;

import java.util.regex.Pattern;

/**
 * The database's reason for refusing a write, fit for a dead letter and a log line: its first line,
 * without the SQL statement, the parameters or the quoted values some drivers repeat.
 */
public final class DatabaseMessages {

    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\\([^()]*\\)=\\([^()]*\\)");
    private static final int MAX_LENGTH = 300;

    private DatabaseMessages() {
    }

    public static String summary(DataAccessException e) {
        Throwable cause = e.getMostSpecificCause();
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String first = message.lines().findFirst().orElse("").strip();
        for (String cut : new String[]{"; SQL statement", "SQL statement:", "Detail:", "Call getNextException"}) {
            int at = first.indexOf(cut);
            if (at >= 0) {
                first = first.substring(0, at).strip();
            }
        }
        first = QUOTED.matcher(first).replaceAll("'…'");
        return first.length() <= MAX_LENGTH ? first : first.substring(0, MAX_LENGTH) + "…";
    }
}
