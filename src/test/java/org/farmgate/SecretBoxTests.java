package org.farmgate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Sealed secrets open only with the key and for the purpose they were sealed with, and
 * the key file is made once, readable by its owner only.
 */
class SecretBoxTests {

	private final SecretBox box = new SecretBox(new byte[32]);

	@Test
	void aSealedSecretOpensToWhatWasSealedAndDoesNotShowIt() {
		String sealed = this.box.seal("shop", "whsec_abc123");

		assertThat(sealed).startsWith("v1:").doesNotContain("whsec_abc123");
		assertThat(SecretBox.isSealed(sealed)).isTrue();
		assertThat(this.box.open("shop", sealed)).isEqualTo("whsec_abc123");
		assertThat(this.box.seal("shop", "whsec_abc123")).as("a fresh nonce each time").isNotEqualTo(sealed);
	}

	@Test
	void aSecretDoesNotOpenUnderAnotherKeyForAnotherPurposeOrWhenAltered() {
		String sealed = this.box.seal("shop", "whsec_abc123");
		byte[] otherKey = new byte[32];
		otherKey[0] = 1;

		assertThatIllegalStateException().isThrownBy(() -> new SecretBox(otherKey).open("shop", sealed))
			.withMessageContaining("another key");
		assertThatIllegalStateException().isThrownBy(() -> this.box.open("token", sealed));
		byte[] bytes = java.util.Base64.getDecoder().decode(sealed.substring(3));
		bytes[bytes.length - 1] ^= 1;
		String altered = "v1:" + java.util.Base64.getEncoder().encodeToString(bytes);
		assertThatIllegalStateException().isThrownBy(() -> this.box.open("shop", altered));
	}

	@Test
	void theKeyFileIsCreatedOnceOwnerOnlyAndReusedAfterwards(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("data/secret.key");
		SecretBoxConfiguration configuration = new SecretBoxConfiguration();

		String sealed = configuration.secretBox("", file.toString()).seal("shop", "whsec_1");
		assertThat(file).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(configuration.secretBox("", file.toString()).open("shop", sealed)).isEqualTo("whsec_1");
	}

	@Test
	void aConfiguredKeyOfTheWrongLengthIsRefusedWithHowToMakeOne() {
		assertThatIllegalStateException().isThrownBy(() -> new SecretBoxConfiguration().secretBox("c2hvcnQ=", ""))
			.withMessageContaining("openssl rand -base64 32");
	}

}
