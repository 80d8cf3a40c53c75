package io.veridb.cli.support;

/** A command that carries the connection and output flags for its subcommands. */
public interface ConnectionHolder {

    /** The connection flags. */
    ConnectionOptions connectionOptions();

    /** The output flags. */
    OutputOptions outputOptions();

    /** Whether the database chosen with {@code veridb client use} applies to this command's subcommands. */
    default boolean followsSelectedDatabase() {
        return false;
    }
}
