package org.patchdesk.users;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Stores user accounts with their roles and password hashes, and electronic signatures. */
@RegisterConstructorMapper(UserDao.AccountRow.class)
@RegisterConstructorMapper(UserDao.RoleRow.class)
@RegisterConstructorMapper(UserDao.SignatureRow.class)
interface UserDao {

    String ACCOUNT_COLUMNS = "id, user_name, full_name, department, active, password_algorithm, password_iterations, password_salt,"
            + " password_hash, password_changed_at, created_at";

    record AccountRow(long id, String userName, String fullName, String department, boolean active, String passwordAlgorithm,
                      int passwordIterations, String passwordSalt, String passwordHash, OffsetDateTime passwordChangedAt,
                      OffsetDateTime createdAt) {

        PasswordHasher.PasswordHash password() {
            return new PasswordHasher.PasswordHash(passwordAlgorithm, passwordIterations, passwordSalt, passwordHash);
        }
    }

    record RoleRow(long userId, String role) {
    }

    record SignatureRow(long id, String recordType, long recordId, String userName, String printedName, String signerRoles,
                        OffsetDateTime signedAt, String meaning, String comment) {
    }

    @SqlQuery("SELECT COUNT(*) FROM user_account")
    long count();

    @SqlQuery("SELECT " + ACCOUNT_COLUMNS + " FROM user_account WHERE user_name_key = :key")
    Optional<AccountRow> findByKey(@Bind("key") String key);

    @SqlQuery("SELECT " + ACCOUNT_COLUMNS + " FROM user_account ORDER BY user_name_key")
    List<AccountRow> all();

    @SqlQuery("SELECT user_id, role FROM user_role")
    List<RoleRow> allRoles();

    @SqlQuery("SELECT role FROM user_role WHERE user_id = :id")
    List<String> roles(@Bind("id") long id);

    @SqlQuery("SELECT COUNT(*) FROM user_account a JOIN user_role r ON r.user_id = a.id WHERE a.active AND r.role = 'administrator'")
    long activeAdministrators();

    @SqlUpdate("INSERT INTO user_account (user_name, user_name_key, full_name, department, active, password_algorithm,"
            + " password_iterations, password_salt, password_hash, password_changed_at, created_at, created_by, updated_at, updated_by)"
            + " VALUES (:name, :key, :fullName, :department, TRUE, :algorithm, :iterations, :salt, :hash, :at, :at, :by, :at, :by)")
    @GetGeneratedKeys("id")
    long insert(@Bind("name") String name, @Bind("key") String key, @Bind("fullName") String fullName,
                @Bind("department") String department, @Bind("algorithm") String algorithm, @Bind("iterations") int iterations,
                @Bind("salt") String salt, @Bind("hash") String hash, @Bind("at") OffsetDateTime at, @Bind("by") String by);

    @SqlUpdate("INSERT INTO user_role (user_id, role) VALUES (:id, :role)")
    void addRole(@Bind("id") long id, @Bind("role") String role);

    @SqlUpdate("DELETE FROM user_role WHERE user_id = :id")
    void removeRoles(@Bind("id") long id);

    @SqlUpdate("UPDATE user_account SET password_algorithm = :algorithm, password_iterations = :iterations, password_salt = :salt,"
            + " password_hash = :hash, password_changed_at = :at, updated_at = :at, updated_by = :by WHERE id = :id")
    void setPassword(@Bind("id") long id, @Bind("algorithm") String algorithm, @Bind("iterations") int iterations,
                     @Bind("salt") String salt, @Bind("hash") String hash, @Bind("at") OffsetDateTime at, @Bind("by") String by);

    @SqlUpdate("UPDATE user_account SET active = :active, updated_at = :at, updated_by = :by WHERE id = :id")
    void setActive(@Bind("id") long id, @Bind("active") boolean active, @Bind("at") OffsetDateTime at, @Bind("by") String by);

    @SqlUpdate("UPDATE user_account SET updated_at = :at, updated_by = :by WHERE id = :id")
    void touch(@Bind("id") long id, @Bind("at") OffsetDateTime at, @Bind("by") String by);

    @SqlUpdate("INSERT INTO electronic_signature (record_type, record_id, user_id, user_name, printed_name, signer_roles, signed_at,"
            + " meaning, comment) VALUES (:recordType, :recordId, :userId, :userName, :printedName, :roles, :at, :meaning, :comment)")
    @GetGeneratedKeys("id")
    long insertSignature(@Bind("recordType") String recordType, @Bind("recordId") long recordId, @Bind("userId") long userId,
                         @Bind("userName") String userName, @Bind("printedName") String printedName, @Bind("roles") String roles,
                         @Bind("at") OffsetDateTime at, @Bind("meaning") String meaning, @Bind("comment") String comment);

    @SqlQuery("SELECT id, record_type, record_id, user_name, printed_name, signer_roles, signed_at, meaning, comment"
            + " FROM electronic_signature WHERE record_type = :recordType AND record_id = :recordId ORDER BY signed_at, id")
    List<SignatureRow> signaturesOf(@Bind("recordType") String recordType, @Bind("recordId") long recordId);
}
