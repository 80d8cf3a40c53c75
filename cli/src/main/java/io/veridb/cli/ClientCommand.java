package io.veridb.cli;

import io.veridb.cli.client.CurrentStateCommand;
import io.veridb.cli.client.DeleteCommand;
import io.veridb.cli.client.GetCommand;
import io.veridb.cli.client.HistoryCommand;
import io.veridb.cli.client.LoginCommand;
import io.veridb.cli.client.RefCommand;
import io.veridb.cli.client.SafeGetCommand;
import io.veridb.cli.client.SafeSetCommand;
import io.veridb.cli.client.ScanCommand;
import io.veridb.cli.client.SetCommand;
import io.veridb.cli.client.StatusCommand;
import io.veridb.cli.client.TxCommand;
import io.veridb.cli.client.UseCommand;
import io.veridb.cli.client.VerifyTxCommand;
import io.veridb.cli.client.ZAddCommand;
import io.veridb.cli.client.ZScanCommand;
import io.veridb.cli.support.ConnectionHolder;
import io.veridb.cli.support.ConnectionOptions;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.OutputOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code veridb client}: an immuclient-like command line over the SDK. Each invocation opens one session; the
 * {@code safe*} and {@code verify-tx} commands verify against the trusted state kept in {@code --state-dir}.
 */
@Command(name = "client", mixinStandardHelpOptions = true,
        description = "Read and write a VeriDB (or immudb) server; safe* commands verify the server's proofs.",
        footer = {"",
            "Settings come from flags, then VERIDB_* environment variables, then the",
            "config file (--config, VERIDB_CONFIG or ~/.veridb/client.toml).",
            "Exit codes: 0 ok, 1 operation failed, 2 usage error, 3 verification failed."},
        subcommands = {
            LoginCommand.class,
            UseCommand.class,
            SetCommand.class,
            GetCommand.class,
            SafeSetCommand.class,
            SafeGetCommand.class,
            DeleteCommand.class,
            HistoryCommand.class,
            ScanCommand.class,
            ZAddCommand.class,
            ZScanCommand.class,
            RefCommand.class,
            TxCommand.class,
            VerifyTxCommand.class,
            StatusCommand.class,
            CurrentStateCommand.class
        })
final class ClientCommand implements Callable<Integer>, ConnectionHolder {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public ConnectionOptions connectionOptions() {
        return connection;
    }

    @Override
    public OutputOptions outputOptions() {
        return output;
    }

    @Override
    public boolean followsSelectedDatabase() {
        return true;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
