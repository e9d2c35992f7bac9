package io.leasebridge.connectors.leaseworks;

import java.util.regex.Pattern;

/** A column name as a spreadsheet or a copy from a web page writes it, read the way an operator sees it. */
final class HeaderName {

    // String.strip() knows no no-break space (U+00A0, U+2007, U+202F), which Excel and copy-paste leave in names
    private static final Pattern SPACE_SEPARATOR = Pattern.compile("\\p{Zs}");

    private HeaderName() {
    }

    /** The name with every kind of space read as a plain space, and without the blanks around it. */
    static String cleaned(String name) {
        return SPACE_SEPARATOR.matcher(name).replaceAll(" ").strip();
    }
}
