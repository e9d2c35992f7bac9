package io.leasebridge.sandbox;

/**
 * Salesforce record ids as the real org hands them out: a three-character key prefix naming the
 * object, a two-character pod, a reserved digit, a nine-character base-62 counter, then the
 * three-character case-safe suffix that makes the 18-character form unique ignoring case.
 * Ids come from one counter per org, so they are deterministic for a given sequence of writes.
 */
final class SalesforceIds {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final String POD = "5g";

    private SalesforceIds() {
    }

    /** The 18-character id for the {@code sequence}-th record created with this key prefix. */
    static String id(String keyPrefix, long sequence) {
        if (keyPrefix.length() != 3) {
            throw new IllegalArgumentException("a key prefix has three characters: " + keyPrefix);
        }
        String id15 = keyPrefix + POD + "0" + base62(sequence, 9);
        return id15 + caseSafeSuffix(id15);
    }

    /** The 15-character, case-sensitive form Salesforce uses in some error messages. */
    static String shortForm(String id) {
        return id.length() == 18 ? id.substring(0, 15) : id;
    }

    static String caseSafeSuffix(String id15) {
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int flags = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    flags |= 1 << i;
                }
            }
            suffix.append(SUFFIX_CHARS.charAt(flags));
        }
        return suffix.toString();
    }

    private static String base62(long value, int width) {
        char[] digits = new char[width];
        long rest = value;
        for (int i = width - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (rest % 62));
            rest /= 62;
        }
        if (rest != 0) {
            throw new IllegalStateException("id counter overflow: " + value);
        }
        return new String(digits);
    }
}
