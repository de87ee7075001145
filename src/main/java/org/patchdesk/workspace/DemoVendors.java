package org.patchdesk.workspace;

import java.time.LocalDate;
import java.util.Optional;

import org.patchdesk.common.Actor;
import org.patchdesk.vendors.ContactDetails;
import org.patchdesk.vendors.NewRequest;
import org.patchdesk.vendors.RequestDetails;
import org.patchdesk.vendors.RequestStatus;
import org.patchdesk.vendors.ValidationRequestService;
import org.patchdesk.vendors.Vendor;
import org.patchdesk.vendors.VendorContact;
import org.patchdesk.vendors.VendorContactService;
import org.patchdesk.vendors.VendorProduct;
import org.patchdesk.vendors.VendorResponse;

/**
 * Fictional vendor contacts and validation requests for the demo data: a validated request, one
 * whose follow-up is overdue, and an uncontrolled vulnerability with its FDA clocks running.
 * Names, addresses and references are invented; the addresses use the reserved example.com domain.
 */
final class DemoVendors {

    private final VendorContactService contacts;
    private final ValidationRequestService requests;
    private final Actor actor;
    private final LocalDate today;

    private DemoVendors(Services demo, Actor actor) {
        this.contacts = demo.vendorContacts();
        this.requests = demo.validationRequests();
        this.actor = actor;
        this.today = LocalDate.now(demo.clock());
    }

    /** Records the demo's contacts and requests; returns how many requests were recorded. */
    static int record(Services demo, Actor actor) {
        return new DemoVendors(demo, actor).record();
    }

    private int record() {
        int recorded = 0;
        Optional<Vendor> philips = vendor("Philips");
        if (philips.isPresent()) {
            long engineer = contacts.create(philips.get().manufacturerId(), new ContactDetails("Laura Bennett", "Customer service engineer",
                    "laura.bennett@example.com", "+1 555 0142", "https://www.example.com/philips-incenter", "RightFit service agreement,"
                    + " renews 2027-06-30"), actor).id();
            contacts.create(philips.get().manufacturerId(), new ContactDetails("Product security team", "PSIRT", "psirt@example.com", null,
                    null, null), actor);
            Optional<VendorProduct> x2 = product(philips.get(), "IntelliVue X2");
            if (x2.isPresent()) {
                long id = requests.create(new NewRequest(x2.get().id(), today.minusDays(75), null, new RequestDetails("IntelliVue X2"
                        + " software update for the 2020 advisory", "CVE-2020-16212", engineer, false, null, null,
                        "Asked whether the update is validated for our IntelliVue X2 modules")), actor).id();
                requests.changeStatus(id, RequestStatus.ACKNOWLEDGED, today.minusDays(70), "Case opened by the vendor", actor);
                requests.changeStatus(id, RequestStatus.VALIDATED, today.minusDays(30), "Validated for all X2 software revisions",
                        new VendorResponse(today.minusDays(30), "PHL-VAL-20412", "Owner may install after the vendor's release note"),
                        actor);
                recorded++;
            }
            Optional<VendorProduct> mx40 = product(philips.get(), "IntelliVue MX40");
            if (mx40.isPresent()) {
                long id = requests.create(new NewRequest(mx40.get().id(), today.minusDays(20), today.minusDays(5), new RequestDetails(
                        "MX40 software B.06.52 with the Windows 10 IoT security rollup", null, engineer, false, null, null, null)),
                        actor).id();
                requests.changeStatus(id, RequestStatus.ACKNOWLEDGED, today.minusDays(18), "Vendor is testing the rollup", actor);
                recorded++;
            }
        }
        Optional<Vendor> bd = vendor("BD");
        if (bd.isPresent()) {
            VendorContact rep = contacts.create(bd.get().manufacturerId(), new ContactDetails("Marcus Webb", "Field service representative",
                    "marcus.webb@example.com", "+1 555 0178", "https://www.example.com/bd-customer-portal", "Alaris full service"), actor);
            Optional<VendorProduct> alaris = product(bd.get(), "Alaris 8100");
            if (alaris.isPresent()) {
                long id = requests.create(new NewRequest(alaris.get().id(), today.minusDays(120), null, new RequestDetails(
                        "Alaris System software 12.3.1", null, rep.id(), false, null, null, null)), actor).id();
                requests.changeStatus(id, RequestStatus.VALIDATED, today.minusDays(41), "Validated; installed by biomed with the"
                        + " vendor's instructions", new VendorResponse(today.minusDays(41), "BD-VAL-8841", null), actor);
                requests.recordPatchability(id, null, actor);
                recorded++;
            }
        }
        Optional<Vendor> fresenius = vendor("Fresenius Kabi");
        if (fresenius.isPresent()) {
            Optional<VendorProduct> agilia = product(fresenius.get(), "Agilia Link+");
            if (agilia.isPresent()) {
                requests.create(new NewRequest(agilia.get().id(), today.minusDays(10), today.plusDays(4), new RequestDetails(null,
                        "CVE-2021-23236", null, true, today.minusDays(12), null, "The vendor calls this uncontrolled; it learned of it"
                        + " 12 days ago by its own account")), actor);
                recorded++;
            }
        }
        return recorded;
    }

    private Optional<Vendor> vendor(String name) {
        return contacts.vendors().stream().filter(vendor -> vendor.name().equals(name)).findFirst();
    }

    private Optional<VendorProduct> product(Vendor vendor, String model) {
        return requests.products(vendor.manufacturerId()).stream().filter(product -> product.model().equals(model)).findFirst();
    }
}
