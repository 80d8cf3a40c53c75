package io.veridb.server.auth;

/**
 * The password rules VeriDB enforces on the server for CreateUser and ChangePassword (immudb enforces them only in
 * its command-line tools): 8 to 32 characters, only letters, digits, punctuation and symbols, with at least one
 * upper-case letter, one digit and one punctuation or symbol character.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 32;

    private PasswordPolicy() {}

    /**
     * Returns null if {@code password} satisfies the policy, else a message naming the first rule it breaks.
     */
    public static String violation(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return "password must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters long (got "
                    + length + ")";
        }
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < password.length(); ) {
            int cp = password.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isUpperCase(cp)) {
                upper = true;
            } else if (Character.isDigit(cp)) {
                digit = true;
            } else if (isSymbol(cp)) {
                symbol = true;
            } else if (!Character.isLetter(cp)) {
                return "password may contain only letters, digits, punctuation and symbols (found U+"
                        + String.format("%04X", cp) + ")";
            }
        }
        if (!upper) {
            return "password must contain at least one upper-case letter";
        }
        if (!digit) {
            return "password must contain at least one digit";
        }
        if (!symbol) {
            return "password must contain at least one symbol or punctuation character (e.g. !@#$%&*)";
        }
        return null;
    }

    /** Throws {@link AuthException} ({@code WEAK_PASSWORD}) when {@link #violation} finds a broken rule. */
    public static void check(String password) {
        String problem = violation(password);
        if (problem != null) {
            throw new AuthException(AuthException.Reason.WEAK_PASSWORD, problem);
        }
    }

    private static boolean isSymbol(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
            case Character.MATH_SYMBOL:
            case Character.CURRENCY_SYMBOL:
            case Character.MODIFIER_SYMBOL:
            case Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }
}
