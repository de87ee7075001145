package org.patchdesk.risk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.patchdesk.intel.FeedImport;
import org.patchdesk.intel.FeedImportDao;
import org.patchdesk.intel.FeedKind;

/** Tells how current each feed is, and lists past imports. */
public final class FeedStatusService {

    private final Jdbi jdbi;
    private final SettingsService settings;
    private final Clock clock;

    public FeedStatusService(Jdbi jdbi, SettingsService settings, Clock clock) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.clock = clock;
    }

    public List<FeedStatus> statuses() {
        ScoringSettings current = settings.current();
        LocalDate today = LocalDate.now(clock);
        return jdbi.withHandle(handle -> {
            FeedImportDao dao = handle.attach(FeedImportDao.class);
            List<FeedStatus> statuses = new ArrayList<>();
            for (FeedKind kind : FeedKind.values()) {
                Optional<FeedImport> latest = kind == FeedKind.EPSS ? currentEpss(handle, dao) : dao.latest(kind.word());
                int count = handle.createQuery("SELECT COUNT(*) FROM feed_import WHERE feed = :feed").bind("feed", kind.word())
                        .mapTo(Integer.class).one();
                Integer staleAfter = switch (kind) {
                    case KEV -> current.kevStaleDays();
                    case EPSS -> current.epssStaleDays();
                    default -> null;
                };
                if (latest.isEmpty()) {
                    statuses.add(new FeedStatus(kind, null, count, null, null, staleAfter, false));
                    continue;
                }
                LocalDate dataDate = staleAfter == null ? null : dataDate(latest.get());
                Long age = dataDate == null ? null : ChronoUnit.DAYS.between(dataDate, today);
                // Data of unknown date cannot be shown to be current, so it counts as stale.
                boolean stale = staleAfter != null && (age == null || age > staleAfter);
                statuses.add(new FeedStatus(kind, latest.get(), count, dataDate, age, staleAfter, stale));
            }
            return statuses;
        });
    }

    public FeedStatus status(FeedKind kind) {
        return statuses().stream().filter(status -> status.feed() == kind).findFirst().orElseThrow();
    }

    public List<FeedImport> history(int limit) {
        return jdbi.withExtension(FeedImportDao.class, dao -> dao.listNewest(limit));
    }

    private static Optional<FeedImport> currentEpss(org.jdbi.v3.core.Handle handle, FeedImportDao dao) {
        Long id = org.patchdesk.intel.EpssStore.tables(handle).currentImportId();
        return id == null ? Optional.empty() : dao.findById(id);
    }

    /**
     * Returns the date the feed's data is of (KEV dateReleased or newest entry, EPSS score_date or
     * the date in the file name), or null when the file states none.
     */
    static LocalDate dataDate(FeedImport feedImport) {
        String date = feedImport.feedDate();
        if (date != null && date.length() >= 10) {
            try {
                return LocalDate.parse(date.substring(0, 10));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
