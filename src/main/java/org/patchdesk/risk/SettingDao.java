package org.patchdesk.risk;

import java.time.OffsetDateTime;
import java.util.Map;

import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface SettingDao {

    @SqlQuery("SELECT setting_key, setting_value FROM setting")
    @KeyColumn("setting_key")
    @ValueColumn("setting_value")
    Map<String, String> all();

    @SqlUpdate("MERGE INTO setting (setting_key, setting_value, updated_at, updated_by) KEY (setting_key) VALUES (:key, :value, :at, :by)")
    void put(@Bind("key") String key, @Bind("value") String value, @Bind("at") OffsetDateTime at, @Bind("by") String by);

    @SqlUpdate("DELETE FROM setting WHERE setting_key = :key")
    int remove(@Bind("key") String key);
}
