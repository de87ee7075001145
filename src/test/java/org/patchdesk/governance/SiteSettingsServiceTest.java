package org.patchdesk.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchdesk.acceptance.AcceptanceFixtures;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.common.Actor;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

class SiteSettingsServiceTest {

    @TempDir
    Path folder;

    private Services services;
    private SiteSettingsService settings;

    @BeforeEach
    void open() {
        services = TestSites.open(folder.resolve("data"));
        settings = services.siteSettings();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private Path image(String name, String format, int width) throws IOException {
        Path file = folder.resolve(name);
        ImageIO.write(new BufferedImage(width, 40, BufferedImage.TYPE_INT_RGB), format, file.toFile());
        return file;
    }

    @Test
    void defaultsBeforeAnyChange() {
        assertThat(settings.current()).isEqualTo(SiteSettings.DEFAULTS);
        assertThat(services.siteName()).isEqualTo("PatchDesk");
    }

    @Test
    void nameAndLogoStoredAndAudited() throws IOException {
        Path logo = image("logo.png", "png", 120);

        SiteSettings saved = settings.save("  St. Anne Medical Center ", logo, TestSites.TECHNICIAN);

        assertThat(saved.name()).isEqualTo("St. Anne Medical Center");
        assertThat(saved.logo()).isEqualTo(logo.toAbsolutePath());
        assertThat(services.siteName()).isEqualTo("St. Anne Medical Center");
        assertThat(services.reportSite().name()).isEqualTo("St. Anne Medical Center");
        AuditEntry entry = services.auditTrail().find(org.patchdesk.audit.AuditFilter.ALL, 1).get(0);
        assertThat(entry.recordLabel()).isEqualTo("site settings");
        assertThat(entry.newValues()).containsEntry(SiteSettingsService.NAME_KEY, "St. Anne Medical Center")
                .containsEntry(SiteSettingsService.LOGO_KEY, logo.toAbsolutePath().toString());
        assertThat(services.auditVerifier().verify(ProgressMonitor.NONE).problems()).isEmpty();
    }

    @Test
    void logoRemovedKeepsAuditClean() throws IOException {
        settings.save("St. Anne", image("logo.jpg", "jpg", 80), TestSites.TECHNICIAN);

        SiteSettings saved = settings.save("St. Anne", null, TestSites.TECHNICIAN);

        assertThat(saved.logo()).isNull();
        assertThat(services.auditVerifier().verify(ProgressMonitor.NONE).problems()).isEmpty();
    }

    @Test
    void invalidLogosRejected() throws IOException {
        Path text = Files.writeString(folder.resolve("logo.png"), "not an image");
        Path gif = image("logo.gif", "gif", 10);
        Path large = folder.resolve("large.png");
        Files.write(large, new byte[(int) SiteSettingsService.MAX_LOGO_BYTES + 1]);

        assertThatThrownBy(() -> settings.save("St. Anne", folder.resolve("missing.png"), TestSites.TECHNICIAN))
                .hasMessageEndingWith("missing.png does not exist");
        assertThatThrownBy(() -> settings.save("St. Anne", text, TestSites.TECHNICIAN))
                .hasMessageContaining("is not a PNG or JPEG image");
        assertThatThrownBy(() -> settings.save("St. Anne", gif, TestSites.TECHNICIAN))
                .hasMessageContaining("is not a PNG or JPEG image");
        assertThatThrownBy(() -> settings.save("St. Anne", large, TestSites.TECHNICIAN))
                .hasMessageContaining("is 2.0 MB; use an image of at most 2 MB");
        assertThat(settings.current()).isEqualTo(SiteSettings.DEFAULTS);
    }

    @Test
    void invalidNamesRejected() {
        assertThatThrownBy(() -> settings.save(" ", null, TestSites.TECHNICIAN)).hasMessageStartingWith("The site name is required");
        assertThatThrownBy(() -> settings.save("A".repeat(121), null, TestSites.TECHNICIAN)).hasMessageContaining("at most 120");
        assertThatThrownBy(() -> settings.save("St. Anne\nEast", null, TestSites.TECHNICIAN)).hasMessageContaining("one line");
    }

    @Test
    void onlyAdministratorOnceAccountsExist() {
        AcceptanceFixtures.accounts(services);

        assertThatThrownBy(() -> settings.save("St. Anne", null, TestSites.TECHNICIAN)).isInstanceOf(IllegalStateException.class);
        assertThat(settings.changeRejection(TestSites.TECHNICIAN)).isPresent();
        assertThat(settings.changeRejection(new Actor("kwong"))).isEmpty();
        assertThat(settings.save("St. Anne", null, new Actor("kwong")).name()).isEqualTo("St. Anne");
    }
}
