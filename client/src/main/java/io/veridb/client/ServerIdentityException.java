package io.veridb.client;

/**
 * The server at an address presented a different UUID than the one pinned for that address. The client refuses
 * to talk to it until the pin is removed ({@link StateStore#unpin(String)}), because trusted states are kept per
 * server UUID and a replaced server could otherwise start a fresh, unverifiable history.
 */
public final class ServerIdentityException extends VeriClientException {

    private static final long serialVersionUID = 1L;

    private final String address;
    private final String pinned;
    private final String presented;

    public ServerIdentityException(String address, String pinned, String presented) {
        super("server identity changed at " + address + ": pinned uuid=" + pinned + " presented uuid=" + presented
                + " (remove the pin to accept the new server)");
        this.address = address;
        this.pinned = pinned;
        this.presented = presented;
    }

    /** The server address the identity is pinned for. */
    public String address() {
        return address;
    }

    /** The UUID pinned for the address. */
    public String pinned() {
        return pinned;
    }

    /** The UUID the server presented. */
    public String presented() {
        return presented;
    }
}
