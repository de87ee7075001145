package org.patchdesk.recovery;

import org.patchdesk.planning.Patchability;

/**
 * An in-service device its owner cannot patch that has no recovery protocol of its own and whose
 * product has none, listed because the product list does not show its case: its patchability was
 * set for the device itself ({@code setForDevice}), or it has no model recorded
 * ({@code productId} and {@code productLabel} are null).
 */
public record DeviceWithoutProtocol(long deviceId, String assetTag, Long productId, String productLabel, Patchability patchability,
                                    String reason, boolean setForDevice) {
}
