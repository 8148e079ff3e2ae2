package cis.store;

import java.util.Set;

/**
 * Knowledge-base versions ({@code 2026.12.1}): which are newer, and which may name an installed
 * KB's directory. Digit runs compare as numbers ({@code 2026.12.10} is newer than {@code 2026.12.9}),
 * anything else as ASCII text, and a version that is a prefix of another is the older.
 */
public final class KbVersions {
    /** Words that name a choice, not a version: {@code cis kb use bundled}, {@code cis kb use latest}. */
    public static final Set<String> RESERVED = Set.of("bundled", "latest", "active");

    private static final int MAX_LENGTH = 64;

    private KbVersions() {}

    /**
     * Whether {@code version} can name a directory and a bundle: letters, digits, '.', '_', '-' and
     * '+', starting with a letter or digit, at most 64 characters, and not a reserved word.
     */
    public static boolean valid(String version) {
        if (version.isEmpty() || version.length() > MAX_LENGTH || RESERVED.contains(version)) {
            return false;
        }
        for (int i = 0; i < version.length(); i++) {
            char c = version.charAt(i);
            boolean alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-' && c != '+'))) {
                return false;
            }
        }
        return true;
    }

    /** Negative when {@code a} is older than {@code b}, 0 when they are the same version, positive when newer. */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            boolean da = digit(a.charAt(i));
            boolean db = digit(b.charAt(j));
            if (da && db) {
                int ei = run(a, i);
                int ej = run(b, j);
                int c = compareNumbers(a.substring(i, ei), b.substring(j, ej));
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (a.charAt(i) != b.charAt(j)) {
                    // a number sorts after a separator or letter at the same place: 1.10 after 1.a
                    return da ? 1 : db ? -1 : Character.compare(a.charAt(i), b.charAt(j));
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b); // 2026.01 and 2026.1 are still two versions
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int run(String s, int from) {
        int e = from;
        while (e < s.length() && digit(s.charAt(e))) {
            e++;
        }
        return e;
    }

    private static int leadingZeros(String digits) {
        int z = 0;
        while (z < digits.length() - 1 && digits.charAt(z) == '0') {
            z++;
        }
        return z;
    }

    private static int compareNumbers(String x, String y) {
        String a = x.substring(leadingZeros(x));
        String b = y.substring(leadingZeros(y));
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
