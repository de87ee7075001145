package org.patchdesk.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashUsesPbkdf2WithTheDefaultIterations() {
        PasswordHasher.PasswordHash hash = hasher.hash("correct horse".toCharArray());

        assertThat(hash.algorithm()).isEqualTo("PBKDF2WithHmacSHA256");
        assertThat(hash.iterations()).isEqualTo(600_000);
        assertThat(Base64.getDecoder().decode(hash.salt())).hasSize(16);
        assertThat(Base64.getDecoder().decode(hash.hash())).hasSize(32);
        assertThat(hash.hash()).doesNotContain("correct horse");
    }

    @Test
    void samePasswordGetsDifferentSalts() {
        PasswordHasher quick = new PasswordHasher(1000);

        PasswordHasher.PasswordHash first = quick.hash("correct horse".toCharArray());
        PasswordHasher.PasswordHash second = quick.hash("correct horse".toCharArray());

        assertThat(first.salt()).isNotEqualTo(second.salt());
        assertThat(first.hash()).isNotEqualTo(second.hash());
    }

    @Test
    void verifyAcceptsOnlyTheRightPassword() {
        PasswordHasher.PasswordHash hash = hasher.hash("correct horse".toCharArray());

        assertThat(hasher.verify("correct horse".toCharArray(), hash)).isTrue();
        assertThat(hasher.verify("Correct horse".toCharArray(), hash)).isFalse();
        assertThat(hasher.verify("correct hors".toCharArray(), hash)).isFalse();
        assertThat(hasher.verify(new char[0], hash)).isFalse();
    }

    @Test
    void verifyUsesTheStoredIterationCount() {
        PasswordHasher.PasswordHash older = new PasswordHasher(1000).hash("battery staple".toCharArray());

        assertThat(hasher.verify("battery staple".toCharArray(), older)).isTrue();
    }
}
