package org.patchdesk.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchdesk.audit.AuditAction;
import org.patchdesk.audit.AuditDao;
import org.patchdesk.audit.AuditEntry;
import org.patchdesk.inventory.DeviceField;
import org.patchdesk.inventory.DeviceValues;
import org.patchdesk.inventory.Manufacturer;
import org.patchdesk.testing.TestSites;
import org.patchdesk.workspace.Services;

class VendorContactServiceTest {

    @TempDir
    Path folder;

    private Services services;
    private VendorContactService contacts;

    @BeforeEach
    void open() {
        services = TestSites.open(folder.resolve("data"));
        contacts = services.vendorContacts();
        device("BD-1", "BD", "Alaris 8015");
        device("BAX-1", "Baxter", "Sigma Spectrum");
    }

    @AfterEach
    void close() {
        services.close();
    }

    private void device(String tag, String manufacturer, String model) {
        services.devices().create(new DeviceValues().set(DeviceField.ASSET_TAG, tag).set(DeviceField.MANUFACTURER, manufacturer)
                .set(DeviceField.MODEL, model), TestSites.TECHNICIAN);
    }

    private long manufacturer(String name) {
        return services.manufacturers().findByAlias(name).map(Manufacturer::id).orElseThrow();
    }

    private List<AuditEntry> audit(long contactId) {
        return services.database().jdbi().withHandle(handle -> handle.attach(AuditDao.class)
                .listByRecord(VendorContactService.RECORD_TYPE, contactId));
    }

    private static ContactDetails dana() {
        return new ContactDetails(" Dana Smith ", "Field service engineer", "dana.smith@bd.example", "+1 800 555 0100",
                "https://support.bd.example/portal", "Gold service agreement to 2027-06-30");
    }

    @Test
    void createdContactIsListedAndAudited() {
        VendorContact created = contacts.create(manufacturer("BD"), dana(), TestSites.TECHNICIAN);

        assertThat(contacts.list(manufacturer("BD"))).singleElement().satisfies(contact -> {
            assertThat(contact.name()).isEqualTo("Dana Smith");
            assertThat(contact.manufacturer()).isEqualTo("BD");
            assertThat(contact.email()).isEqualTo("dana.smith@bd.example");
            assertThat(contact.portalUrl()).isEqualTo("https://support.bd.example/portal");
            assertThat(contact.supportContract()).isEqualTo("Gold service agreement to 2027-06-30");
            assertThat(contact.changedBy()).isEqualTo("jtech");
        });
        assertThat(contacts.list(manufacturer("Baxter"))).isEmpty();
        assertThat(contacts.list(null)).hasSize(1);
        assertThat(audit(created.id())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.CREATE);
            assertThat(entry.actor()).isEqualTo("jtech");
            assertThat(entry.recordLabel()).isEqualTo("Dana Smith (BD)");
            assertThat(entry.newValues()).containsEntry("email", "dana.smith@bd.example").containsEntry("role", "Field service engineer");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "dana.smith@bd|''|Email 'dana.smith@bd' is not an email address; write it as name@example.com",
            "dana smith@bd.example|''|Email 'dana smith@bd.example' is not an email address; write it as name@example.com",
            "''|support.bd.example|Portal URL 'support.bd.example' does not start with https:// or http://;"
                    + " write the whole address, such as https://support.example.com/portal",
            "''|ftp://bd.example|Portal URL 'ftp://bd.example' does not start with https:// or http://;"
                    + " write the whole address, such as https://support.example.com/portal",
            "''|https:///portal|Portal URL 'https:///portal' has no host name; write the whole address, such as https://support.example.com/portal"})
    void invalidEmailOrUrlIsRejected(String email, String url, String message) {
        ContactDetails details = new ContactDetails("Dana Smith", null, email, null, url, null);

        assertThatThrownBy(() -> contacts.create(manufacturer("BD"), details, TestSites.TECHNICIAN)).hasMessage(message);
        assertThat(contacts.list(null)).isEmpty();
    }

    @Test
    void contactNeedsANameAndPhoneDigits() {
        assertThatThrownBy(() -> contacts.create(manufacturer("BD"), new ContactDetails(" ", null, null, null, null, null),
                TestSites.TECHNICIAN)).hasMessage("A contact needs a name");
        assertThatThrownBy(() -> contacts.create(manufacturer("BD"), new ContactDetails("Dana", null, null, "call the desk", null, null),
                TestSites.TECHNICIAN)).hasMessage("Phone 'call the desk' has no digits; write the number, such as +1 800 555 0100");
    }

    @Test
    void updateAuditsOnlyChangedFields() {
        VendorContact created = contacts.create(manufacturer("BD"), dana(), TestSites.TECHNICIAN);

        VendorContact updated = contacts.update(created.id(), new ContactDetails("Dana Smith", "Product security officer",
                "dana.smith@bd.example", "+1 800 555 0100", "https://support.bd.example/portal", null), TestSites.MANAGER);

        assertThat(updated.role()).isEqualTo("Product security officer");
        assertThat(updated.supportContract()).isNull();
        assertThat(updated.changedBy()).isEqualTo("mmanager");
        AuditEntry entry = audit(created.id()).get(1);
        assertThat(entry.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(entry.oldValues()).containsOnlyKeys("role", "support_contract");
        assertThat(entry.newValues()).containsEntry("role", "Product security officer").containsEntry("support_contract", "");
    }

    @Test
    void contactNamedOnARequestIsKept() {
        VendorContact dana = contacts.create(manufacturer("BD"), dana(), TestSites.TECHNICIAN);
        VendorContact other = contacts.create(manufacturer("BD"), new ContactDetails("Lee Park", null, null, null, null, null),
                TestSites.TECHNICIAN);
        long product = services.validationRequests().products(manufacturer("BD")).get(0).id();
        services.validationRequests().create(new NewRequest(product, LocalDate.of(2026, 11, 2), null,
                new RequestDetails("Service Pack 4", null, dana.id(), false, null, null, null)), TestSites.TECHNICIAN);

        assertThatThrownBy(() -> contacts.delete(dana.id(), TestSites.TECHNICIAN)).hasMessage("Dana Smith is the contact of 1 validation"
                + " request, so the contact is kept to show who was asked. Edit the contact instead (for example its role), or give"
                + " those requests another contact first.");
        contacts.delete(other.id(), TestSites.TECHNICIAN);

        assertThat(contacts.list(null)).extracting(VendorContact::name).containsExactly("Dana Smith");
        assertThat(audit(other.id())).extracting(AuditEntry::action).containsExactly(AuditAction.CREATE, AuditAction.DELETE);
    }

    @Test
    void vendorsCountContactsRequestsAndDevices() {
        contacts.create(manufacturer("BD"), dana(), TestSites.TECHNICIAN);
        long product = services.validationRequests().products(manufacturer("BD")).get(0).id();
        services.validationRequests().create(new NewRequest(product, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 1),
                new RequestDetails("Service Pack 4", null, null, false, null, null, null)), TestSites.TECHNICIAN);

        List<Vendor> vendors = contacts.vendors();

        assertThat(vendors).extracting(Vendor::name).containsExactly("Baxter", "BD");
        assertThat(vendors.get(1)).isEqualTo(new Vendor(manufacturer("BD"), "BD", 1, 1, 1, 1));
        assertThat(vendors.get(0)).isEqualTo(new Vendor(manufacturer("Baxter"), "Baxter", 0, 0, 0, 1));
    }

    @Test
    void mergedManufacturerKeepsContactsAndRequests() {
        device("CF-1", "Cardinal Test Co", "Alaris 8015");
        long cardinal = manufacturer("Cardinal Test Co");
        VendorContact contact = contacts.create(cardinal, dana(), TestSites.TECHNICIAN);
        long product = services.validationRequests().products(cardinal).get(0).id();
        ValidationRequest request = services.validationRequests().create(new NewRequest(product, LocalDate.of(2026, 11, 2), null,
                new RequestDetails("Service Pack 4", null, contact.id(), false, null, null, null)), TestSites.TECHNICIAN);

        services.manufacturers().merge(cardinal, manufacturer("BD"), TestSites.MANAGER);

        assertThat(contacts.list(manufacturer("BD"))).extracting(VendorContact::name).containsExactly("Dana Smith");
        ValidationRequest moved = services.validationRequests().find(request.id()).orElseThrow();
        assertThat(moved.product()).isEqualTo("BD Alaris 8015");
        assertThat(moved.contactName()).isEqualTo("Dana Smith");
    }
}
