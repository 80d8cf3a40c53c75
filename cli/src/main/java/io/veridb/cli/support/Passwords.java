package io.veridb.cli.support;

import java.io.Console;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads passwords from the terminal without echo ({@link Console#readPassword}). Without a terminal a missing
 * password is a usage error naming where to put it. Passwords are never printed or logged.
 */
public final class Passwords {

    private Passwords() {}

    /** {@code s} with its login password, prompted for on the terminal if none was configured. */
    public static ClientSettings forLogin(ClientSettings s) {
        return s.withPassword(orPrompt(s.password(), "Password for " + s.username() + "@" + s.address() + ": ",
                "give --password, set VERIDB_PASSWORD, or put password in the config file"));
    }

    /** {@code given}, else one prompted for with {@code prompt}. */
    public static String orPrompt(Optional<String> given, String prompt, String whereToPutIt) {
        if (given.isPresent()) {
            return given.get();
        }
        Console console = System.console();
        if (console == null) {
            throw new UsageException("no password and no terminal to ask on: " + whereToPutIt);
        }
        char[] pw = console.readPassword("%s", prompt);
        if (pw == null) {
            throw new UsageException("no password entered");
        }
        try {
            return new String(pw);
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    /** {@code given}, else a new password prompted for twice (both entries must match). */
    public static String newOrPrompt(Optional<String> given, String who, String whereToPutIt) {
        if (given.isPresent()) {
            return given.get();
        }
        String first = orPrompt(Optional.empty(), "New password for " + who + ": ", whereToPutIt);
        String second = orPrompt(Optional.empty(), "Repeat the password: ", whereToPutIt);
        if (!first.equals(second)) {
            throw new UsageException("the two passwords differ");
        }
        return first;
    }
}
