package io.veridb.server.immu;

import static io.veridb.server.Protos.bytes;
import static io.veridb.server.Protos.set;
import static io.veridb.server.Statuses.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Empty;
import io.grpc.Status.Code;
import io.veridb.protocol.immudb.ChangePasswordRequest;
import io.veridb.protocol.immudb.ChangePermissionRequest;
import io.veridb.protocol.immudb.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.veridb.protocol.immudb.PermissionAction;
import io.veridb.protocol.immudb.SetActiveUserRequest;
import io.veridb.protocol.immudb.User;
import io.veridb.server.Admin;
import io.veridb.server.TestServer;
import io.veridb.server.auth.Permission;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserManagementTest {
    @TempDir
    Path dir;

    private static ChangePasswordRequest changePassword(String user, String old, String next) {
        return ChangePasswordRequest.newBuilder().setUser(bytes(user)).setOldPassword(bytes(old))
                .setNewPassword(bytes(next)).build();
    }

    @Test
    void newPasswordsMustMeetThePolicy() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub admin = t.admin();
            assertFails(() -> Admin.createUser(admin, "alice", "short1!", Permission.READ, "defaultdb"),
                    Code.INVALID_ARGUMENT, "password must be between 8 and 32 characters long (got 7)");
            assertFails(() -> Admin.createUser(admin, "alice", "alllower1!", Permission.READ, "defaultdb"),
                    Code.INVALID_ARGUMENT, "password must contain at least one upper-case letter");
            assertFails(() -> Admin.createUser(admin, "alice", "NoDigits!!", Permission.READ, "defaultdb"),
                    Code.INVALID_ARGUMENT, "password must contain at least one digit");
            assertFails(() -> Admin.createUser(admin, "alice", "NoSymbol12", Permission.READ, "defaultdb"),
                    Code.INVALID_ARGUMENT,
                    "password must contain at least one symbol or punctuation character (e.g. !@#$%&*)");
            Admin.createUser(admin, "alice", "Alice-123", Permission.READ, "defaultdb");
            assertFails(() -> admin.changePassword(changePassword("alice", "", "weak")), Code.INVALID_ARGUMENT,
                    "password must be between 8 and 32 characters long (got 4)");
            assertFails(() -> admin.changePassword(changePassword("immudb", "immudb", "immudb")),
                    Code.INVALID_ARGUMENT, "password must be between 8 and 32 characters long (got 6)");
            admin.changePassword(changePassword("alice", "", "Alice-456"));
            t.session("alice", "Alice-456", "defaultdb");
        }
    }

    @Test
    void createUserFollowsImmudbsRules() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub admin = t.admin();
            assertFails(() -> Admin.createUser(admin, "x", "Passw0rd!", Permission.SYSADMIN, "defaultdb"),
                    Code.UNKNOWN, "can not create another system admin");
            assertFails(() -> Admin.createUser(admin, "x", "Passw0rd!", 7, "defaultdb"), Code.UNKNOWN,
                    "unrecognized permission");
            assertFails(() -> Admin.createUser(admin, "x", "Passw0rd!", Permission.READ, "nosuch"), Code.UNKNOWN,
                    "database nosuch does not exist");
            assertFails(() -> Admin.createUser(admin, "bad-name", "Passw0rd!", Permission.READ, "defaultdb"),
                    Code.INVALID_ARGUMENT, "username can only contain letters, digits and underscores, at most 63"
                            + " characters");
            Admin.createUser(admin, "x", "Passw0rd!", Permission.READ, "defaultdb");
            assertFails(() -> Admin.createUser(admin, "x", "Passw0rd!", Permission.READ, "defaultdb"),
                    Code.UNKNOWN, "user already exists");
            ImmuServiceBlockingStub reader = t.session("x", "Passw0rd!", "defaultdb");
            assertFails(() -> Admin.createUser(reader, "y", "Passw0rd!", Permission.READ, "defaultdb"),
                    Code.UNKNOWN, "you do not have permission on this database");
        }
    }

    @Test
    void changingTheAdminPasswordNeedsTheOldOneAndEndsItsSessions() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub admin = t.admin();
            ImmuServiceBlockingStub other = t.admin();
            assertFails(() -> admin.changePassword(changePassword("immudb", "nope", "Secret12!")),
                    Code.PERMISSION_DENIED, "old password is incorrect");
            admin.changePassword(changePassword("immudb", "immudb", "Secret12!"));
            assertFails(() -> other.currentState(Empty.getDefaultInstance()), Code.PERMISSION_DENIED,
                    "session not found");
            t.session("immudb", "Secret12!", "defaultdb").set(set("k", "v"));
        }
    }

    @Test
    void deactivatedUsersCannotLogIn() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub admin = t.admin();
            Admin.createUser(admin, "bob", "Bob-pass1", Permission.READ_WRITE, "defaultdb");
            ImmuServiceBlockingStub bob = t.session("bob", "Bob-pass1", "defaultdb");
            admin.setActiveUser(SetActiveUserRequest.newBuilder().setUsername("bob").setActive(false).build());
            assertFails(() -> bob.currentState(Empty.getDefaultInstance()), Code.PERMISSION_DENIED,
                    "session not found");
            assertFails(() -> t.session("bob", "Bob-pass1", "defaultdb"), Code.UNKNOWN, "user is not active");
            assertFails(() -> admin.setActiveUser(SetActiveUserRequest.newBuilder().setUsername("immudb").build()),
                    Code.UNKNOWN, "changing your own status is not allowed");
            admin.setActiveUser(SetActiveUserRequest.newBuilder().setUsername("bob").setActive(true).build());
            t.session("bob", "Bob-pass1", "defaultdb");
        }
    }

    @Test
    void permissionsAreGrantedAndRevoked() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub admin = t.admin();
            Admin.createDatabase(admin, "db1");
            Admin.createUser(admin, "bob", "Bob-pass1", Permission.READ, "defaultdb");
            Admin.grant(admin, "bob", "db1", Permission.READ_WRITE);
            t.session("bob", "Bob-pass1", "db1").set(set("k", "v"));
            admin.changePermission(ChangePermissionRequest.newBuilder().setAction(PermissionAction.REVOKE)
                    .setUsername("bob").setDatabase("db1").setPermission(Permission.READ_WRITE).build());
            assertFails(() -> t.session("bob", "Bob-pass1", "db1"), Code.PERMISSION_DENIED,
                    "Logged in user does not have permission on this database");
            assertFails(() -> Admin.grant(admin, "immudb", "db1", Permission.READ), Code.INVALID_ARGUMENT,
                    "changing your own permissions is not allowed");
            assertFails(() -> Admin.grant(admin, "bob", "systemdb", Permission.READ_WRITE), Code.INTERNAL,
                    "permission denied");
            assertFails(() -> Admin.grant(admin, "ghost", "db1", Permission.READ), Code.NOT_FOUND,
                    "user ghost not found");
            assertFails(() -> Admin.grant(admin, "bob", "nosuch", Permission.READ), Code.INVALID_ARGUMENT,
                    "database does not exist");
        }
    }

    @Test
    void listUsersShowsWhatTheCallerMaySee() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub admin = t.admin();
            Admin.createDatabase(admin, "db1");
            Admin.createUser(admin, "bob", "Bob-pass1", Permission.READ, "defaultdb");
            Admin.createUser(admin, "carol", "Carol-pass1", Permission.ADMIN, "db1");
            Admin.createUser(admin, "dave", "Dave-pass1", Permission.READ, "db1");
            List<User> all = admin.listUsers(Empty.getDefaultInstance()).getUsersList();
            assertThat(all).extracting(u -> u.getUser().toStringUtf8()).containsExactly("bob", "carol", "dave",
                    "immudb");
            User root = all.get(3);
            assertThat(root.getPermissionsList()).singleElement()
                    .satisfies(p -> assertThat(p.getPermission()).isEqualTo(255));
            assertThat(root.getCreatedat()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)? \\+0000 UTC");
            assertThat(all.get(0).getCreatedby()).isEqualTo("immudb");
            assertThat(all.get(0).getActive()).isTrue();

            List<User> byDbAdmin = t.session("carol", "Carol-pass1", "db1").listUsers(Empty.getDefaultInstance())
                    .getUsersList();
            assertThat(byDbAdmin).extracting(u -> u.getUser().toStringUtf8()).containsExactly("carol", "dave");
            List<User> self = t.session("bob", "Bob-pass1", "defaultdb").listUsers(Empty.getDefaultInstance())
                    .getUsersList();
            assertThat(self).extracting(u -> u.getUser().toStringUtf8()).containsExactly("bob");
        }
    }
}
