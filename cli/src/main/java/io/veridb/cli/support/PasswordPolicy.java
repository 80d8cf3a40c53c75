package io.veridb.cli.support;

/**
 * immudb's client-side password rule for new passwords (the server only requires non-empty): 8 to 32 characters
 * with at least one upper-case letter, one digit and one punctuation or symbol character, and nothing but
 * letters, digits, punctuation and symbols. Pure.
 */
public final class PasswordPolicy {

    static final int MIN = 8;
    static final int MAX = 32;

    private PasswordPolicy() {}

    /**
     * Checks {@code password}; the message names what is missing but never the password itself.
     *
     * @throws UsageException if the password breaks the rule
     */
    public static void check(String password) {
        int n = password.codePointCount(0, password.length());
        if (n < MIN || n > MAX) {
            throw new UsageException("password has " + n + " characters, want " + MIN + ".." + MAX);
        }
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (int cp : password.codePoints().toArray()) {
            if (Character.isUpperCase(cp)) {
                upper = true;
            } else if (Character.isDigit(cp)) {
                digit = true;
            } else if (isSymbol(cp)) {
                symbol = true;
            } else if (!Character.isLetter(cp)) {
                throw new UsageException("password contains a character that is not a letter, digit, "
                        + "punctuation or symbol (a space or control character)");
            }
        }
        if (!upper || !digit || !symbol) {
            throw new UsageException("password needs at least one upper-case letter, one digit and one "
                    + "punctuation or symbol character");
        }
    }

    private static boolean isSymbol(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
