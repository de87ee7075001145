package org.patchdesk.settings.ui;

import java.util.ArrayList;
import java.util.List;

import org.patchdesk.governance.MetricsService;
import org.patchdesk.ui.DialogService;
import org.patchdesk.users.UserService;
import org.patchdesk.workspace.Services;

/** Builds the pages of the Settings dialog. */
public final class SettingsPages {

    public static final String SITE = SitePage.TITLE;
    public static final String SCORING = ScoringPage.SCORING;
    public static final String FEEDS = ScoringPage.FEEDS;
    public static final String APPROVALS = ApprovalsPage.TITLE;
    public static final String PATCH_WINDOWS = PatchWindowsPage.TITLE;
    public static final String SECURITY = "Security";
    public static final String METRICS = "Metrics";

    private SettingsPages() {
    }

    /**
     * Returns new pages of the settings of {@code services}, in list order, in a list the caller may
     * add pages to. The Security page sets the inactivity lock of {@code siteUsers}, the site
     * database's accounts, which also lock the window while the demo data is open.
     */
    public static List<SettingsPage> standard(Services services, UserService siteUsers, DialogService dialogs) {
        List<SettingsPage> pages = new ArrayList<>();
        pages.add(new SitePage(services.siteSettings(), dialogs));
        pages.add(ScoringPage.scoring(services.settings()));
        pages.add(ScoringPage.feeds(services.settings()));
        pages.add(new ApprovalsPage(services.acceptances()));
        pages.add(new PatchWindowsPage(services.windowRules()));
        pages.add(security(siteUsers));
        pages.add(metrics(services.metrics()));
        return pages;
    }

    private static SettingsPage security(UserService users) {
        return new WholeNumberPage(SECURITY, "Lock after", "lockMinutes",
                "The window locks after this many minutes without keyboard or mouse input, and the signed-in user types their"
                        + " password to go on. The setting belongs to the site database and applies to the demo data too.",
                "minutes without input, 0 (never) to " + UserService.MAX_LOCK_MINUTES + ", default " + UserService.DEFAULT_LOCK_MINUTES,
                users::lockAfterMinutes, UserService::checkLockMinutes, users::setLockAfterMinutes, users::lockRejection,
                minutes -> minutes == 0 ? "Security: the window no longer locks by itself"
                        : "Security: the window locks after " + minutes + " minutes without input");
    }

    private static SettingsPage metrics(MetricsService metrics) {
        return new WholeNumberPage(METRICS, "Patch window", "windowDays",
                "An install counts as on time when it is done within this many days of the vendor's validation of the patch.",
                "days, 1 to " + MetricsService.MAX_WINDOW_DAYS + ", default " + MetricsService.DEFAULT_WINDOW_DAYS,
                metrics::windowDays, MetricsService::checkWindowDays, metrics::setWindowDays, metrics::changeRejection,
                days -> "Metrics: the patch window is " + days + " days");
    }
}
