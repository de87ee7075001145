package org.patchdesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NormalizersTest {

    @ParameterizedTest
    @CsvSource({
            "00:1a:2b:3c:4d:5e, 00:1A:2B:3C:4D:5E",
            "00-1A-2B-3C-4D-5E, 00:1A:2B:3C:4D:5E",
            "001a.2b3c.4d5e, 00:1A:2B:3C:4D:5E",
            "001A2B3C4D5E, 00:1A:2B:3C:4D:5E",
            "0:1a:2b:3c:4d:5e, 00:1A:2B:3C:4D:5E",
            "' 00:1A:2B:3C:4D:5E ', 00:1A:2B:3C:4D:5E"})
    void macAddressesAreNormalized(String input, String expected) {
        assertThat(MacAddresses.normalize(input)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:1A:2B:3C:4D", "00:1A:2B:3C:4D:5E:6F", "00:1A-2B:3C:4D:5E", "GG:1A:2B:3C:4D:5E", "001A2B3C4D5", ""})
    void invalidMacAddressesAreRejected(String input) {
        assertThat(MacAddresses.normalize(input)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "10.20.1.15, 10.20.1.15",
            "0.0.0.0, 0.0.0.0",
            "255.255.255.255, 255.255.255.255",
            "2001:DB8:0:0:0:0:0:10, 2001:db8::10",
            "2001:db8::10, 2001:db8::10",
            "fe80::1%eth0, fe80::1%eth0",
            "::ffff:10.1.2.3, ::ffff:a01:203",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "010.040.001.003, 10.40.1.3",
            "10.1.1.1/24, 10.1.1.1",
            "::, ::"})
    void ipAddressesAreValidatedAndCanonical(String input, String expected) {
        assertThat(IpAddresses.normalize(input)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.40.1.300", "10.1.1", "10.1.1.1.1", "0010.1.1.1", "10.1.1.1/", "10.1.1.x", "2001:db8::1::2", "2001:db8:1:2:3:4:5:6:7",
            "12345::", "host.example.org", ""})
    void invalidIpAddressesAreRejected(String input) {
        assertThat(IpAddresses.normalize(input)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "2019-03-14, 2019-03-14",
            "2019-03-14T00:00:00, 2019-03-14",
            "3/14/2019, 2019-03-14",
            "03/14/2019, 2019-03-14",
            "3-14-2019, 2019-03-14",
            "3/14/19, 2019-03-14",
            "3/14/98, 1998-03-14",
            "'3/14/2019 10:30 AM', 2019-03-14",
            "2019/3/14, 2019-03-14",
            "20190314, 2019-03-14",
            "43538, 2019-03-14",
            "43538.75, 2019-03-14",
            "'Mar 14, 2019', 2019-03-14",
            "'March 14, 2019', 2019-03-14",
            "14-Mar-2019, 2019-03-14",
            "14-MAR-19, 2019-03-14",
            "'14 March 2019', 2019-03-14",
            "'Sept 1, 2020', 2020-09-01",
            "1, 1900-01-01",
            "61, 1900-03-01"})
    void spreadsheetDatesAreParsed(String input, LocalDate expected) {
        assertThat(SpreadsheetDates.parse(input)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/12/2019", "2019-02-30", "13/45/2020", "Smarch 3, 2019", "next week", "0", "12345678"})
    void invalidDatesAreRejected(String input) {
        assertThat(SpreadsheetDates.parse(input)).isEqualTo(Optional.empty());
    }
}
