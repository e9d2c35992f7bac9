package io.leasebridge.mapping;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the files of one export are recognised and read ({@code files.<export>} in the field map).
 *
 * @param include     the regular expression a file name must match to be taken (the whole name)
 * @param snapshot    whether each file shows the whole portfolio, so that a row's absence means something
 *                    (a promise no longer current); such inferences are skipped for a file that looks cut short
 * @param dateInName  where the day a file describes sits in its name: the first group of the expression
 * @param dateFormat  how that day is written
 * @param charset     the file's encoding; bytes that are not valid in it refuse the whole file
 * @param totals      the control totals counted as the file is read, and its control file if it has one
 * @param asOfColumn  the column whose value on the first row is the day the file describes (the export's run date);
 *                    null when the day comes from the name alone. The name's date stays the fallback
 */
public record ExportFileRules(Pattern include, boolean snapshot, Pattern dateInName, DateTimeFormatter dateFormat,
                              Charset charset, ControlTotalRules totals, String asOfColumn) {

    /** The column that dates the file, when the field map names one. */
    public Optional<String> dateColumn() {
        return Optional.ofNullable(asOfColumn);
    }

    /** The day the file's name gives, if it holds one in the configured format. */
    public Optional<LocalDate> dateIn(String fileName) {
        Matcher m = dateInName.matcher(fileName);
        while (m.find()) {
            try {
                return Optional.of(LocalDate.parse(m.group(m.groupCount() == 0 ? 0 : 1), dateFormat));
            } catch (DateTimeParseException notADate) {
                // digits that are not a date: look further
            }
        }
        return Optional.empty();
    }
}
