package org.patchdesk.demo;

/**
 * An operating system as a CMMS records it, with the years in which a device bought new would
 * plausibly run it. Acquisition dates are drawn inside those years.
 */
record Platform(String os, String osVersion, int firstYear, int lastYear) {

    static final Platform NONE = new Platform("", "", 1990, 2100);
    static final Platform WINDOWS_XP = new Platform("Windows XP", "SP3", 2004, 2013);
    static final Platform WINDOWS_7 = new Platform("Windows 7", "SP1", 2010, 2019);
    static final Platform WINDOWS_10 = new Platform("Windows 10", "21H2", 2016, 2100);
    static final Platform WINDOWS_10_LTSC_2019 = new Platform("Windows 10", "Enterprise LTSC 2019", 2019, 2100);
    static final Platform WINDOWS_10_IOT_2021 = new Platform("Windows 10", "IoT Enterprise LTSC 2021", 2021, 2100);
    static final Platform WINDOWS_SERVER_2012_R2 = new Platform("Windows Server 2012 R2", "Standard", 2013, 2100);
    static final Platform WINDOWS_SERVER_2016 = new Platform("Windows Server 2016", "Standard", 2017, 2100);
    static final Platform WINDOWS_EMBEDDED_7 = new Platform("Windows Embedded Standard 7", "SP1", 2011, 2021);
    static final Platform WINDOWS_CE_6 = new Platform("Windows CE 6.0", "R3", 2007, 2018);
    static final Platform EMBEDDED_LINUX = new Platform("Embedded Linux", "", 2005, 2100);
    static final Platform RED_HAT_LINUX = new Platform("Red Hat Enterprise Linux", "7.9", 2014, 2100);
    static final Platform VXWORKS = new Platform("VxWorks", "6.9", 2008, 2100);
    static final Platform QNX = new Platform("QNX", "6.5", 2008, 2100);
}
