package org.patchdesk.settings.ui;

import java.util.ArrayList;
import java.util.List;

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
    public static final String SECURITY = SecurityPage.TITLE;
    public static final String METRICS = MetricsPage.TITLE;

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
        pages.add(new SecurityPage(siteUsers));
        pages.add(new MetricsPage(services.metrics()));
        return pages;
    }
}
