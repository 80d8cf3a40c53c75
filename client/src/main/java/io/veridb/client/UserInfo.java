package io.veridb.client;

import java.util.Map;
import java.util.Objects;

/**
 * One user as {@code ListUsers} reports it.
 *
 * @param name user name
 * @param permissions permission per database name
 * @param createdBy user that created this one
 * @param createdAt creation time as the server formats it
 * @param active the user may log in
 */
public record UserInfo(
        String name, Map<String, Permission> permissions, String createdBy, String createdAt, boolean active) {

    public UserInfo {
        Objects.requireNonNull(name, "name");
        permissions = Map.copyOf(permissions);
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
