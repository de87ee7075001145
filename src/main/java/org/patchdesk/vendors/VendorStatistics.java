package org.patchdesk.vendors;

/**
 * A manufacturer's validation requests: how many, how many are open, how many open ones have a
 * follow-up date before today, how many were validated, and the median and longest number of days
 * from the requested date to the validated date. The day counts are null without a validated request.
 */
public record VendorStatistics(long manufacturerId, String manufacturer, int requests, int open, int overdueFollowUps, int validated,
                               Double medianDaysToValidation, Integer longestDaysToValidation) {
}
