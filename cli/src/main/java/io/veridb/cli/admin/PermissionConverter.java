package io.veridb.cli.admin;

import io.veridb.client.Permission;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a permission as immuadmin spells it: {@code read}, {@code readwrite} or {@code admin} (or a wire code). */
final class PermissionConverter implements ITypeConverter<Permission> {

    @Override
    public Permission convert(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "read", "r", "1" -> Permission.READ;
            case "readwrite", "rw", "read-write", "2" -> Permission.READ_WRITE;
            case "admin", "254" -> Permission.ADMIN;
            default -> throw new TypeConversionException(
                    "permission '" + value + "', want read, readwrite or admin");
        };
    }

    /** The immuadmin spelling of {@code p}. */
    static String name(Permission p) {
        return switch (p) {
            case NONE -> "none";
            case READ -> "read";
            case READ_WRITE -> "readwrite";
            case ADMIN -> "admin";
            case SYSADMIN -> "sysadmin";
        };
    }
}
