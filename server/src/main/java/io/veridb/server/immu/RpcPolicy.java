package io.veridb.server.immu;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * immudb's method → permission map (protocol spec §5) by gRPC method name, and the methods allowed in maintenance
 * mode. Methods not listed need a logged-in caller.
 */
final class RpcPolicy {
    private static final Map<String, Access> ACCESS = new HashMap<>();

    private static final Set<String> MAINTENANCE = Set.of(
            "Get", "VerifiableGet", "streamGet", "streamVerifiableGet", "GetAll", "ZScan", "streamZScan",
            "VerifiableTxById", "Scan", "streamScan", "History", "streamHistory", "TxById", "TxScan", "Count",
            "CountAll", "DatabaseList", "DatabaseListV2", "CurrentState", "ListUsers", "FlushIndex", "CompactIndex",
            "DatabaseHealth", "GetDatabaseSettings", "GetDatabaseSettingsV2");

    static {
        put(Access.OPEN, "Login", "OpenSession", "Health", "ServerInfo");
        put(Access.SESSION, "KeepAlive", "CloseSession");
        put(Access.READ, "Get", "VerifiableGet", "Scan", "ZScan", "History", "TxById", "VerifiableTxById", "TxScan",
                "Count", "CountAll", "CurrentState", "DatabaseHealth", "GetDatabaseSettings",
                "GetDatabaseSettingsV2", "streamGet", "streamVerifiableGet", "streamScan", "streamZScan",
                "streamHistory");
        put(Access.WRITE, "Set", "VerifiableSet", "Delete", "GetAll", "ExecAll", "SetReference",
                "VerifiableSetReference", "ZAdd", "VerifiableZAdd", "streamSet", "streamVerifiableSet",
                "streamExecAll");
        put(Access.ADMIN, "FlushIndex", "CompactIndex");
        for (String name : Unsupported.METHODS) {
            ACCESS.put(name, Access.OPEN);
        }
    }

    private RpcPolicy() {}

    private static void put(Access access, String... methods) {
        for (String m : methods) {
            ACCESS.put(m, access);
        }
    }

    /** What {@code method} (bare gRPC method name) requires. */
    static Access access(String method) {
        return ACCESS.getOrDefault(method, Access.LOGGED_IN);
    }

    /** True if data RPC {@code method} may run in maintenance mode (reads and index maintenance). */
    static boolean allowedInMaintenance(String method) {
        return MAINTENANCE.contains(method);
    }

    /** True for the data RPCs, which run against the caller's selected database. */
    static boolean isDataAccess(Access access) {
        return access == Access.READ || access == Access.WRITE || access == Access.ADMIN;
    }
}
