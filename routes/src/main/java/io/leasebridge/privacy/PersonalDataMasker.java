package io.leasebridge.privacy;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Masks personal data and secrets in any text: a log line, an exception message, a dead-letter reason shown to a
 * viewer. Plain Java, immutable and thread-safe; {@link #standard()} is the instance to use when no field names are
 * configured.
 *
 * <p>What it masks, and how:
 * <ul>
 *   <li>secrets, wholly ({@value #MASK}): the value of any key that names one, in {@code key=value},
 *       {@code key: value}, JSON and header forms ({@code password}, {@code passwd}, {@code client_secret},
 *       {@code access_token}, {@code refresh_token}, {@code api-key}, {@code Authorization: Bearer ...}, and any
 *       key containing {@code password} or {@code secret} or ending in {@code token}); a bare {@code Bearer} token,
 *       a JWT, a Salesforce session id ({@code 00D...!...}) and the password in a URL's user info;</li>
 *   <li>identity, card and account numbers, keeping the last four characters an operator matches on: SSNs
 *       ({@code ***-**-6789}; nine bare digits only after a label), payment card numbers of 13 to 19 digits that
 *       pass the Luhn check and start like a card ({@code ************4242}), and, after a label or as the value of
 *       such a key, bank account and routing numbers ({@code account *****6789}) and driver's licence numbers;</li>
 *   <li>US phone numbers in their usual forms ({@code (***) ***-0100}) and e-mail addresses ({@code ****@example.com});</li>
 *   <li>the values of the personal fields given to the constructor (names, addresses), wholly, where they appear
 *       as {@code field=value} or as a JSON or quoted key.</li>
 * </ul>
 * Dates ({@code 2026-03-01}), ISO timestamps, amounts ({@code 1,234.56}), lease ids ({@code L-000123}) and VINs are
 * left alone. A text with nothing to mask comes back as the same instance. Patterns are compiled once, and each runs
 * only when a scan of the text's characters finds what it needs (digits, an {@code @}, {@code =} or {@code :}), so
 * that masking every log line costs a few microseconds.
 */
public final class PersonalDataMasker {

    /** What replaces a secret or a personal field's value. */
    public static final String MASK = "****";

    /**
     * Personal fields {@link #standard()} masks as {@code key=value} and in JSON: how LeaseBridge's canonical model,
     * the LeaseWorks exports and Salesforce name a person's name, address, birth date, phone and e-mail. Matched
     * ignoring case, blanks, dots, dashes and underscores ({@code "Customer Name"} is {@code customerName}).
     */
    public static final List<String> DEFAULT_PERSONAL_FIELDS = List.of(
            "name", "firstName", "lastName", "middleName", "fullName", "customerName", "contactName", "personName",
            "street", "streetAddress", "address", "addressLine1", "addressLine2", "addressLine3",
            "mailingStreet", "billingStreet", "shippingStreet", "personMailingStreet",
            "dateOfBirth", "birthDate", "birthdate", "dob",
            "email", "personEmail", "phone", "homePhone", "mobilePhone", "workPhone", "cellPhone", "primaryPhone",
            "personMobilePhone", "personHomePhone");

    private static final PersonalDataMasker STANDARD = new PersonalDataMasker(DEFAULT_PERSONAL_FIELDS);

    // ---------------------------------------------------------------- keys

    /** Keys that are a secret exactly ({@code key=} is FleetRock's API key; {@code idempotentKey=} is not). */
    private static final Set<String> SECRET_KEYS = Set.of("key", "auth", "pass", "pin", "cvv", "cvc", "sid", "otp");
    /** A key containing one of these names a secret ({@code passwordHash}, {@code clientSecret}). */
    private static final List<String> SECRET_KEY_PARTS = List.of("password", "passwd", "passphrase", "secret", "credential");
    /** A key ending in one of these names a secret ({@code access_token}, {@code x-api-key}); {@code tokenUrl} does not. */
    private static final List<String> SECRET_KEY_ENDINGS = List.of("token", "pwd", "apikey", "sessionid", "privatekey",
            "authorization", "signature", "cookie");
    /** Keys whose value is an identity or account number: masked but for its last four characters. */
    private static final Set<String> NUMBER_KEYS = Set.of(
            "ssn", "socialsecurity", "socialsecuritynumber", "socialsecurityno", "taxid", "tin", "itin", "ein",
            "dl", "dlnumber", "dlno", "driverlicense", "driverslicense", "driverlicence", "driverslicence",
            "driverlicensenumber", "driverslicensenumber", "driverlicencenumber", "driverslicencenumber",
            "licensenumber", "licencenumber",
            "bankaccount", "bankaccountnumber", "checkingaccount", "savingsaccount", "achaccount", "accountnumber",
            "routingnumber", "routing", "aba", "abanumber", "iban",
            "cardnumber", "creditcard", "creditcardnumber", "ccnumber", "pan");
    private static final Set<String> AUTH_SCHEMES = Set.of("bearer", "basic", "digest", "oauth", "token", "negotiate",
            "ntlm", "ssws");

    /** The longest key name looked at. */
    private static final int MAX_KEY = 64;

    // ---------------------------------------------------------------- free text

    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)\\s+[A-Za-z0-9\\-._~+/!]{12,}=*");
    private static final Pattern JWT = Pattern.compile("\\beyJ[\\w-]{4,}\\.[\\w-]{4,}\\.[\\w-]*");
    /** A Salesforce session id (the OAuth access token): org id, {@code !}, the session. */
    private static final Pattern SALESFORCE_SESSION = Pattern.compile("\\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9._\\-]{20,}");
    private static final Pattern URL_USER_INFO = Pattern.compile("(?<=://)([^\\s/?#@:]+):([^\\s/?#@]+)@");

    private static final String NUMBER_LABEL_END = "(?:[ _-]?(?:number|no\\.?|num|#))?";
    /** After a label: no further letter (so {@code DLQ} is no label), then blanks, a separator, a quote. */
    private static final String LABEL_SEPARATOR = "(?![A-Za-z])([ \\t]*[:=#]?[ \\t]*[\"']?)";
    private static final Pattern LABELLED_SSN = Pattern.compile("(?i)(?=s)\\b(ssn|ss#|social[ _-]?security" + NUMBER_LABEL_END + ")"
            + LABEL_SEPARATOR + "(\\d{3}([- ]?)\\d{2}\\4\\d{4})(?![\\w-])");
    private static final Pattern LABELLED_LICENCE = Pattern.compile("(?i)(?=[dl])\\b(driver'?s?[ _-]?licen[cs]e" + NUMBER_LABEL_END
            + "|d\\.?l\\.?" + NUMBER_LABEL_END + "|licen[cs]e" + NUMBER_LABEL_END + ")"
            + LABEL_SEPARATOR + "((?=[A-Za-z0-9-]*\\d)[A-Za-z0-9][A-Za-z0-9-]{3,24})(?![\\w-])");
    private static final Pattern LABELLED_ACCOUNT = Pattern.compile("(?i)(?=[bcsar])\\b((?:bank[ _-]?|checking[ _-]?|savings[ _-]?)?"
            + "(?:account|acct)" + NUMBER_LABEL_END + "|routing" + NUMBER_LABEL_END + "|aba" + NUMBER_LABEL_END + ")"
            + LABEL_SEPARATOR + "(\\d{5,17})(?![\\w-]|[.,]\\d)");
    /**
     * 13 to 19 digits as one run or in groups of four (Amex 4-6-5), starting as a card network's numbers do; glued to
     * letters too ("card4111..."), since a payload may lose the space a person typed.
     */
    private static final Pattern CARD = Pattern.compile("(?=[2-6])(?<![\\d-])(?:[2-6]\\d{12,18}|[2-6]\\d{3}([ -])\\d{4}\\1\\d{4}\\1\\d{1,7}"
            + "|3[47]\\d{2}([ -])\\d{6}\\2\\d{5})(?!\\d|-\\d|[.,]\\d)");
    /** 3-2-4 digits, by dashes or spaces as people write them. */
    private static final Pattern SSN = Pattern.compile("(?=\\d)(?<![\\w-])\\d{3}([- ])\\d{2}\\1\\d{4}(?![\\w-])");
    /** NANP numbers: area code and exchange start 2-9, so epoch seconds and most counts are not phones. */
    private static final Pattern PHONE = Pattern.compile("(?=[+(\\d])(?<![\\w+.\\-]|\\d[.,])(?:\\+1[ .-]?|1[ .-])?"
            + "(?:\\([2-9]\\d{2}\\)[ .-]?[2-9]\\d{2}[ .-]?\\d{4}|[2-9]\\d{2}([ .-])[2-9]\\d{2}\\1\\d{4}|[2-9]\\d{2}[2-9]\\d{6})"
            + "(?![\\w-]|[.,]\\d)");
    private static final Pattern EMAIL = Pattern.compile("(?<![\\w.%+\\-])[A-Za-z0-9._%+\\-]+@"
            + "((?:[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,})(?![\\w-])");

    private enum Kind { SECRET, NUMBER, PERSONAL }

    private final Set<String> personalFields;

    /**
     * A masker that also masks, wholly, the values of these personal fields where they appear as {@code field=value}
     * or as a JSON or quoted key. Secrets, identity and card numbers, phones and e-mails are always masked.
     */
    public PersonalDataMasker(Collection<String> personalFields) {
        this.personalFields = personalFields.stream().map(PersonalDataMasker::normalize).filter(k -> !k.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The masker for {@link #DEFAULT_PERSONAL_FIELDS}: what logs use unless other fields are configured. */
    public static PersonalDataMasker standard() {
        return STANDARD;
    }

    /** This masker and, in addition, these personal fields. */
    public PersonalDataMasker withPersonalFields(Collection<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        return new PersonalDataMasker(Stream.concat(personalFields.stream(), more.stream()).toList());
    }

    /** {@code text} with personal data and secrets masked; the same instance when there was nothing to mask. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        int digits = 0;
        boolean separator = false;
        boolean at = false;
        boolean bang = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '=' || c == ':') {
                separator = true;
            } else if (c == '@') {
                at = true;
            } else if (c == '!') {
                bang = true;
            }
        }
        String s = text;
        if (separator) {
            s = maskKeyValues(s);
            if (s.contains("://")) {
                s = replace(URL_USER_INFO, s, m -> m.group(1) + ":" + MASK + "@");
            }
        }
        if (containsIgnoreCase(s, "bearer")) {
            s = replace(BEARER, s, m -> m.group(1) + " " + MASK);
        }
        if (s.contains("eyJ")) {
            s = replace(JWT, s, m -> MASK);
        }
        if (bang && digits > 0) {
            s = replace(SALESFORCE_SESSION, s, m -> MASK);
        }
        if (digits >= 9 && (containsIgnoreCase(s, "ss") || containsIgnoreCase(s, "social"))) {
            s = replace(LABELLED_SSN, s, m -> m.group(1) + m.group(2) + keepLastFour(m.group(3)));
        }
        if (digits > 0 && (containsIgnoreCase(s, "dl") || containsIgnoreCase(s, "d.l") || containsIgnoreCase(s, "licen"))) {
            s = replace(LABELLED_LICENCE, s, m -> m.group(1) + m.group(2) + keepLastFour(m.group(3)));
        }
        if (digits >= 5 && (containsIgnoreCase(s, "acc") || containsIgnoreCase(s, "routing") || containsIgnoreCase(s, "aba"))) {
            s = replace(LABELLED_ACCOUNT, s, m -> m.group(1) + m.group(2) + keepLastFour(m.group(3)));
        }
        if (digits >= 9) {
            // the shortest of these, an SSN, has nine digits
            s = replace(CARD, s, PersonalDataMasker::maskCard);
            s = replace(SSN, s, m -> keepLastFour(m.group()));
            s = replace(PHONE, s, m -> keepLastFour(m.group()));
        }
        if (at) {
            s = replace(EMAIL, s, m -> MASK + "@" + m.group(1));
        }
        return s.equals(text) ? text : s;
    }

    /**
     * One field's value as this masker shows it: wholly masked when the field's name names a secret or a personal
     * field, all but its last four characters when it names an identity or account number, and otherwise with
     * whatever the value's own text holds masked, as {@link #mask} does. For values kept field by field, such as a
     * rejected row's: each is looked at alone, instead of one long text that joins them all.
     */
    public String maskValue(String field, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        Kind kind = field == null ? null : kindOf(normalize(field));
        if (kind == null) {
            return mask(value);
        }
        return kind == Kind.NUMBER ? keepLastFour(value) : MASK;
    }

    /** Whether a key or property name names a secret ({@code camel.component.salesforce.client-secret}). */
    static boolean isSecretName(String name) {
        return kindOfSecret(normalize(name));
    }

    // ---------------------------------------------------------------- key=value, JSON, headers

    private String maskKeyValues(String text) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '=' && c != ':') {
                continue;
            }
            String name = keyBefore(text, i);
            Kind kind = name == null ? null : kindOf(normalize(name));
            if (kind == null || kind == Kind.PERSONAL && c == ':' && !quoted(text, i)) {
                // no key, an unknown one, or "Name: ..." in prose: keys inside the value are looked at next
                continue;
            }
            int[] value = value(text, skipBlanks(text, i + 1), kind);
            if (value == null) {
                continue;
            }
            String original = text.substring(value[0], value[1]);
            String masked = switch (kind) {
                case NUMBER -> keepLastFour(original);
                case SECRET, PERSONAL -> MASK;
            };
            if (out == null) {
                out = new StringBuilder(text.length() + 16);
            }
            out.append(text, copied, value[0]).append(masked);
            copied = value[1];
            i = value[1] - 1;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /**
     * The key that the separator at {@code separator} follows: a bare one ({@code a.b-c_d}, starting with a letter)
     * or a quoted one ({@code "Driver License"}), at most {@value #MAX_KEY} characters, blanks allowed before the
     * separator; null when there is none.
     */
    private static String keyBefore(String text, int separator) {
        int end = separator;
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        char last = text.charAt(end - 1);
        if (last == '"' || last == '\'') {
            for (int k = end - 2; k >= 0 && end - 2 - k <= MAX_KEY; k--) {
                char c = text.charAt(k);
                if (c == '\r' || c == '\n') {
                    return null;
                }
                if (c == last) {
                    return k == end - 2 || k > 0 && isKeyChar(text.charAt(k - 1)) ? null : text.substring(k + 1, end - 1);
                }
            }
            return null;
        }
        int start = end;
        while (start > 0 && isKeyChar(text.charAt(start - 1))) {
            start--;
        }
        // --camel.component.salesforce.password=... on a command line
        while (start < end && !isAsciiLetter(text.charAt(start))) {
            start++;
        }
        if (start == end || end - start > MAX_KEY) {
            return null;
        }
        return text.substring(start, end);
    }

    private static boolean quoted(String text, int separator) {
        int end = separator;
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return end > 0 && (text.charAt(end - 1) == '"' || text.charAt(end - 1) == '\'');
    }

    private static boolean isKeyChar(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Start and end of the value that begins at {@code start}, or null when there is none worth masking. */
    private static int[] value(String text, int start, Kind kind) {
        if (start >= text.length()) {
            return null;
        }
        char first = text.charAt(start);
        if (first == '"' || first == '\'') {
            int close = closingQuote(text, start);
            return close <= start + 1 ? null : new int[] {start + 1, close};
        }
        if ((first == '{' || first == '[') && structured(text, start)) {
            return null;
        }
        int end = tokenEnd(text, start);
        if (end == start) {
            return null;
        }
        if (kind == Kind.SECRET && AUTH_SCHEMES.contains(text.substring(start, end).toLowerCase(Locale.ROOT))) {
            int next = skipBlanks(text, end);
            int tokenEnd = tokenEnd(text, next);
            return next == end || tokenEnd == next ? new int[] {start, end} : new int[] {next, trimUnbalanced(text, next, tokenEnd)};
        }
        if (kind == Kind.PERSONAL) {
            // a name or an address has blanks in it: take the following words up to the next key or delimiter
            int next = skipBlanks(text, end);
            while (next > end && next < text.length() && !startsKey(text, next)) {
                int tokenEnd = tokenEnd(text, next);
                if (tokenEnd == next) {
                    break;
                }
                end = tokenEnd;
                next = skipBlanks(text, end);
            }
        }
        return new int[] {start, trimUnbalanced(text, start, end)};
    }

    private static int closingQuote(String text, int open) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            } else if (c == '\n' || c == '\r') {
                return -1;
            }
        }
        return -1;
    }

    /** A JSON object or array, or a Java collection printed with its elements on later lines. */
    private static boolean structured(String text, int open) {
        int next = skipBlanks(text, open + 1);
        if (next >= text.length()) {
            return true;
        }
        char c = text.charAt(next);
        return c == '"' || c == '\'' || c == '{' || c == '[' || c == '\n' || c == '\r' || c == '}' || c == ']';
    }

    private static int tokenEnd(String text, int start) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == ',' || c == ';' || c == '&' || c == '"' || c == '\'' || c == '<' || c == '>') {
                break;
            }
            i++;
        }
        return i;
    }

    private static int skipBlanks(String text, int start) {
        int i = start;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** Whether a key and its separator start at {@code at}: then a name's words have ended. */
    private static boolean startsKey(String text, int at) {
        int i = at;
        char first = text.charAt(at);
        if (first == '"' || first == '\'') {
            i = text.indexOf(first, at + 1);
            if (i < 0 || i - at > MAX_KEY + 1) {
                return false;
            }
            i++;
        } else if (isAsciiLetter(first)) {
            while (i < text.length() && isKeyChar(text.charAt(i))) {
                i++;
            }
        } else {
            return false;
        }
        i = skipBlanks(text, i);
        return i < text.length() && (text.charAt(i) == '=' || text.charAt(i) == ':');
    }

    /** Leaves out closing brackets the value did not open: {@code name=Ann Lee]} ends before the {@code ]}. */
    private static int trimUnbalanced(String text, int start, int end) {
        int e = end;
        while (e > start) {
            char c = text.charAt(e - 1);
            char open = c == ')' ? '(' : c == ']' ? '[' : c == '}' ? '{' : 0;
            if (open == 0 || count(text, start, e, open) >= count(text, start, e, c)) {
                break;
            }
            e--;
        }
        return e;
    }

    private static int count(String text, int start, int end, char c) {
        int n = 0;
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private Kind kindOf(String key) {
        if (key.isEmpty()) {
            return null;
        }
        if (kindOfSecret(key)) {
            return Kind.SECRET;
        }
        if (NUMBER_KEYS.contains(key)) {
            return Kind.NUMBER;
        }
        return personalFields.contains(key) ? Kind.PERSONAL : null;
    }

    private static boolean kindOfSecret(String key) {
        if (SECRET_KEYS.contains(key)) {
            return true;
        }
        for (String part : SECRET_KEY_PARTS) {
            if (key.contains(part)) {
                return true;
            }
        }
        for (String ending : SECRET_KEY_ENDINGS) {
            if (key.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, letters and digits only: {@code Client-Secret}, {@code client_secret} and {@code clientSecret} are one key. */
    private static String normalize(String key) {
        StringBuilder k = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                k.append(Character.toLowerCase(c));
            }
        }
        return k.toString();
    }

    // ---------------------------------------------------------------- masking

    /** Every letter and digit but the last four becomes {@code *}; separators stay: {@code ***-**-6789}. */
    static String keepLastFour(String value) {
        int alphanumerics = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isLetterOrDigit(value.charAt(i))) {
                alphanumerics++;
            }
        }
        int toMask = alphanumerics > 4 ? alphanumerics - 4 : alphanumerics;
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (toMask > 0 && Character.isLetterOrDigit(c)) {
                out.append('*');
                toMask--;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String maskCard(MatchResult m) {
        String digits = m.group().replaceAll("[ -]", "");
        if (!luhn(digits)) {
            return m.group();
        }
        return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static String replace(Pattern pattern, String text, Function<MatchResult, String> replacement) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int copied = 0;
        do {
            out.append(text, copied, m.start()).append(replacement.apply(m));
            copied = m.end();
        } while (m.find());
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean containsIgnoreCase(String text, String lowerCaseWord) {
        int last = text.length() - lowerCaseWord.length();
        for (int i = 0; i <= last; i++) {
            if (text.regionMatches(true, i, lowerCaseWord, 0, lowerCaseWord.length())) {
                return true;
            }
        }
        return false;
    }
}
