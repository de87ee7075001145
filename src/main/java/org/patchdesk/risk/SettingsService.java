package org.patchdesk.risk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.audit.AuditLog;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.risk.ssvc.SsvcTables;
import org.patchdesk.users.AccountWriteCheck;

/**
 * Reads and changes the scoring settings. Due days and weights change every finding's due date
 * or priority, so saving one of them rescores all findings in the same transaction. The stale-feed
 * thresholds only change how feeds are reported, so saving them alone rescores nothing.
 */
public final class SettingsService {

    public static final String RECORD_TYPE = "setting";

    private final Jdbi jdbi;
    private final AuditLog auditLog;
    private final SsvcTables tables;
    private final Clock clock;

    public SettingsService(Jdbi jdbi, AuditLog auditLog, SsvcTables tables, Clock clock) {
        this.jdbi = jdbi;
        this.auditLog = auditLog;
        this.tables = tables;
        this.clock = clock;
    }

    public ScoringSettings current() {
        return ScoringSettings.from(jdbi.withExtension(SettingDao.class, SettingDao::all));
    }

    /**
     * Returns why the actor may not change the scoring settings, or empty when they may: once
     * accounts exist, any active user who is not only an auditor may.
     */
    public Optional<String> changeRejection(Actor actor) {
        return jdbi.withHandle(handle -> AccountWriteCheck.rejection(handle, actor))
                .map(reason -> "Any user but an auditor can change the scoring settings. " + reason);
    }

    /**
     * Stores changed settings by key and, when a due-days or weight setting is among them,
     * rescores every finding.
     *
     * @throws IllegalArgumentException naming the first key whose value is invalid; nothing is stored then
     */
    public ScoringSettings save(Map<String, String> changes, Actor actor, ProgressMonitor monitor) {
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String problem = ScoringSettings.validate(change.getKey(), change.getValue());
            if (problem != null) {
                throw new IllegalArgumentException("Setting " + change.getKey() + " " + problem);
            }
        }
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return jdbi.inTransaction(handle -> {
            SettingDao dao = handle.attach(SettingDao.class);
            Map<String, String> before = ScoringSettings.from(dao.all()).asMap();
            Map<String, String> oldValues = new LinkedHashMap<>();
            Map<String, String> newValues = new LinkedHashMap<>();
            for (Map.Entry<String, String> change : changes.entrySet()) {
                String value = change.getValue().strip();
                dao.put(change.getKey(), value, at, actor.name());
                oldValues.put(change.getKey(), before.get(change.getKey()));
                newValues.put(change.getKey(), value);
            }
            ScoringSettings saved = ScoringSettings.from(dao.all());
            auditLog.append(handle, new AuditEntry(null, now, actor.name(), AuditAction.UPDATE, RECORD_TYPE, null, "scoring settings",
                    null, oldValues, newValues, "Changed " + changes.size() + (changes.size() == 1 ? " scoring setting" : " scoring settings")));
            if (changes.keySet().stream().anyMatch(SettingsService::affectsScores)) {
                new Rescorer(tables).rescore(handle, Rescorer.Target.ALL, saved, LocalDate.now(clock), at, monitor);
            }
            return saved;
        });
    }

    private static boolean affectsScores(String key) {
        return key.startsWith(ScoringSettings.DUE_PREFIX) || key.startsWith(ScoringSettings.WEIGHT_PREFIX);
    }
}
